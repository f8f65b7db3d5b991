import type { AlertRule } from '../generated/prisma/client.js';
import type { AlertKind } from '../generated/prisma/enums.js';

export const ALERT_KINDS = ['JOB_FAILURES', 'DAILY_DBU_OVER_BUDGET', 'SERVING_P95'] as const satisfies AlertKind[];

/** A rule as the evaluator applies it: a customer's row, or the default of its kind. */
export interface EffectiveRule {
  kind: AlertKind;
  threshold: number;
  windowSeconds: number;
  enabled: boolean;
  /** False while the customer has not changed the default. */
  customized: boolean;
}

/**
 * The platform plan's rules: ≥ 2 failed job runs in an hour; today's cost above the budget's daily share × 1.2
 * (the window is the UTC day, whatever is set); serving latency p95 above 500 ms over 5 minutes.
 */
export const DEFAULT_RULES: Record<AlertKind, Omit<EffectiveRule, 'customized'>> = {
  JOB_FAILURES: { kind: 'JOB_FAILURES', threshold: 2, windowSeconds: 3600, enabled: true },
  DAILY_DBU_OVER_BUDGET: { kind: 'DAILY_DBU_OVER_BUDGET', threshold: 1.2, windowSeconds: 86_400, enabled: true },
  SERVING_P95: { kind: 'SERVING_P95', threshold: 500, windowSeconds: 300, enabled: true },
};

/** Every kind's rule for a customer: its own rows where it has them, the defaults elsewhere. */
export function effectiveRules(rows: Pick<AlertRule, 'kind' | 'threshold' | 'windowSeconds' | 'enabled'>[]) {
  return ALERT_KINDS.map((kind): EffectiveRule => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return row
      ? { kind, threshold: row.threshold, windowSeconds: row.windowSeconds, enabled: row.enabled, customized: true }
      : { ...DEFAULT_RULES[kind], customized: false };
  });
}

/** Longest window a rule may look back: the system tables keep a year, alerts are about now. */
export const MAX_WINDOW_SECONDS = 7 * 86_400;
