import { type Accessor, createMemo, createSignal, onCleanup } from 'solid-js';

/**
 * Time left, counting down each second on its own between updates of `remainingMs`: the api sends an ETA only
 * with run events, and none come while the cluster starts. Each new value restarts the count from itself (an
 * unchanged one does not); null stays null. Never below zero.
 */
export function createCountdown(remainingMs: Accessor<number | null>, tickMs = 1000): Accessor<number | null> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), tickMs);
  onCleanup(() => clearInterval(timer));
  const latest = createMemo(remainingMs);
  const anchored = createMemo(() => ({ value: latest(), at: Date.now() }));
  return () => {
    const { value, at } = anchored();
    // A value that arrived after the last tick has not aged yet.
    return value === null ? null : Math.max(0, value - Math.max(0, now() - at));
  };
}
