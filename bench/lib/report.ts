import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Machine } from './machine.js';
import type { Summary } from './stats.js';

export const REPORTS_DIR = fileURLToPath(new URL('../reports', import.meta.url));

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** A Markdown table of latency summaries, one row per measured path. */
export function latencyTable(rows: { label: string; summary: Summary }[]): string {
  return [
    '| path | n | p50 | p99 | mean | min | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ label, summary: s }) =>
        `| ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.mean)} | ${ms(s.min)} | ${ms(s.max)} |`,
    ),
  ].join('\n');
}

/** How the candidate compares with its baseline: the difference and the ratio at p50 and p99. */
export function comparisonTable(baseline: Summary, candidate: Summary): string {
  const row = (name: string, b: number, c: number) => `| ${name} | ${ms(c - b)} | ×${(c / b).toFixed(2)} |`;
  return [
    '| percentile | candidate − baseline | candidate / baseline |',
    '| --- | ---: | ---: |',
    row('p50', baseline.p50, candidate.p50),
    row('p99', baseline.p99, candidate.p99),
  ].join('\n');
}

export function machineSection(before: Machine, after: Machine): string {
  return [
    '## Machine',
    '',
    `- Node ${before.node}, Linux ${before.kernel}`,
    `- CPU: ${before.cpuModel}, ${before.cores} cores, ${before.memoryGiB} GiB memory`,
    `- Load average (1/5/15 min): ${before.load.join(' / ')} before, ${after.load.join(' / ')} after`,
  ].join('\n');
}

/** Writes `reports/<date>-<scenario>.md` and returns its path. */
export async function writeReport(scenario: string, markdown: string, date = new Date()): Promise<string> {
  await mkdir(REPORTS_DIR, { recursive: true });
  const path = join(REPORTS_DIR, `${date.toISOString().slice(0, 10)}-${scenario}.md`);
  await writeFile(path, markdown);
  return path;
}
