import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from './contracts.js';

/**
 * Emulated time that starts at the wall-clock time of creation and runs `speed` times faster, so a
 * five-minute pipeline finishes in three seconds of a test at speed 100.
 */
export function createClock(speed: number, wallNow: () => number = Date.now): Clock {
  if (!(speed > 0)) throw new Error(`Clock speed must be positive, got ${speed}`);
  const origin = wallNow();
  return {
    speed,
    now: () => Math.floor(origin + (wallNow() - origin) * speed),
    sleep: (ms) => delay(Math.max(0, ms / speed)).then(() => undefined),
  };
}
