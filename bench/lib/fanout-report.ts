import { type Deliveries, type LatencySummary, summarizeWithP95 } from './fanout-analysis.js';
import type { MemoryReading } from './fanout-memory.js';

/** What one phase of the `run-fanout` scenario measured. */
export interface PhaseResult {
  subscribers: number;
  perRun: number;
  sockets: number;
  /** From opening the first subscription to the last snapshot received, ms. */
  attachMs: number;
  memory: { before: MemoryReading; after: MemoryReading };
  deliveries: Deliveries;
  polls: { count: number; roundTrips: number[] };
  /** The api's Databricks calls by route during the phase, and its ticks with active runs. */
  calls: Record<string, number>;
  ticks: number;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 2 ** 10).toFixed(1)} KiB`;
const count = (value: number) => value.toLocaleString('en-US');

function latencyRow(label: string, samples: number[]): string {
  if (samples.length === 0) return `| ${label} | 0 | – | – | – | – | – | – |`;
  const s: LatencySummary = summarizeWithP95(samples);
  return `| ${label} | ${count(s.n)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.mean)} | ${ms(s.min)} | ${ms(s.max)} |`;
}

function latencySection(one: PhaseResult, many: PhaseResult): string {
  const n = count(many.subscribers);
  return [
    '| path (per delivery unless said) | n | p50 | p95 | p99 | mean | min | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    latencyRow('watcher wrote the event → client received it, 1 subscriber (baseline)', one.deliveries.fromWatcher),
    latencyRow(`watcher wrote the event → client received it, ${n} subscribers`, many.deliveries.fromWatcher),
    latencyRow('emulator state changed → client received it, 1 subscriber (baseline)', one.deliveries.fromEmulator),
    latencyRow(`emulator state changed → client received it, ${n} subscribers`, many.deliveries.fromEmulator),
    latencyRow('emulator state changed → watcher wrote the event, per event, 1 subscriber', one.deliveries.watcherLag),
    latencyRow(
      `emulator state changed → watcher wrote the event, per event, ${n} subscribers`,
      many.deliveries.watcherLag,
    ),
  ].join('\n');
}

function completenessSection(phases: PhaseResult[]): string {
  return [
    '| subscribers | events after attach | deliveries expected | delivered | streams differing from their run | deliveries during attach (not timed) | events no poll saw |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...phases.map(
      ({ subscribers, deliveries: d }) =>
        `| ${count(subscribers)} | ${d.events} | ${count(d.expected)} | ${count(d.delivered)} | ${d.inconsistent} | ${d.duringAttach} | ${d.unmatched} |`,
    ),
  ].join('\n');
}

function callsSection(one: PhaseResult, many: PhaseResult): string {
  const routes = [...new Set([...Object.keys(one.calls), ...Object.keys(many.calls)])].sort();
  const perTick = (phase: PhaseResult, calls: number) => calls / Math.max(1, phase.ticks);
  const row = (label: string, a: number, b: number) => {
    const ratio = perTick(one, a) === 0 ? '–' : `×${(perTick(many, b) / perTick(one, a)).toFixed(2)}`;
    return `| ${label} | ${a} | ${perTick(one, a).toFixed(2)} | ${b} | ${perTick(many, b).toFixed(2)} | ${ratio} |`;
  };
  const total = (phase: PhaseResult) => Object.values(phase.calls).reduce((sum, value) => sum + value, 0);
  return [
    `Ticks with active runs: ${one.ticks} with 1 subscriber, ${many.ticks} with ${count(many.subscribers)}.`,
    '',
    'Calls per tick rise when the watcher ticks less often (one tick then sees several state changes); whether calls grow with subscribers shows in the totals: `runs/list` is one a tick, `runs/get` one per state change seen, `get-output` one per finished task, `run-now` one per run.',
    '',
    `| route | calls, 1 subscriber | per tick | calls, ${count(many.subscribers)} subscribers | per tick | per tick, ${count(many.subscribers)} / 1 |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...routes.map((route) => row(`\`${route}\``, one.calls[route] ?? 0, many.calls[route] ?? 0)),
    row('**all routes**', total(one), total(many)),
  ].join('\n');
}

