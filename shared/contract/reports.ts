import { z } from 'zod';
import { daySchema } from '../domain/day.ts';
import { channel } from './channel.ts';
import { EXPORT_FORMATS, REPORT_NAMES, type ExportFile, type ReportData } from '../reports/definitions.ts';

// Channels of issue 7: supervisor dashboards (a counselor sees their own caseload) and report exports.

const day = daySchema('reports.validation.date');

export const reportFiltersSchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    centerCode: z
      .string()
      .regex(/^[A-Z0-9]{2,12}$/, 'reports.validation.center')
      .optional(),
    counselorId: z.string().uuid('validation.id').optional(),
  })
  .strict()
  // The rule of a period, said at the contract so every caller gets the same words (issue 15 item 8).
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'reports.validation.period',
    path: ['from'],
  });

export const reportGetInputSchema = z
  .object({ report: z.enum(REPORT_NAMES), filters: reportFiltersSchema.default({}) })
  .strict();

export const reportExportInputSchema = z
  .object({
    report: z.enum(REPORT_NAMES),
    filters: reportFiltersSchema.default({}),
    format: z.enum(EXPORT_FORMATS),
    purpose: z.string().trim().min(2, 'reports.validation.purpose').max(500, 'validation.tooLong'),
    withNames: z.boolean().default(false),
  })
  .strict();

export const reportsChannels = {
  'reports:get': channel<ReportData>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: reportGetInputSchema,
  }),
  'reports:export': channel<ExportFile>()({
    surface: 'desk',
    access: ['counselor', 'supervisor'],
    input: reportExportInputSchema,
  }),
};
