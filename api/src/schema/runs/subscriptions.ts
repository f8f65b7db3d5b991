import { Repeater } from '@repeaterjs/repeater';
import { ownedByViewer, requireViewer } from '../../auth/tenancy.js';
import type { Context } from '../../context.js';
import { badInput } from '../../errors.js';
import type { JobRun as JobRunRow } from '../../generated/prisma/client.js';
import { TERMINAL_EVENTS } from '../../runs/events.js';
import type { RunChangedMessage, RunEventMessage, RunStreamResync } from '../../runs/pubsub.js';
import { builder } from '../builder.js';
import { Cop } from '../cop.js';
import { DatabricksWorkspace } from '../databricks/workspace.js';
import { findOwned } from '../ownership.js';
import { JobRun, RunEvent, toRunEventMessage } from './types.js';

/** First the run as it is now (`snapshot`), then one item per event (`event`). */
interface RunStreamItem {
  snapshot: JobRunRow | null;
  event: RunEventMessage | null;
}

const RunStreamItemRef = builder.objectRef<RunStreamItem>('RunStreamItem').implement({
  fields: (t) => ({
    snapshot: t.field({ type: JobRun, nullable: true, resolve: (item) => item.snapshot }),
    event: t.field({ type: RunEvent, nullable: true, resolve: (item) => item.event }),
  }),
});

builder.subscriptionType({});

/**
 * `stream`'s items, ended as soon as the client goes away. An async generator waiting in `for await` on a quiet
 * pub/sub subscription cannot be returned until an event arrives (its `return()` queues behind the pending
 * `next()`), so the stream — and the subscription — would outlive the client; ending `source` first lets it finish.
 */
export function endingWithClient<T>(source: AsyncIterator<unknown>, stream: AsyncIterable<T>): AsyncIterable<T> {
  return new Repeater<T>(async (push, stop) => {
    void stop.then(() => source.return?.());
    for await (const item of stream) await push(item);
    stop();
  });
}

/**
 * Subscribes before reading, so nothing published in between is missed; replays stored events after
 * `afterSeq` (a reconnect); drops duplicates and fills gaps from the database by sequence number;
 * completes after the terminal event.
 */
function streamRun(ctx: Context, runId: string, afterSeq: number | null | undefined): AsyncIterable<RunStreamItem> {
  requireViewer(ctx.viewer);
  const live = ctx.runs.pubsub.subscribe('run:event', runId);
  return endingWithClient(live, runItems(ctx, runId, afterSeq, live));
}

async function* runItems(
  ctx: Context,
  runId: string,
  afterSeq: number | null | undefined,
  live: AsyncIterableIterator<RunEventMessage | RunStreamResync>,
): AsyncGenerator<RunStreamItem> {
  try {
    const run = await findOwned(ctx, 'jobRun', runId, {});
    yield { snapshot: run, event: null };
    let last = afterSeq ?? run.lastSeq;
    const backlog = async function* (upTo?: number) {
      const rows = await ctx.prisma.runEvent.findMany({
        where: { jobRunId: runId, seq: { gt: last, ...(upTo === undefined ? {} : { lt: upTo }) } },
        orderBy: { seq: 'asc' },
      });
      for (const row of rows) yield toRunEventMessage(row);
    };
    for await (const event of backlog()) {
      last = event.seq;
      yield { snapshot: null, event };
      if (TERMINAL_EVENTS.has(event.type)) return;
    }
    if (run.isTerminal && last >= run.lastSeq) return;
    for await (const event of live) {
      if ('resync' in event) {
        // Redis was away: whatever was published meanwhile is read back from the database.
        for await (const missed of backlog()) {
          last = missed.seq;
          yield { snapshot: null, event: missed };
          if (TERMINAL_EVENTS.has(missed.type)) return;
        }
        continue;
      }
      if (event.seq <= last) continue;
      // Only a gap costs a query: with hundreds of subscribers, one query each per event would swamp the pool.
      if (event.seq > last + 1) {
        for await (const missed of backlog(event.seq)) {
          last = missed.seq;
          yield { snapshot: null, event: missed };
        }
      }
      last = event.seq;
      yield { snapshot: null, event };
      if (TERMINAL_EVENTS.has(event.type)) return;
    }
  } finally {
    await live.return?.();
  }
}

/**
 * The changed run, read once per event on this instance: every subscriber of a scope receives the same message
 * object, so they share one statement whatever their number (the row, not the message, says whose run it is).
 */
const changedRuns = new WeakMap<RunChangedMessage, Promise<JobRunRow | null>>();

function changedRun(ctx: Context, change: RunChangedMessage): Promise<JobRunRow | null> {
  let run = changedRuns.get(change);
  if (!run) {
    run = ctx.prisma.jobRun.findUnique({ where: { id: change.jobRunId } });
    changedRuns.set(change, run);
  }
  return run;
}

builder.subscriptionFields((t) => ({
  runEvents: t.field({
    type: RunStreamItemRef,
    description:
      'The run now, then each of its events in order; resumes after `afterSeq`; ends after the terminal event.',
    authScopes: { authenticated: true },
    args: { runId: t.arg.globalID({ for: JobRun }), afterSeq: t.arg.int({ required: false }) },
    subscribe: (_root, { runId, afterSeq }, ctx) => streamRun(ctx, runId.id, afterSeq),
    resolve: (item) => item,
  }),
  runsChanged: t.field({
    type: JobRun,
    description: 'Each run of a CoP or a workspace as it changes (for dashboards).',
    authScopes: { authenticated: true },
    args: {
      copId: t.arg.globalID({ for: Cop, required: false }),
      workspaceId: t.arg.globalID({ for: DatabricksWorkspace, required: false }),
    },
    subscribe: (_root, { copId, workspaceId }, ctx) => {
      const scope = copId ? `cop:${copId.id}` : workspaceId ? `workspace:${workspaceId.id}` : null;
      if (!scope) throw badInput('Give a copId or a workspaceId.', 'copId');
      // The tenant filter, applied in memory to the run every subscriber shares.
      const { customerId } = ownedByViewer(ctx.viewer);
      const changes = ctx.runs.pubsub.subscribe('runs:changed', scope);
      return endingWithClient(
        changes,
        (async function* () {
          for await (const change of changes) {
            const run = await changedRun(ctx, change);
            if (run && (customerId === undefined || run.customerId === customerId)) yield run;
          }
        })(),
      );
    },
    resolve: (run) => run,
  }),
}));
