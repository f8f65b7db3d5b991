// CI's start-up smoke test (`tsx scripts/smoke-start.ts`, from `.ci/run` before `npm test`), on the clean checkout:
// 1. `npm start` exactly as the README says (embedded PostgreSQL, emulator, no project variables): sign in, run the
//    README's GraphiQL query, load the web app; a second `npm start` meanwhile refuses to run; Ctrl-C stops
//    everything: no process left, every port free.
// 2. `npm start` with a port taken: one line naming the port and its variable, a non-zero exit, nothing left behind.
// 3. `npm start`, then the api crashes: everything stops, non-zero exit, nothing left behind.
// Any failure exits non-zero with the tail of what `npm start` printed.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_PORTS,
  interrupt,
  killEverything,
  launchStart,
  portsStillTaken,
  processesFrom,
  runReadmeQuery,
  type StartedCheckout,
  waitForFirstAnswer,
} from './start/probe.js';

const checkout = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const apiUrl = `http://127.0.0.1:${DEFAULT_PORTS.api}`;
const webUrl = `http://127.0.0.1:${DEFAULT_PORTS.web}`;
const launched: StartedCheckout[] = [];

const start = () => {
  const started = launchStart(checkout);
  launched.push(started);
  return started;
};

function fail(message: string): never {
  console.error(`Start-up smoke test FAILED: ${message}`);
  for (const started of launched) {
    console.error(`--- last lines of npm start #${launched.indexOf(started) + 1} ---`);
    console.error(started.output().split('\n').slice(-30).join('\n'));
    // Leave nothing behind for the next step of CI, whatever state the start was in.
    killEverything(started);
  }
  process.exit(1);
}

/** Waits for a start that must end by itself; its exit status and everything it printed. */
async function ended(started: StartedCheckout, what: string, timeoutMs = 30_000) {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const status = await Promise.race([started.exited, timeout]);
  if (status === 'timeout') fail(`${what}: npm start was still running after ${timeoutMs / 1000} s`);
  return status;
}

async function assertNothingLeft(started: StartedCheckout, what: string) {
  // Orphans, if any, are re-parented a moment after their parent died.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const left = processesFrom(started);
  if (left.length > 0) fail(`${what}: processes left running:\n  ${left.join('\n  ')}`);
  const taken = await portsStillTaken(DEFAULT_PORTS);
  if (taken.length > 0) fail(`${what}: ports still taken:\n  ${taken.join('\n  ')}`);
}

async function readmeFlow() {
  const first = start();
  const firstAnswerMs = await waitForFirstAnswer(first, apiUrl, checkout, 180_000);
  if (!first.output().includes('CoP OS is ready'))
    fail('the README query answered but "CoP OS is ready" was not printed');
  const { customers } = await runReadmeQuery(apiUrl, checkout);
  const page = await fetch(webUrl);
  if (!page.ok || !(await page.text()).includes('<div id="root"'))
    fail(`the web app at ${webUrl} answered ${page.status}`);

  const second = start();
  const secondStatus = await ended(second, 'a second npm start');
  if (secondStatus === 0 || !second.output().includes('already running'))
    fail(`a second npm start in the same checkout ended with ${secondStatus} without saying one is already running`);
  await runReadmeQuery(apiUrl, checkout).catch((error: Error) => fail(`after the second npm start: ${error.message}`));

  const stopped = await interrupt(first);
  if (stopped.status !== 0 && stopped.status !== 'SIGINT') fail(`npm start ended with ${stopped.status} after Ctrl-C`);
  if (!first.output().includes('• Stopping…')) fail('npm start did not stop in order after Ctrl-C');
  await assertNothingLeft(first, 'after Ctrl-C');
  const ready = /CoP OS is ready \(([\d.]+) s\)/.exec(first.output())?.[1];
  console.log(
    `✓ npm start: "CoP OS is ready" after ${ready} s; the README query answered ${customers} customers ` +
      `${(firstAnswerMs / 1000).toFixed(1)} s after launch; the web app served; a second npm start refused; ` +
      `Ctrl-C stopped everything in ${(stopped.ms / 1000).toFixed(2)} s, no process left, every port free.`,
  );
}

async function portTakenFlow() {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(DEFAULT_PORTS.web, '127.0.0.1', resolve));
  const started = start();
  const status = await ended(started, 'npm start with WEB_PORT taken');
  await new Promise<void>((resolve) => blocker.close(() => resolve()));
  const line = started
    .output()
    .split('\n')
    .find((text) => text.includes(`Port ${DEFAULT_PORTS.web}`));
  if (status === 0 || !line?.includes('WEB_PORT'))
    fail(`npm start with port ${DEFAULT_PORTS.web} taken ended with ${status} and did not name WEB_PORT`);
  await assertNothingLeft(started, 'after a taken port');
  console.log(`✓ port taken: exit ${status}, "${line.trim()}", nothing left behind.`);
}

async function crashFlow() {
  const started = start();
  await waitForFirstAnswer(started, apiUrl, checkout, 120_000);
  const api = processesFrom(started).find((line) => line.includes('api/dist/main.mjs'));
  if (!api) fail('could not find the api process');
  process.kill(Number(api.split(' ')[0]), 'SIGKILL');
  const status = await ended(started, 'npm start after the api crashed');
  if (status === 0 || !started.output().includes('exited unexpectedly'))
    fail(`after the api crashed npm start ended with ${status} without saying so`);
  await assertNothingLeft(started, 'after the api crashed');
  console.log(`✓ api crash: npm start said so, stopped everything and exited ${status}; nothing left behind.`);
}

try {
  await readmeFlow();
  await portTakenFlow();
  await crashFlow();
  console.log('Start-up smoke test passed.');
} catch (error) {
  fail((error as Error).message);
}
