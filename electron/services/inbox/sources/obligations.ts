import { serviceEnrolmentsOf } from '../../../../db/repositories/programmes.ts';
import { centerFiguresFrom } from '../../../../shared/programmes/center-figures.ts';
import { enrolmentObligationFigures, obligationPeriods } from '../../../../shared/programmes/obligations.ts';
import { enrolmentProgramme } from '../../../../shared/programmes/stages.ts';
import { dueStatus, type DueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 구직활동 이행 판정 (issue 17 item 2): the obligation periods of the person's cases in the service stage
// that have ended (due on their last day) with no compliance decision yet. Periods come from each
// enrolment's own catalogue edition and the figures fixed on it; a decided period leaves the list.

interface DuePart {
  /** `obligation#period`, as the decided list names it. */
  decisionKey: string;
  obligation: string;
  period: number;
  dueOn: string;
  status: DueStatus;
}

export const obligationSource: InboxSource = {
  async items({ db, userId, centerCode, today }) {
    const enrolments = await serviceEnrolmentsOf(db, { userId, centerCode });
    if (enrolments.length === 0) return [];
    const center = await db
      .selectFrom('centers')
      .select('settings')
      .where('code', '=', centerCode)
      .executeTakeFirst();
    const figures = centerFiguresFrom(center?.settings);
    // Enrolments of one programme edition that started on the same day under the same figures have the
    // same periods: each such schedule's periods due by today are worked out once (a caseload has
    // thousands of enrolments on a few hundred start days).
    const schedules = new Map<string, DuePart[]>();
    const items: InboxItem[] = [];
    for (const e of enrolments) {
      const key = `${e.catalogue_version}|${e.programme_code}|${e.service_on}|${e.obligation_figures}`;
      let due = schedules.get(key);
      if (!due) {
        const programme = enrolmentProgramme(e)?.programme;
        // The figures fixed on the enrolment when it was made (the case page spaces them the same way).
        const spacing = enrolmentObligationFigures(e.obligation_figures, figures);
        due = [];
        for (const p of programme ? obligationPeriods(programme, e.service_on, spacing) : []) {
          const status = dueStatus(p.dueOn, today);
          if (status) due.push({ decisionKey: `${p.obligation}#${p.period}`, ...p, status });
        }
        schedules.set(key, due);
      }
      if (due.length === 0) continue;
      const decided = new Set(e.decided?.split(','));
      for (const p of due) {
        if (decided.has(p.decisionKey)) continue;
        items.push({
          key: `obligation:${e.id}:${p.obligation}:${p.period}`,
          source: 'obligation',
          dueOn: p.dueOn,
          status: p.status,
          subject: { kind: 'jobseeker', id: e.jobseeker_id, label: e.jobseeker_name },
          detail: { period: p.period },
        });
      }
    }
    return items;
  },
};
