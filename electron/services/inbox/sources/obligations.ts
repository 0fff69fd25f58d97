import { decisionsOf, serviceEnrolmentsOf } from '../../../../db/repositories/programmes.ts';
import { centerFiguresFrom } from '../../../../shared/programmes/center-figures.ts';
import {
  decisionsInForce,
  enrolmentObligationFigures,
  obligationPeriods,
} from '../../../../shared/programmes/obligations.ts';
import { enrolmentProgramme } from '../../../../shared/programmes/stages.ts';
import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 구직활동 이행 판정 (issue 17 item 2): the obligation periods of the person's cases in the service stage
// that have ended (due on their last day) with no compliance decision yet. Periods come from each
// enrolment's own catalogue edition and the figures fixed on it; a decided period leaves the list.

export const obligationSource: InboxSource = {
  async items({ db, userId, centerCode, today }) {
    const enrolments = await serviceEnrolmentsOf(db, { userId, centerCode, wholeCenter: false });
    if (enrolments.length === 0) return [];
    const center = await db
      .selectFrom('centers')
      .select('settings')
      .where('code', '=', centerCode)
      .executeTakeFirst();
    const figures = centerFiguresFrom(center?.settings);
    const decisions = await decisionsOf(
      db,
      enrolments.map((e) => e.id),
    );
    // Grouped once: a caseload has thousands of enrolments and of decisions.
    const byEnrolment = new Map<string, typeof decisions>();
    for (const d of decisions) {
      const list = byEnrolment.get(d.enrolment_id);
      if (list) list.push(d);
      else byEnrolment.set(d.enrolment_id, [d]);
    }
    // Enrolments of one programme edition that started on the same day under the same figures have the
    // same periods: each such schedule is worked out once (hundreds of days for thousands of enrolments).
    const schedules = new Map<string, ReturnType<typeof obligationPeriods>>();
    const items: InboxItem[] = [];
    for (const e of enrolments) {
      const programme = enrolmentProgramme(e)?.programme;
      if (!programme) continue;
      const own = byEnrolment.get(e.id);
      const held = own ? decisionsInForce(own.map((d) => ({ ...d, seq: Number(d.seq) }))) : undefined;
      const key = `${e.catalogue_version}|${e.programme_code}|${e.service_on}|${e.obligation_figures}`;
      let schedule = schedules.get(key);
      if (!schedule) {
        // The figures fixed on the enrolment when it was made (the case page spaces them the same way).
        const spacing = enrolmentObligationFigures(e.obligation_figures, figures);
        schedule = obligationPeriods(programme, e.service_on, spacing);
        schedules.set(key, schedule);
      }
      for (const p of schedule) {
        const status = dueStatus(p.dueOn, today);
        if (!status || held?.has(`${p.obligation}#${p.period}`)) continue;
        items.push({
          key: `obligation:${e.id}:${p.obligation}:${p.period}`,
          source: 'obligation',
          dueOn: p.dueOn,
          status,
          subject: { kind: 'jobseeker', id: e.jobseeker_id, label: e.jobseeker_name },
          detail: { period: p.period },
        });
      }
    }
    return items;
  },
};
