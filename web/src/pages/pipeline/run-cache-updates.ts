import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';
import type { RunEventsSubscription, RunFieldsFragment } from '../../gql/graphql';
import { mergeRunEvent } from './run-event-merge';
import { RunFields } from './run-fields';

/** Where a new run shows: its CoP's run history (every page size cached for it). */
function invalidateCopRuns(result: { [field: string]: unknown }, field: string, cache: Cache) {
  const run = result[field] as { cop?: { id: string } | null } | null;
  if (!run?.cop) return;
  const copKey = cache.keyOfEntity({ __typename: 'Cop', id: run.cop.id });
  if (!copKey) return;
  for (const cached of cache.inspectFields(copKey)) {
    if (cached.fieldName === 'runs') cache.invalidate(copKey, cached.fieldName, cached.arguments ?? undefined);
  }
}

/**
 * Graphcache updates for live runs. A stream's snapshot is a `JobRun` and normalizes by itself; each event
 * is written into that same entity, so the live panel, the run history and any other view of the run change
 * together without a refetch. A triggered or retried run makes its CoP's history load again.
 */
export const runCacheUpdates: UpdatesConfig = {
  Subscription: {
    runEvents(result, args, cache) {
      const event = (result as RunEventsSubscription).runEvents?.event;
      if (!event) return;
      const entity = { __typename: 'JobRun', id: args.runId as string };
      const run = cache.readFragment(RunFields, entity) as RunFieldsFragment | null;
      if (run) cache.writeFragment(RunFields, mergeRunEvent(run, event));
    },
  },
  Mutation: {
    triggerPipeline: (result, _args, cache) => invalidateCopRuns(result, 'triggerPipeline', cache),
    retryRun: (result, _args, cache) => invalidateCopRuns(result, 'retryRun', cache),
  },
};
