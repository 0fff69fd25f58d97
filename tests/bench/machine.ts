import { arch, cpus, platform, totalmem } from 'node:os';

/** One header line naming the machine the figures come from. */
export function machineLine(): string {
  const list = cpus();
  const model = list[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown cpu';
  const memGb = (totalmem() / 1024 ** 3).toFixed(1);
  return `# machine: ${list.length} cpus (${model}), ${memGb} GB RAM, ${platform()} ${arch()}, node ${process.version}`;
}
