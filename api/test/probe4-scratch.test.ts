import { it } from 'vitest';
import { schema } from '../src/schema/index.js';
import { fuzzOperations, httpSender } from './support/fuzz.js';
import { createTestApi } from './support/test-api.js';

const api = createTestApi();
it('x', async () => {
  const ops = fuzzOperations(schema, { ids: ['Q29wOjE='], callers: 1, seed: 17, count: 60 });
  const send = httpSender((url, init) => Promise.resolve(api.app.fetch(url, init)), 'http://localhost/graphql', [
    await api.tokenFor('x'),
  ]);
  const counts: Record<string, number> = {};
  for (const op of ops) {
    const r = await send(op);
    try {
      for (const e of JSON.parse(r.body).errors ?? []) {
        const k = e.message.replace(/"[^"]*"/g, '"…"').slice(0, 90);
        counts[k] = (counts[k] ?? 0) + 1;
      }
    } catch {}
  }
  console.log(
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, v]) => `${v} ${k}`)
      .join('\n'),
  );
  await api.close();
});
