import { classifyEmployer } from '../../../shared/profiling/index.ts';
import type { ServiceContext } from '../context.ts';
import { DAY, HLC_ZERO, insertBatched, iso, type Progress, type Row } from './batch.ts';
import { makeBusinessNumber } from './business-number.ts';
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, SURNAMES } from './korean-names.ts';
import type { DemoPlaces } from './places.ts';
import { seededUuidv7, type Rng } from './random.ts';

// Demo employers, each with its accepted classification and one to four job openings (the older ones
// often filled or closed).

export async function generateDemoEmployers(
  ctx: ServiceContext,
  o: {
    rng: Rng;
    anchor: number;
    centerCode: string;
    employers: number;
    counselorIds: string[];
    places: DemoPlaces;
    progress: Progress;
  },
): Promise<{ employers: number; openings: Array<Row<'job_openings'>> }> {
  const { rng, anchor, counselorIds, progress } = o;
  const { pickRegion, occupationWeights } = o.places;
  const employers: Array<Row<'employers'>> = [];
  const employerAssessments: Array<Row<'employer_assessments'>> = [];
  const openings: Array<Row<'job_openings'>> = [];
  const businessNos = new Set<string>();
  const levels = ['high', 'mid', 'low'] as const;
  for (let i = 0; i < o.employers; i++) {
    const created = anchor - rng.int(1, 900) * DAY;
    const id = seededUuidv7(created, rng);
    const industry = rng.pick(Object.keys(COMPANY_SUFFIXES));
    let businessNo = makeBusinessNumber(rng);
    while (businessNos.has(businessNo)) businessNo = makeBusinessNumber(rng);
    businessNos.add(businessNo);
    const region = pickRegion();
    const employees = rng.weighted([
      [rng.int(1, 29), 6],
      [rng.int(30, 299), 3],
      [rng.int(300, 2000), 1],
    ]);
    const wage = rng.pick(levels);
    const welfare = rng.pick(levels);
    const recognition = rng.pick(levels);
    const mainOccupation = rng.weighted(occupationWeights);
    const profile = {
      uniformConditions: mainOccupation.uniformConditions === true,
      wage,
      welfare,
      recognition,
      employees,
    };
    const result = classifyEmployer(profile);
    employers.push({
      id,
      hlc: HLC_ZERO,
      business_no: businessNo,
      name: `(주)${rng.pick(COMPANY_PREFIXES)}${rng.pick(COMPANY_SUFFIXES[industry] ?? ['산업'])}`,
      industry,
      employees,
      sido: region.sido,
      sigungu: region.sigungu,
      contact_name: `${rng.weighted(SURNAMES)}과장`,
      contact_phone: `0${rng.int(2, 64)}${String(rng.int(1_000_000, 9_999_999))}`,
      potential_client: rng.chance(0.15) ? 1 : 0,
      focus_support: rng.chance(0.1) ? 1 : 0,
      wage_level: wage,
      welfare_level: welfare,
      recognition_level: recognition,
      current_type: result.type,
      center_code: o.centerCode,
      created_at: iso(created),
      updated_at: iso(created),
    });
    employerAssessments.push({
      id: seededUuidv7(created, rng),
      hlc: HLC_ZERO,
      employer_id: id,
      rule_set: result.ruleSet,
      inputs: JSON.stringify(profile),
      result: JSON.stringify(result),
      type: result.type,
      decision: 'accepted',
      final_type: result.type,
      override_reason_code: null,
      override_reason_text: null,
      created_by: rng.pick(counselorIds),
      created_at: iso(created),
    });
    for (let n = rng.int(1, 4); n > 0; n--) {
      const at = created + rng.int(0, 600) * DAY;
      if (at >= anchor) continue;
      const occupation = rng.chance(0.6) ? mainOccupation : rng.weighted(occupationWeights);
      openings.push({
        id: seededUuidv7(at, rng),
        hlc: HLC_ZERO,
        employer_id: id,
        title: `${occupation.ko} 채용`,
        occupation: occupation.code,
        sido: region.sido,
        sigungu: region.sigungu,
        wage: rng.int(210, 420) * 10_000,
        positions: rng.weighted([
          [1, 5],
          [2, 3],
          [rng.int(3, 10), 2],
        ]),
        required_qualifications: '[]',
        status: anchor - at > 200 * DAY ? rng.pick(['open', 'filled', 'closed'] as const) : 'open',
        public: rng.chance(0.7) ? 1 : 0,
        center_code: o.centerCode,
        created_at: iso(at),
        updated_at: iso(at),
      });
    }
  }
  await insertBatched(ctx, 'employers', employers, (d) => progress('employers', d, employers.length));
  await insertBatched(ctx, 'employer_assessments', employerAssessments);
  await insertBatched(ctx, 'job_openings', openings, (d) => progress('openings', d, openings.length));
  return { employers: employers.length, openings };
}
