/**
 * `npm run bench [-- --scenario <name>[,<name>…]|all] [--iterations N]`: runs the scenarios and writes one
 * Markdown report each to `reports/<date>-<scenario>.md` (and prints it).
 */
import { parseArgs } from 'node:util';
import { describeMachine } from './lib/machine.js';
import { machineSection, writeReport } from './lib/report.js';
import { PLANNED_SCENARIOS, SCENARIOS } from './scenarios/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scenario: { type: 'string', default: 'all' },
    iterations: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const usage = [
  'Usage: npm run bench -- [<name>…|all] [--iterations N]   (or npm start -w bench -- --scenario <name>[,<name>…])',
  'Scenarios:',
  ...Object.values(SCENARIOS).map(
    (s) => `  ${s.name.padEnd(18)} ${s.title} (default ${s.defaultIterations} iterations)`,
  ),
  ...Object.entries(PLANNED_SCENARIOS).map(([name, what]) => `  ${name.padEnd(18)} ${what}`),
].join('\n');

// `npm run bench -- start` (or `-- --scenario start`, whose flag the root script's inner `npm run` takes for itself)
// reaches here as the bare word `start`: bare words name scenarios.
const requested = positionals.length > 0 ? positionals.join(',') : values.scenario;

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const names = requested === 'all' ? Object.keys(SCENARIOS) : requested.split(',').map((n) => n.trim());
for (const name of names) {
  if (SCENARIOS[name]) continue;
  console.error(PLANNED_SCENARIOS[name] ? `${name}: ${PLANNED_SCENARIOS[name]}` : `Unknown scenario "${name}"`);
  console.error(usage);
  process.exit(2);
}
const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
if (iterations !== undefined && (!Number.isInteger(iterations) || iterations < 1)) {
  console.error('--iterations must be a positive whole number');
  process.exit(2);
}

for (const name of names) {
  const scenario = SCENARIOS[name]!;
  const before = describeMachine();
  const startedAt = new Date();
  const body = await scenario.run({ iterations: iterations ?? scenario.defaultIterations }).catch((error: Error) => {
    console.error(`${name} failed: ${error.message}`);
    process.exit(1);
  });
  const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(1);
  const report = [
    `# Bench: ${scenario.name} — ${scenario.title}`,
    '',
    `Run ${startedAt.toISOString()} (${seconds} s). Timings are only comparable within one report: read the ratios.`,
    '',
    machineSection(before, describeMachine()),
    '',
    body,
    '',
  ].join('\n');
  const path = await writeReport(scenario.name, report, startedAt);
  console.log(report);
  console.log(`Written to ${path}`);
}
