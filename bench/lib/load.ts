import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { type Summary, summarize } from './stats.js';

export interface Target {
  label: string;
  /** Origin of the server, e.g. `http://127.0.0.1:1234`. */
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** Throws when an answer is not the expected one (checked on the first answer of each load run). */
  check?: (text: string) => void;
}

export interface LoadResult {
  rps: number;
  latency: Summary;
}

/** One GraphQL POST to `target`; resolves to the answer's text. */
export async function post(pool: Pool, target: Target): Promise<string> {
  const response = await pool.request({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${target.label} answered ${response.statusCode}: ${text}`);
  return text;
}

/**
 * A closed loop: `concurrency` requests in flight on as many keep-alive connections for `durationMs`; each one
 * sends the next as soon as its answer is read. Gives throughput and per-request latency.
 */
export async function closedLoop(target: Target, concurrency: number, durationMs: number): Promise<LoadResult> {
  const pool = new Pool(target.url, { connections: concurrency, pipelining: 1 });
  try {
    target.check?.(await post(pool, target));
    const latencies: number[] = [];
    const started = performance.now();
    const until = started + durationMs;
    const worker = async () => {
      while (performance.now() < until) {
        const sent = performance.now();
        await post(pool, target);
        latencies.push(performance.now() - sent);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsedS = (performance.now() - started) / 1000;
    return { rps: latencies.length / elapsedS, latency: summarize(latencies) };
  } finally {
    await pool.close();
  }
}

/**
 * Runs each target's closed loop `rounds` times, the order rotating every round so that drift in the machine's
 * load falls on all of them; per target, the round with the median throughput is kept.
 */
export async function compareUnderLoad(
  targets: Target[],
  options: { concurrency: number; durationMs: number; rounds: number },
): Promise<Map<string, LoadResult>> {
  const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.label, []]));
  for (let round = 0; round < options.rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const target of order)
      runs.get(target.label)!.push(await closedLoop(target, options.concurrency, options.durationMs));
  }
  return new Map(
    [...runs].map(([label, results]) => {
      const sorted = [...results].sort((a, b) => a.rps - b.rps);
      return [label, sorted[Math.floor((sorted.length - 1) / 2)]!];
    }),
  );
}

/**
 * One request in flight at a time, the targets alternating (order flipping each iteration), each timed with the
 * high-resolution clock: sub-millisecond differences that a load tool's whole milliseconds hide.
 */
export async function interleaved(
  targets: Target[],
  options: { iterations: number; warmup: number },
): Promise<Map<string, Summary>> {
  const pools = targets.map((t) => new Pool(t.url, { connections: 1 }));
  const samples = targets.map((): number[] => []);
  try {
    for (let i = 0; i < options.warmup + options.iterations; i++) {
      const order = i % 2 === 0 ? targets.map((_, k) => k) : targets.map((_, k) => targets.length - 1 - k);
      for (const k of order) {
        const sent = process.hrtime.bigint();
        await post(pools[k]!, targets[k]!);
        const ms = Number(process.hrtime.bigint() - sent) / 1e6;
        if (i >= options.warmup) samples[k]!.push(ms);
      }
    }
    return new Map(targets.map((t, k) => [t.label, summarize(samples[k]!)]));
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
}
