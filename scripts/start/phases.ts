/** Per-phase wall times of `npm start`, printed with `npm start -- --timings`. */
export interface PhaseTimer {
  /** Runs `work` as the named phase (phases may overlap: they run in parallel where they can). */
  phase<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Milliseconds since the timer was created. */
  elapsedMs(): number;
  /** The phases as aligned lines: start offset, duration, name. */
  report(): string[];
}

export function createPhaseTimer(startedAt = performance.now()): PhaseTimer {
  const phases: { name: string; startMs: number; durationMs: number }[] = [];
  return {
    async phase(name, work) {
      const start = performance.now();
      try {
        return await work();
      } finally {
        phases.push({ name, startMs: start - startedAt, durationMs: performance.now() - start });
      }
    },
    elapsedMs: () => performance.now() - startedAt,
    report: () =>
      [...phases]
        .sort((a, b) => a.startMs - b.startMs)
        .map(
          (p) =>
            `  ${(p.startMs / 1000).toFixed(2).padStart(6)} s  +${(p.durationMs / 1000).toFixed(2).padStart(5)} s  ${p.name}`,
        ),
  };
}
