// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so that every write on a
// device gets a time that is later than everything the device has seen, even when its clock is wrong.
// Serialised as a fixed-width string so that plain string comparison orders HLCs (and SQLite can index it).

export interface Hlc {
  /** Milliseconds since the epoch, never less than the last value this clock issued or received. */
  wall: number;
  /** Orders events within the same millisecond. */
  counter: number;
  /** The device that issued it: breaks ties between devices deterministically. */
  node: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 5;
const MAX_COUNTER = 99_999;

export function formatHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_WIDTH, '0')}:${String(h.counter).padStart(COUNTER_WIDTH, '0')}:${h.node}`;
}

export function parseHlc(s: string): Hlc {
  const m = /^(\d{15}):(\d{5}):(.+)$/.exec(s);
  if (!m) throw new Error(`Not an HLC timestamp: ${JSON.stringify(s)}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] ?? '' };
}

/** The time for a local event. */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wall) return { wall: nowMs, counter: 0, node };
  if (last.counter >= MAX_COUNTER) return { wall: last.wall + 1, counter: 0, node };
  return { wall: last.wall, counter: last.counter + 1, node };
}

/** The time after receiving a remote timestamp: later than both the local clock and the remote one. */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  const lastWall = last?.wall ?? 0;
  const wall = Math.max(lastWall, remote.wall, nowMs);
  let counter = 0;
  if (wall === lastWall && wall === remote.wall) counter = Math.max(last?.counter ?? 0, remote.counter) + 1;
  else if (wall === lastWall) counter = (last?.counter ?? 0) + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, node };
  return { wall, counter, node };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
