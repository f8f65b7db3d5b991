import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** The current time in milliseconds, refreshed every `intervalMs` so "3 minutes ago" keeps up. */
export function createNow(intervalMs = 60_000): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
