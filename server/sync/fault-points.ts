import { writeSync } from 'node:fs';

// Fault points for the real-process fault harness (tests/integration/faults): with CASEWORKER_FAULT_LOG=1
// the server writes one JSON line on stderr at each named moment of a push, so the harness can kill the
// server or cut its database connections exactly there (e.g. after the push committed, before the answer
// is sent). CASEWORKER_FAULT_HOLD=<point> also holds the first request that reaches that point until the
// process gets SIGUSR2 (or is killed), so the moment does not pass before the harness acts. Off unless
// set; the line carries ids and counts only, never personal data.

const enabled = process.env['CASEWORKER_FAULT_LOG'] === '1';
let holdAt = enabled ? (process.env['CASEWORKER_FAULT_HOLD'] ?? '') : '';

export type FaultPoint = 'push-locked' | 'push-committed';

export function faultPoint(point: FaultPoint, fields: Record<string, string | number>): Promise<void> {
  if (!enabled) return Promise.resolve();
  // Written synchronously: the line is out before anything after this point can happen.
  writeSync(2, `${JSON.stringify({ fault: point, ...fields })}\n`);
  if (holdAt !== point) return Promise.resolve();
  holdAt = '';
  return new Promise((resolve) => process.once('SIGUSR2', () => resolve()));
}
