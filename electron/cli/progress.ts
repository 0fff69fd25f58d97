/** One progress line on stderr, rewritten in place on a terminal and printed per step otherwise. */
export function progressLine() {
  let lastStep = '';
  let lastPercent = -1;
  const tty = process.stderr.isTTY;
  return {
    update: (step: string, done: number, total: number) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (tty) {
        if (percent !== lastPercent || step !== lastStep)
          process.stderr.write(`\r${step}: ${done}/${total} (${percent}%)   `);
      } else if (step !== lastStep) {
        process.stderr.write(`${step}…\n`);
      }
      lastStep = step;
      lastPercent = percent;
    },
    done: () => {
      if (tty) process.stderr.write('\n');
    },
  };
}
