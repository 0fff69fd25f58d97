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
/** The largest wall time an HLC can carry: what fits its fixed width (so string order stays time order). */
export const MAX_WALL = 10 ** WALL_WIDTH - 1;
/** A node is a device id (a UUID) or a short name such as `server`: printable ASCII, at most 64 characters. */
export const MAX_NODE_LENGTH = 64;

/** What a well-formed HLC looks like; bounded, so a hand-made one cannot be of any size (issue 13). */
export const HLC_PATTERN = /^\d{15}:\d{5}:[\x21-\x7e]{1,64}$/;

/** The longest an HLC string can be. */
export const MAX_HLC_LENGTH = WALL_WIDTH + 1 + COUNTER_WIDTH + 1 + MAX_NODE_LENGTH;

/** One hour: an HLC further than this ahead of the server's time is re-stamped there (sync.md § Clocks). */
export const MAX_CLOCK_LEAD_MS = 3_600_000;

export function formatHlc(h: Hlc): string {
  if (!Number.isSafeInteger(h.wall) || h.wall < 0 || h.wall > MAX_WALL)
    throw new Error(`HLC wall time out of range: ${h.wall}`);
  if (!/^[\x21-\x7e]{1,64}$/.test(h.node)) throw new Error('HLC node id is empty, too long or not printable');
  return `${String(h.wall).padStart(WALL_WIDTH, '0')}:${String(h.counter).padStart(COUNTER_WIDTH, '0')}:${h.node}`;
}

export function parseHlc(s: string): Hlc {
  if (!HLC_PATTERN.test(s))
    throw new Error(`Not an HLC timestamp: ${JSON.stringify(s.slice(0, MAX_HLC_LENGTH))}`);
  return {
    wall: Number(s.slice(0, WALL_WIDTH)),
    counter: Number(s.slice(WALL_WIDTH + 1, WALL_WIDTH + 1 + COUNTER_WIDTH)),
    node: s.slice(WALL_WIDTH + COUNTER_WIDTH + 2),
  };
}

/**
 * The HLC a server gives a write whose HLC is more than `MAX_CLOCK_LEAD_MS` ahead of the server's time
 * (`nowMs`): the server's time, `counter` keeping the order of several such writes in one request. Null
 * when the HLC is not that far ahead (it is kept as sent).
 */
export function restampIfAhead(hlc: string, nowMs: number, counter: number): string | null {
  const h = parseHlc(hlc);
  if (h.wall <= nowMs + MAX_CLOCK_LEAD_MS) return null;
  return formatHlc({ wall: nowMs, counter: Math.min(counter, MAX_COUNTER), node: h.node });
}

/** Milliseconds an HLC is ahead of `nowMs` (negative when behind). */
export function hlcLeadMs(hlc: string, nowMs: number): number {
  return parseHlc(hlc).wall - nowMs;
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
