import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once the person at the screen has done nothing for
 * `idleSeconds`, and `onActive` (throttled) while they work, so the host's
 * own idle clock hears of activity that makes no call (reading a long record).
 */
export function useIdleLock(idleSeconds: number, onIdle: () => void, onActive: () => void, enabled: boolean): void {
  const callbacks = useRef({ onIdle, onActive });
  useEffect(() => {
    callbacks.current = { onIdle, onActive };
  });

  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    let lastBeat = Date.now();
    const beatEvery = Math.min(60_000, (idleSeconds * 1000) / 4);
    const activity = () => {
      last = Date.now();
      if (last - lastBeat >= beatEvery) {
        lastBeat = last;
        callbacks.current.onActive();
      }
    };
    for (const name of ACTIVITY) window.addEventListener(name, activity, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= idleSeconds * 1000) callbacks.current.onIdle();
    }, 1000);
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, activity, { capture: true });
      window.clearInterval(timer);
    };
  }, [idleSeconds, enabled]);
}
