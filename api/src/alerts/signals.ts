import { type AlertSignals, queryAlertSignals } from '../databricks/alert-signals-query.js';
import { queryCost } from '../databricks/cost-query.js';
import type { ConnectionRow, DatabricksRegistry } from '../databricks/registry.js';
import { isoDay } from '../ops/forecast.js';
import type { EffectiveRule } from './rules.js';

/** Everything the rules of one customer look at, over all its integrations. */
export interface CustomerSignals extends AlertSignals {
  day: string;
  dayDbus: number;
  dayUsd: number;
}

type Integration = ConnectionRow & { workspaceMappings: { workspaceId: string }[] };

/**
 * Reads a customer's signals: per integration with a warehouse, one statement for failed runs and serving latency
 * and one for today's cost (`queryCost`, the figures of `Customer.cost`). Counts and costs add up across
 * integrations; a p95 cannot be combined, so the highest is taken (an alert errs on the side of firing).
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
      const [signals, cost] = await Promise.all([
        queryAlertSignals(sql, {
          workspaceIds,
          jobsSince: new Date(now.getTime() - windowOf('JOB_FAILURES')),
          servingSince: new Date(now.getTime() - windowOf('SERVING_P95')),
          until: now,
        }),
        queryCost(sql, { workspaceIds, from: day, to: day, groupBy: [] }),
      ]);
      return { signals, cost: cost[0] };
    }),
  );
  const read = parts.filter((part) => part !== undefined);
  const p95s = read.map((part) => part.signals.servingP95Ms).filter((value) => value !== null);
  return {
    day,
    failedRuns: read.flatMap((part) => part.signals.failedRuns).sort((a, b) => a.endedAt.localeCompare(b.endedAt)),
    servingP95Ms: p95s.length === 0 ? null : Math.max(...p95s),
    servingRequests: read.reduce((sum, part) => sum + part.signals.servingRequests, 0),
    dayDbus: read.reduce((sum, part) => sum + (part.cost?.dbus ?? 0), 0),
    dayUsd: read.reduce((sum, part) => sum + (part.cost?.listUsd ?? 0), 0),
  };
}
