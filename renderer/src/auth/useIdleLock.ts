import { useEffect, useRef } from 'react';
import { call } from '../api.ts';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** How often the screen tells main the user is still working (main locks on its own clock too). */
const HEARTBEAT_MS = 60_000;
const CHECK_MS = 5_000;

/**
 * Locks the session after `minutes` without keyboard, mouse or touch input (domain.md §10). Input also
 * keeps main's idle clock fresh, at most once a minute, so reading a long case page without clicking
 * does not lock it from under the user.
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void): void {
  const lastInput = useRef(0);
  const lastBeat = useRef(0);
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!active) return;
    lastInput.current = Date.now();
    lastBeat.current = Date.now();
    const seen = () => {
      const now = Date.now();
      lastInput.current = now;
      if (now - lastBeat.current >= HEARTBEAT_MS) {
        lastBeat.current = now;
        void call('auth:activity', {}).catch(() => undefined);
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, seen, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastInput.current >= minutes * 60_000) onIdleRef.current();
    }, CHECK_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, seen);
      window.clearInterval(timer);
    };
  }, [minutes, active]);
}
