import { summarize } from './stats.ts';

// Prints figures as `name: value unit` lines (interfaces.md) and keeps the aims a benchmark declares,
// so the runner can say at the end which were met. Lines that are not figures start with `# `.

export type Unit =
  | 's'
  | 'ms'
  | 'MB'
  | 'rows'
  | 'rows/s'
  | 'mutations/s'
  | 'x'
  | 'runs'
  | 'kills'
  | 'count'
  | 'requests/s'
  | '%';

/** The figure should be below (a time) or above (a throughput) this value, in the figure's unit. */
export type Aim = { below: number } | { above: number };

export type AimResult = {
  name: string;
  value: number;
  unit: Unit;
  met: boolean;
} & Aim;

export interface Reporter {
  figure(name: string, value: number, unit: Unit, aim?: Aim): void;
  /** `<prefix>.median` and `<prefix>.p95` of times in milliseconds; the aim applies to the p95. */
  timings(prefix: string, samplesMs: readonly number[], p95Aim?: Aim): void;
  aims(): readonly AimResult[];
}

export function formatValue(value: number): string {
  return Math.abs(value) < 1 ? value.toFixed(2) : value.toFixed(1);
}

export function formatAim(a: AimResult): string {
  const verdict = a.met ? 'met' : 'MISSED';
  const target = 'below' in a ? `< ${a.below}` : `> ${a.above}`;
  return `# aim ${verdict}: ${a.name} ${formatValue(a.value)} ${a.unit} (aim ${target} ${a.unit})`;
}

export function createReporter(write: (line: string) => void): Reporter {
  const results: AimResult[] = [];
  const figure = (name: string, value: number, unit: Unit, aim?: Aim) => {
    write(`${name}: ${formatValue(value)} ${unit}`);
    if (aim) {
      const met = 'below' in aim ? value < aim.below : value > aim.above;
      results.push({ name, value, unit, met, ...aim });
    }
  };
  return {
    figure,
    timings(prefix, samplesMs, p95Aim) {
      const s = summarize(samplesMs);
      figure(`${prefix}.median`, s.median, 'ms');
      figure(`${prefix}.p95`, s.p95, 'ms', p95Aim);
    },
    aims: () => results,
  };
}
