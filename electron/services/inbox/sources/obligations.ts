import { serviceEnrolmentsOf } from '../../../../db/repositories/programmes.ts';
import { centerFiguresFrom, type CenterFigures } from '../../../../shared/programmes/center-figures.ts';
import { enrolmentObligationFigures, obligationPeriods } from '../../../../shared/programmes/obligations.ts';
import { enrolmentProgramme } from '../../../../shared/programmes/stages.ts';
import { dueStatus, type InboxItem } from '../../../../shared/domain/tasks.ts';
import type { InboxSource } from '../source.ts';

// 구직활동 이행 판정 (issue 17 item 2): the obligation periods of the person's cases in the service stage
// that have ended (due on their last day) with no compliance decision yet. Periods come from each
// enrolment's own catalogue edition and the figures fixed on it; a decided period leaves the list.

interface Period {
  /** `obligation#period`, as the decided list names it. */
  decisionKey: string;
  obligation: string;
  period: number;
  dueOn: string;
}

// Enrolments of one programme edition that started on the same day under the same figures have the same
// periods: a schedule is worked out once per start day and figures (a caseload has thousands of
// enrolments on a few hundred start days) and kept across visits, since it depends on nothing else.
// Bounded: a desk that has seen more schedules than this starts again.
const SCHEDULES_KEPT = 5_000;
const schedules = new Map<string, Period[]>();

function scheduleOf(
  e: { catalogue_version: string; programme_code: string; service_on: string | null },
  spacing: { figures: CenterFigures; text: string },
): Period[] {
  const key = `${e.catalogue_version}|${e.programme_code}|${e.service_on}|${spacing.text}`;
  let schedule = schedules.get(key);
  if (!schedule) {
    const programme = enrolmentProgramme(e)?.programme;
    schedule = (programme ? obligationPeriods(programme, e.service_on, spacing.figures) : []).map((p) => ({
      decisionKey: `${p.obligation}#${p.period}`,
      obligation: p.obligation,
      period: p.period,
      dueOn: p.dueOn,
    }));
    if (schedules.size >= SCHEDULES_KEPT) schedules.clear();
    schedules.set(key, schedule);
  }
  return schedule;
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
    // The figures fixed on the enrolment when it was made (the case page spaces them the same way); the
    // same few strings on thousands of enrolments, each read once per visit.
    const spacings = new Map<string | null, { figures: CenterFigures; text: string }>();
    const items: InboxItem[] = [];
    for (const e of enrolments) {
      let spacing = spacings.get(e.obligation_figures);
      if (!spacing) {
        const fixed = enrolmentObligationFigures(e.obligation_figures, figures);
        spacing = { figures: fixed, text: JSON.stringify(fixed) };
        spacings.set(e.obligation_figures, spacing);
      }
      const decided = e.decided === null ? undefined : new Set(e.decided.split(','));
      for (const p of scheduleOf(e, spacing)) {
        const status = dueStatus(p.dueOn, today);
        if (!status || decided?.has(p.decisionKey)) continue;
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
