import { type FailedRun, queryFailedRuns, queryServingWindowP95 } from '../databricks/alert-signals-query.js';
import { queryCost } from '../databricks/cost-query.js';
import type { ConnectionRow, DatabricksRegistry } from '../databricks/registry.js';
import { isoDay } from '../ops/forecast.js';
import type { EffectiveRule } from './rules.js';

/** Everything the rules of one customer look at, over all its integrations. */
export interface CustomerSignals {
  day: string;
  failedRuns: FailedRun[];
  /** null: no request logged in the window; undefined: the latency could not be read (no inference table). */
  servingP95Ms: number | null | undefined;
  servingRequests: number;
  dayDbus: number;
  dayUsd: number;
}

type Integration = ConnectionRow & { workspaceMappings: { workspaceId: string }[] };

/**
 * Reads a customer's signals: per integration with a warehouse, one statement each for failed runs, serving latency
 * and today's cost (`queryCost`, the figures of `Customer.cost`). Counts and costs add up across integrations; a
 * p95 cannot be combined, so the highest is taken (an alert errs on the side of firing). A workspace that logs no
 * serving latency leaves only SERVING_P95 unjudged.
 */
export async function readSignals(
  registry: Pick<DatabricksRegistry, 'forIntegration'>,
  integrations: Integration[],
  rules: EffectiveRule[],
  now: Date,
): Promise<CustomerSignals> {
  const windowOf = (kind: EffectiveRule['kind']) => rules.find((rule) => rule.kind === kind)!.windowSeconds * 1000;
  const day = isoDay(now);
  const parts = await Promise.all(
    integrations.map(async (integration) => {
      const { sql } = registry.forIntegration(integration);
      const workspaceIds = [...new Set(integration.workspaceMappings.map((mapping) => mapping.workspaceId))].sort();
      if (!sql || workspaceIds.length === 0) return undefined;
      const [failedRuns, serving, cost] = await Promise.all([
        queryFailedRuns(sql, { workspaceIds, since: new Date(now.getTime() - windowOf('JOB_FAILURES')) }),
        queryServingWindowP95(sql, {
          workspaceIds,
          since: new Date(now.getTime() - windowOf('SERVING_P95')),
          until: now,
        }).catch(() => undefined),
        queryCost(sql, { workspaceIds, from: day, to: day, groupBy: [] }),
      ]);
      return { failedRuns, serving, cost: cost[0] };
    }),
  );
  const read = parts.filter((part) => part !== undefined);
  const servings = read.map((part) => part.serving);
  const p95s = servings.flatMap((serving) => (serving?.p95Ms == null ? [] : [serving.p95Ms]));
  return {
    day,
    failedRuns: read.flatMap((part) => part.failedRuns).sort((a, b) => a.endedAt.localeCompare(b.endedAt)),
    servingP95Ms: servings.some((serving) => serving === undefined)
      ? undefined
      : p95s.length === 0
        ? null
        : Math.max(...p95s),
    servingRequests: servings.reduce((sum, serving) => sum + (serving?.requests ?? 0), 0),
    dayDbus: read.reduce((sum, part) => sum + (part.cost?.dbus ?? 0), 0),
    dayUsd: read.reduce((sum, part) => sum + (part.cost?.listUsd ?? 0), 0),
  };
}
