// CI's start-up smoke test (`tsx scripts/smoke-start.ts`, from `.ci/run` before `npm test`): on the clean checkout,
// `npm start` exactly as the README says (embedded PostgreSQL, emulator, no project variables), then sign in and run
// the README's GraphiQL query, load the web app, press Ctrl-C, and check that every process is gone and every port
// free. Any failure exits non-zero with the tail of what `npm start` printed.
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_PORTS,
  interrupt,
  launchStart,
  portsStillTaken,
  processesFrom,
  runReadmeQuery,
  waitForFirstAnswer,
} from './start/probe.js';

const checkout = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const apiUrl = `http://127.0.0.1:${DEFAULT_PORTS.api}`;
const webUrl = `http://127.0.0.1:${DEFAULT_PORTS.web}`;
const started = launchStart(checkout);

function fail(message: string): never {
  console.error(`Start-up smoke test FAILED: ${message}\n--- last lines of npm start ---`);
  console.error(started.output().split('\n').slice(-40).join('\n'));
  // Leave nothing behind for the next step of CI, whatever state the start was in.
  for (const line of processesFrom(started)) {
    try {
      process.kill(Number(line.split(' ')[0]), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  process.exit(1);
}

try {
  const firstAnswerMs = await waitForFirstAnswer(started, apiUrl, checkout, 180_000);
  if (!started.output().includes('CoP OS is ready'))
    fail('the README query answered but "CoP OS is ready" was not printed');
  const { customers } = await runReadmeQuery(apiUrl, checkout);
  const page = await fetch(webUrl);
  const html = await page.text();
  if (!page.ok || !html.includes('<div id="root"')) fail(`the web app at ${webUrl} answered ${page.status}`);
  const stopped = await interrupt(started);
  if (stopped.status !== 0 && stopped.status !== 'SIGINT') fail(`npm start ended with ${stopped.status} after Ctrl-C`);
  if (!started.output().includes('• Stopping…')) fail('npm start did not stop in order after Ctrl-C');
  const taken = await portsStillTaken(DEFAULT_PORTS);
  if (taken.length > 0) fail(`ports still taken after Ctrl-C:\n  ${taken.join('\n  ')}`);
  const ready = /CoP OS is ready \(([\d.]+) s\)/.exec(started.output())?.[1];
  console.log(
    `Start-up smoke test passed: "CoP OS is ready" after ${ready} s, README query answered ${customers} customers ` +
      `${(firstAnswerMs / 1000).toFixed(1)} s after launch, web app served, stopped in ${(stopped.ms / 1000).toFixed(2)} s ` +
      'with no process left and every port free.',
  );
} catch (error) {
  fail((error as Error).message);
}
