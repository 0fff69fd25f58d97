import { describe, expect, it } from 'vitest';
import v1 from '../../../../resources/programmes/PRG-2026-v1.json' with { type: 'json' };
import {
  CATALOGUES,
  CURRENT_CATALOGUE,
  catalogueOf,
  catalogueSchema,
  figureFor,
  programmeOf,
  programmesOfKind,
  providersOfKind,
} from '../../../../shared/programmes/catalogue.ts';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing from the catalogue');
  return value;
}

describe('programme catalogue', () => {
  it('parses every edition and names the newest as current', () => {
    expect(CATALOGUES.length).toBeGreaterThan(0);
    expect(CURRENT_CATALOGUE.version).toBe(CATALOGUES.at(-1)?.version);
    expect(catalogueOf('PRG-2026-v1')?.programmes.length).toBe(v1.programmes.length);
    expect(catalogueOf('PRG-1999-v9')).toBeUndefined();
  });

  it('holds the programmes the 2021 plan names', () => {
    expect(programmeOf('nes-1')?.ko).toContain('국민취업지원제도');
    expect(programmesOfKind('group-programme').length).toBeGreaterThan(0);
    expect(programmesOfKind('work-experience').map((p) => p.code)).toEqual([
      'work-experience-trial',
      'work-experience-intern',
    ]);
    expect(providersOfKind('partner-agency').map((p) => p.code)).toContain('saeil-center');
    expect(providersOfKind('partner-agency').map((p) => p.code)).toContain('middle-aged-center');
  });

  it('marks every figure the seeds do not give as to confirm', () => {
    const figures = JSON.stringify(v1).match(/"value":\s*\d+,\s*"toConfirm":\s*(true|false)/g) ?? [];
    expect(figures.length).toBeGreaterThan(10);
    expect(figures.every((f) => f.endsWith('true'))).toBe(true);
  });

  it('refuses an edition with a duplicate code, a figure outside its limits or a programme missing its data', () => {
    const dup = structuredClone(v1);
    dup.providers.push({ ...must(dup.providers[0]) });
    expect(catalogueSchema.safeParse(dup).success).toBe(false);
    const outside = structuredClone(v1);
    must(must(outside.programmes[0]).stageDeadlineDays).plan.value = 500;
    expect(catalogueSchema.safeParse(outside).success).toBe(false);
    const noSessions = structuredClone(v1) as { programmes: Array<Record<string, unknown>> };
    delete must(noSessions.programmes.find((p) => p['kind'] === 'group-programme'))['sessions'];
    expect(catalogueSchema.safeParse(noSessions).success).toBe(false);
  });

  it("takes a center's figure only within the figure's limits", () => {
    const plan = must(must(programmeOf('nes-1')).stageDeadlineDays).plan;
    expect(figureFor(plan, null)).toBe(plan.value);
    expect(figureFor(plan, plan.min)).toBe(plan.min);
    expect(figureFor(plan, (plan.max ?? 0) + 1)).toBe(plan.value);
    expect(figureFor(plan, 10.5)).toBe(plan.value);
  });
});
