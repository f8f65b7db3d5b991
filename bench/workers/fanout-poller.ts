/**
 * Child process of the `run-fanout` scenario: lists the job's runs straight from the emulator every few
 * milliseconds and notes when each run state first appeared — the emulator's state change as an outside
 * observer sees it, on a process the api's load does not delay. It calls the Jobs 2.1 path, so the emulator
 * counts its calls apart from the api's (2.2).
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Run } from '@cop-os/api/databricks/api/jobs';
import { runFingerprint } from '@cop-os/api/runs/snapshot';
import { Agent, request } from 'undici';
import type { PollerMessage, PollOrder } from './fanout-messages.js';

const send = (message: PollerMessage) => process.send!(message);

async function poll(order: PollOrder, stopped: () => boolean): Promise<void> {
  const dispatcher = new Agent({ connect: { ca: order.caPem } });
  const firstSeen: Record<string, Record<string, number>> = {};
  const roundTrips: number[] = [];
  const url = `${order.emulatorUrl}/api/2.1/jobs/runs/list?job_id=${order.jobId}&expand_tasks=true&limit=25`;
  try {
    while (!stopped()) {
      const sent = performance.now();
      const response = await request(url, { dispatcher, headers: { authorization: `Bearer ${order.token}` } });
      const page = (await response.body.json()) as { runs?: Run[] };
      const at = performance.timeOrigin + performance.now();
      roundTrips.push(performance.now() - sent);
      for (const run of page.runs ?? []) {
        const id = String(run.run_id);
        firstSeen[id] = { [runFingerprint(run)]: at, ...firstSeen[id] };
      }
      await sleep(Math.max(0, order.intervalMs - (performance.now() - sent)));
    }
    send({ kind: 'seen', firstSeen, polls: roundTrips.length, roundTrips });
  } finally {
    await dispatcher.close();
  }
}

process.once('message', (order: PollOrder) => {
  let stop = false;
  process.once('message', () => {
    stop = true;
  });
  poll(order, () => stop)
    .catch((error: Error) => send({ kind: 'failed', error: error.message }))
    .finally(() => process.disconnect());
});
