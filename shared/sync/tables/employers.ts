import { z } from 'zod';
import {
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  EMPLOYER_OVERRIDE_REASONS,
  KSIC_SECTIONS,
  OPENING_STATUSES,
  PACKAGE_STAGES,
  PACKAGE_STEPS,
  PACKAGE_STEP_STATUSES,
  employerFieldsSchema,
  openingFieldsSchema,
} from '../../domain/employers.ts';
import { daySchema } from '../../domain/day.ts';
import { EMPLOYER_TYPE_VALUES } from '../../profiling/index.ts';
import { anyUuid, bool01, col, enumOf, jsonText, text, timestamp } from './columns.ts';
import { checkEmployerAssessment } from './derive.ts';
import type { TableDecl } from './types.ts';

// Employers and their openings (domain.md §2, §4): kept per region (시도), so the region's centers share
// them; the records that belong to an employer follow its scope.

const ef = employerFieldsSchema.shape;
const of = openingFieldsSchema.shape;
const day = daySchema('validation.date');
const LEVELS = ['high', 'mid', 'low'] as const;
const parent = { scope: 'parent' } as const;
const never = { update: 'never' } as const;

export const employerTables = {
  employers: {
    insert: ['counselor', 'supervisor'],
    columns: {
      business_no: col(ef.businessNo),
      name: col(ef.name),
      industry: col(enumOf(KSIC_SECTIONS)),
      employees: col(ef.employees),
      sido: col(ef.sido, { scope: 'region' }),
      sigungu: col(ef.sigungu),
      contact_name: col(ef.contactName),
      contact_phone: col(ef.contactPhone),
      contact_email: col(ef.contactEmail),
      potential_client: col(bool01, { optional: true }),
      focus_support: col(bool01, { optional: true }),
      wage_level: col(enumOf(LEVELS).nullable()),
      welfare_level: col(enumOf(LEVELS).nullable()),
      recognition_level: col(enumOf(LEVELS).nullable()),
      current_type: col(enumOf(EMPLOYER_TYPE_VALUES).nullable()),
      center_code: col(z.string(), { author: 'center', update: 'never' }),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      archived: col(bool01, { optional: true }),
    },
  },
  employer_assessments: {
    insert: ['counselor', 'supervisor'],
    columns: {
      employer_id: col(anyUuid, parent),
      rule_set: col(text(40, 1)),
      inputs: col(jsonText(4_000)),
      result: col(jsonText(4_000), { derived: true }),
      type: col(enumOf(EMPLOYER_TYPE_VALUES), { derived: true }),
      decision: col(enumOf(['accepted', 'overridden'])),
      final_type: col(enumOf(EMPLOYER_TYPE_VALUES)),
      override_reason_code: col(enumOf(EMPLOYER_OVERRIDE_REASONS).nullable()),
      override_reason_text: col(text(1_000).nullable()),
      created_by: col(anyUuid, { author: 'user' }),
      created_at: col(timestamp),
    },
    check: checkEmployerAssessment,
  },
  job_openings: {
    insert: ['counselor', 'supervisor'],
    columns: {
      employer_id: col(anyUuid, never),
      title: col(of.title),
      occupation: col(of.occupation),
      sido: col(of.sido, { scope: 'region' }),
      sigungu: col(of.sigungu),
      wage: col(of.wage),
      positions: col(of.positions),
      required_qualifications: col(jsonText(2_000, of.requiredQualifications), { optional: true }),
      status: col(enumOf(OPENING_STATUSES), { optional: true }),
      public: col(bool01, { optional: true }),
      center_code: col(z.string(), { author: 'center', update: 'never' }),
      created_at: col(timestamp, never),
      updated_at: col(timestamp),
      archived: col(bool01, { optional: true }),
    },
  },
  employer_contacts: {
    insert: ['counselor', 'supervisor'],
    columns: {
      employer_id: col(anyUuid, parent),
      kind: col(enumOf(CONTACT_KINDS)),
      outcome: col(enumOf(CONTACT_OUTCOMES)),
      note: col(text(2_000).nullable()),
      contacted_on: col(day),
      next_on: col(day.nullable()),
      counselor_id: col(anyUuid, { author: 'user' }),
      created_at: col(timestamp),
    },
  },
  package_steps: {
    insert: ['counselor', 'supervisor'],
    columns: {
      employer_id: col(anyUuid, parent),
      stage: col(enumOf(PACKAGE_STAGES.map((s) => s.stage) as unknown as [string, ...string[]])),
      step: col(enumOf(PACKAGE_STEPS as unknown as [string, ...string[]])),
      status: col(enumOf(PACKAGE_STEP_STATUSES)),
      on_date: col(day.nullable()),
      note: col(text(2_000).nullable()),
      counselor_id: col(anyUuid, { author: 'user' }),
      created_at: col(timestamp),
    },
  },
} as const satisfies Record<string, TableDecl>;
