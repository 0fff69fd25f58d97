import type { reportsChannels } from '../../../shared/contract/reports.ts';
import { computeReport } from '../reports/compute.ts';
import { exportReport } from '../reports/export.ts';
import { actor, type HandlerMap } from './types.ts';

export const reportsHandlers: HandlerMap<keyof typeof reportsChannels> = {
  'reports:get': ({ report, filters }, call) => computeReport(call.services, actor(call), report, filters),
  'reports:export': async ({ report, filters, format, purpose, withNames }, call) =>
    (await exportReport(call.services, actor(call), { report, format, purpose, withNames, ...filters })).file,
};
