import { useEffect, useRef, useState } from 'react';
import type { LobbyView } from '../../../shared/contract/lobby.ts';
import { LOBBY_MAX_WAIT_MS } from '../../../shared/domain/lobby.ts';

// The display's feed: one long-poll after another (kiosk:lobbyCalls answers as soon as a call changes,
// or after LOBBY_MAX_WAIT_MS), so a call shows within the push plus one poll step. `onNewCall` runs
// when the newest call is one the screen had not shown (a new number, or the same one called again).

const RETRY_MS = 2_000;

export function useLobbyFeed(onNewCall: () => void): LobbyView | null {
  const [view, setView] = useState<LobbyView | null>(null);
  const notify = useRef(onNewCall);
  useEffect(() => {
    notify.current = onNewCall;
  }, [onNewCall]);
  useEffect(() => {
    let alive = true;
    let cursor: string | undefined;
    let shown: string | null = null;
    void (async () => {
      while (alive) {
        const r = await window.kiosk
          ?.invoke('kiosk:lobbyCalls', {
            ...(cursor ? { after: cursor } : {}),
            wait: cursor ? LOBBY_MAX_WAIT_MS : 0,
          })
          .catch(() => null);
        if (!alive) return;
        if (!r?.ok) {
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          continue;
        }
        cursor = r.value.cursor;
        const newest = r.value.calls[0];
        const key = newest ? `${newest.id}@${newest.calledAt}` : null;
        // The first answer sets the scene quietly; later new calls chime.
        if (key && shown !== null && key !== shown) notify.current();
        shown = key ?? '';
        setView(r.value);
      }
    })();
    return () => {
      alive = false;
    };
  }, []);
  return view;
}
