import { useSyncExternalStore } from 'react';

// How many calls to main are in flight, for the shell's busy bar (issue 15: saves and reports took
// seconds with nothing on screen). `call` in api.ts counts every call, so every screen's waits show
// progress without each screen managing a spinner of its own.

let inFlight = 0;
const listeners = new Set<() => void>();

function changed(delta: number) {
  inFlight += delta;
  for (const l of listeners) l();
}

/** Counts `work` as in flight until it settles. */
export async function track<T>(work: Promise<T>): Promise<T> {
  changed(1);
  try {
    return await work;
  } finally {
    changed(-1);
  }
}

export function usePendingCalls(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => inFlight,
  );
}
