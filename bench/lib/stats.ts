import { performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples (p in 0–100). */
function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted.at(-1)!,
  };
}

/** Milliseconds `task` took (high-resolution clock). */
export async function timeMs(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/**
 * Runs a baseline and a candidate side by side, `iterations` times each, alternating which goes first so
 * that drift in the machine's load (other processes, GC, JIT warm-up) falls on both equally.
 * `prepare` runs before each candidate call, outside its timing (e.g. to empty a cache).
 */
export async function sideBySide(options: {
  iterations: number;
  warmup: number;
  baseline: () => Promise<unknown>;
  candidate: () => Promise<unknown>;
  prepare?: () => unknown;
}): Promise<{ baseline: number[]; candidate: number[] }> {
  const baseline: number[] = [];
  const candidate: number[] = [];
  const candidateRun = async () => {
    await options.prepare?.();
    return timeMs(options.candidate);
  };
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    let baselineMs: number;
    let candidateMs: number;
    if (i % 2 === 0) {
      baselineMs = await timeMs(options.baseline);
      candidateMs = await candidateRun();
    } else {
      candidateMs = await candidateRun();
      baselineMs = await timeMs(options.baseline);
    }
    if (i < options.warmup) continue;
    baseline.push(baselineMs);
    candidate.push(candidateMs);
  }
  return { baseline, candidate };
}
