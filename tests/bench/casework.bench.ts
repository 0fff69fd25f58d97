import { addNote, getCaseFile, saveAssessment } from '../../electron/services/casework.ts';
import type { IntakeAnswers } from '../../shared/casework/intake.ts';
import { sampleMs, repeatMs } from './stats.ts';
import type { Benchmark } from './types.ts';

// Issue 3's writes and reads on a large center's store: saving an intake assessment (a new append-only
// row, the jobseeker's current decision, outbox entries and an audit entry in one transaction, then the
// case file the channel returns), and opening a case with a long history (50 notes, 10 assessments).

const SAVES = 200;
const OPENS = 100;
const SAVE_P95_AIM = { below: 50 };
const OPEN_P95_AIM = { below: 50 };

const ANSWERS: IntakeAnswers[] = [
  {
    searchActivities4w: '3+',
    startWish: 'within3m',
    willToWork: 5,
    preparation: 'license',
    experience: '2y+',
    sinceLastJob: 'under6m',
    barriers: [],
    economicHardship: [],
    fieldDecided: true,
    mobile: true,
    declined: [],
    kioskItems: [],
  },
  {
    searchActivities4w: '0',
    startWish: 'undecided',
    willToWork: 2,
    preparation: 'none',
    experience: 'none',
    sinceLastJob: 'never',
    barriers: ['caregiving'],
    economicHardship: ['low-income'],
    fieldDecided: false,
    mobile: false,
    declined: [],
    kioskItems: [],
  },
];

const FALLBACK = ANSWERS[0] as IntakeAnswers;

export const caseworkBench: Benchmark = {
  name: 'casework',
  summary: 'saving an intake assessment; opening a case with 50 notes and 10 assessments',
  async run(ctx) {
    const demo = await ctx.demoStore();
    const actor = await demo.signIn('counselor1');
    const services = demo.store.context;
    const total = ctx.options.jobseekers;
    // Jobseekers spread over the whole store (every step-th row by registration), fixed for the run.
    const step = Math.max(1, Math.floor(total / SAVES));
    const rows = await services.db.selectFrom('jobseekers').select('id').orderBy('registered_at').execute();
    const ids = rows
      .filter((_, i) => i % step === 0)
      .slice(0, SAVES)
      .map((r) => r.id);
    if (ids.length === 0) throw new Error('no jobseekers in the demo store');

    const saves = await sampleMs(ids, (id) =>
      saveAssessment(services, actor, {
        jobseekerId: id,
        answers: ANSWERS[ids.indexOf(id) % 2] ?? FALLBACK,
        decision: { kind: 'accepted' },
        reassessDueOn: null,
      }),
    );
    ctx.report.timings('casework.assessment.save', saves, SAVE_P95_AIM);

    // One case with a long history, built through the services as a counselor would.
    const heavy = ids[0] ?? '';
    const existing = (await getCaseFile(services, actor, heavy)).assessments.length;
    for (let i = existing; i < 10; i++) {
      await saveAssessment(services, actor, {
        jobseekerId: heavy,
        answers: ANSWERS[i % 2] ?? FALLBACK,
        decision: { kind: 'accepted' },
        reassessDueOn: null,
      });
    }
    const notes = (await getCaseFile(services, actor, heavy)).notes.length;
    for (let i = notes; i < 50; i++) {
      await addNote(services, actor, {
        jobseekerId: heavy,
        kind: 'in-person',
        body: `상담 기록 ${i + 1}: 이력서 보완 및 알선 계획 협의`,
      });
    }
    const file = await getCaseFile(services, actor, heavy);
    ctx.log(
      `casework: the heavy case has ${file.notes.length} notes and ${file.assessments.length} assessments`,
    );
    const opens = await repeatMs(OPENS, () => getCaseFile(services, actor, heavy));
    ctx.report.timings('casework.case.open50n10a', opens, OPEN_P95_AIM);
  },
};
