import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';

// CPU profiles of single phases of a benchmark (`BENCH_PROFILE=DIR`): one `<phase>.cpuprofile` per
// phase, readable in Chrome DevTools or VS Code. `node --cpu-prof` profiles the whole run, seeding
// included, which hides what one phase spends its time on.

export async function profiled<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env['BENCH_PROFILE'];
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${phase}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
