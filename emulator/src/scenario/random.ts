/** A small seeded PRNG (mulberry32): the emulator's randomness must replay identically from `EMULATOR_SEED`. */
export type Random = () => number;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream for one named thing (a run, a task) so results do not depend on call order. */
export function deriveRandom(seed: number, ...keys: (string | number)[]): Random {
  let hash = seed >>> 0;
  for (const char of keys.join('/')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return createRandom(hash);
}

export const randomInt = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
