import type { ConnectorStats } from '../databricks/stats.js';

/** The gateway's own calls to a tenant's workspaces, as `opsMetrics.gateway` reports them. */
export interface GatewayCounters {
  since: Date;
  remote4xx: number;
  remote5xx: number;
  retries: number;
  circuitBreakerTrips: number;
}

/** The counters of the tenant's connections summed; `since` is the most recent start among them. */
export function gatewayCounters(stats: ConnectorStats[]): GatewayCounters {
  const sum = (pick: (one: ConnectorStats) => number) => stats.reduce((total, one) => total + pick(one), 0);
  return {
    since: stats.length === 0 ? new Date() : new Date(Math.max(...stats.map((one) => one.since.getTime()))),
    remote4xx: sum((one) => one.restAttempts.get('4xx') ?? 0),
    remote5xx: sum((one) => one.restAttempts.get('5xx') ?? 0),
    retries: sum((one) => one.retries),
    circuitBreakerTrips: sum((one) => one.circuitBreaks),
  };
}