function memorySection(one: PhaseResult, many: PhaseResult): string {
  const row = (phase: PhaseResult) => {
    const heap = phase.memory.after.heapUsed - phase.memory.before.heapUsed;
    const rss = phase.memory.after.rss - phase.memory.before.rss;
    return `| ${count(phase.subscribers)} | ${phase.sockets} | ${ms(phase.attachMs)} | ${mib(phase.memory.before.heapUsed)} → ${mib(phase.memory.after.heapUsed)} | ${kib(heap / phase.subscribers)} | ${mib(phase.memory.before.rss)} → ${mib(phase.memory.after.rss)} | ${kib(rss / phase.subscribers)} |`;
  };
  return [
    '| subscribers | sockets | time to attach all | api heap used (after GC) | heap per subscriber | api RSS | RSS per subscriber |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(one),
    row(many),
  ].join('\n');
}

/** The scenario's report body: results side by side (1 subscriber vs many), then the method. */
export function fanoutReport(input: {
  one: PhaseResult;
  many: PhaseResult;
  settings: { runs: number; steps: number; speed: number; setupWallSeconds: number; tickMs: number; pollMs: number };
}): string {
  const { one, many, settings } = input;
  const roundTrips = summarizeWithP95([...one.polls.roundTrips, ...many.polls.roundTrips]);
  return [
    '## Results',
    '',
    `### Delivery latency: ${count(many.subscribers)} subscribers over ${settings.runs} runs, against 1 subscriber`,
    '',
    latencySection(one, many),
    '',
    '### Every event reached every subscriber of its run',
    '',
    completenessSection([one, many]),
    '',
    `### Databricks calls per watcher tick (the same ${settings.runs} runs' shape, 1 vs ${count(many.subscribers)} subscribers)`,
    '',
    callsSection(one, many),
    '',
    '### Memory per subscriber (the api process, which also hosts the emulator)',
    '',
    memorySection(one, many),
    '',
    '## Method',
    '',
    `- One api instance in process (\`createAppDeps\` + \`buildApp\` + \`listen\`, \`NODE_ENV=production\`) on a fresh`,
    `  Postgres database, its run watcher ticking every ${settings.tickMs} ms; the real emulator in the same process at speed`,
    `  ×${settings.speed}. A job of ${settings.steps} chained notebook tasks on one job cluster: each run waits`,
    `  ${settings.setupWallSeconds} s (wall) for its cluster, then each task takes 2–3 s.`,
    `- Each phase triggers ${settings.runs} runs at once through \`runJob\`, waits until the watcher has reported their first`,
    '  state, then opens the subscriptions (`runEvents(runId:)`, graphql-ws) from a child process while the clusters',
    `  start: ${many.perRun} per run over ${many.sockets} sockets (each socket carries every run), or 1 on the first run`,
    '  for the baseline. Only events written after the last subscription was attached are timed.',
    "- **watcher → client**: receipt time in the subscriber process minus the event's `createdAt` (written by the",
    "  watcher the moment it saw the change, same host clock, ms resolution). This is the gateway's own fan-out cost:",
    '  Postgres write, pub/sub, one GraphQL execution per subscriber, WebSocket.',
    `- **emulator → client**: receipt time minus the moment a separate process polling the emulator every ${settings.pollMs} ms`,
    `  (\`GET /api/2.1/jobs/runs/list?job_id=…\`, poll round-trip p50 ${ms(roundTrips.p50)}, p99 ${ms(roundTrips.p99)})`,
    "  first saw the run in the state the event carries. It adds the watcher's tick to the above and can be early by",
    "  up to one poll interval. The emulator's own timestamps (`start_time`, `end_time`) were not used: its clock runs",
    `  ×${settings.speed} from its start and is ahead of wall time.`,
    "- **Databricks calls**: the emulator's `/emulator/stats` over each phase, Jobs 2.2 routes only (the api's; the",
    '  poller uses 2.1). A tick with active runs makes one `runs/list` (20 runs fit one page), so ticks = `runs/list` calls.',
    '- **Memory**: `process.memoryUsage()` of the api process after two full GCs, before the subscriptions were opened',
    '  and once all were attached (the runs still waiting for their clusters, so no events in between).',
    '- Percentiles are nearest-rank over every delivery (p99 of the baseline is over far fewer samples).',
  ].join('\n');
}
