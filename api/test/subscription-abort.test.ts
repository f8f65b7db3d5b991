import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { serve } from './support/live-clients.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
let tenant: Awaited<ReturnType<typeof createTenant>>;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  tenant = await createTenant(api.prisma);
  server = await serve(api);
});
afterAll(async () => {
  await server.close();
  await api.close();
});

/** Opens `runsChanged` over SSE as `role`, reads its first bytes, and disconnects. */
async function subscribeAndLeave(role: 'MEMBER' | 'DATA_ENGINEER') {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${await api.tokenFor(tenant.users[role].id)}`,
    },
    body: JSON.stringify({
      query: 'subscription($id: ID!) { runsChanged(copId: $id) { id } }',
      variables: { id: tenant.ids.cop },
    }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  await Promise.race([reader.read(), sleep(300)]);
  controller.abort();
  await sleep(200);
}

describe('a subscription whose client went away', () => {
  for (const role of ['MEMBER', 'DATA_ENGINEER'] as const) {
    it(`stops listening at once, before any run changes (${role})`, async () => {
      await subscribeAndLeave(role);
      // A subscriber still listening would read the changed run: one SQL statement.
      api.counter.statements = 0;
      await api.deps.runs.pubsub.publish('runs:changed', `cop:${tenant.cop.id}`, {
        jobRunId: randomUUID(),
        copId: tenant.cop.id,
        workspaceMappingId: randomUUID(),
        type: 'RUN_STARTED',
      } as never);
      await sleep(300);
      expect(api.counter.statements).toBe(0);
    });
  }
});
