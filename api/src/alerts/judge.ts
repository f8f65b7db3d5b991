import type { AlertKind } from '../generated/prisma/enums.js';
import type { EffectiveRule } from './rules.js';
import type { CustomerSignals } from './signals.js';

/** What one rule makes of the signals: breached or not, and the evidence either way. */
export interface Judgement {
  kind: AlertKind;
  breached: boolean;
  evidence: Record<string, unknown> & { measured: number | null; threshold: number };
}

/** Most failed runs an alert's evidence lists (the count is always whole). */
const MAX_RUNS_IN_EVIDENCE = 20;

const daysInMonth = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();

/** Applies one enabled rule to a customer's signals; undefined when what it looks at could not be read. */
export function judge(
  rule: EffectiveRule,
  signals: CustomerSignals,
  monthlyBudgetUsd: number | null,
  now: Date,
): Judgement | undefined {
  const { kind, threshold, windowSeconds } = rule;
  switch (kind) {
    case 'JOB_FAILURES': {
      const failed = signals.failedRuns.length;
      return {
        kind,
        breached: failed >= threshold,
        evidence: {
          measured: failed,
          threshold,
          windowSeconds,
          failedRuns: signals.failedRuns.slice(-MAX_RUNS_IN_EVIDENCE),
        },
      };
    }
    case 'DAILY_DBU_OVER_BUDGET': {
      const dailyBudgetUsd = monthlyBudgetUsd === null ? null : monthlyBudgetUsd / daysInMonth(now);
      const limitUsd = dailyBudgetUsd === null ? null : dailyBudgetUsd * threshold;
      return {
        kind,
        breached: limitUsd !== null && signals.dayUsd > limitUsd,
        evidence: {
          measured: signals.dayUsd,
          threshold,
          day: signals.day,
          dbus: signals.dayDbus,
          usd: signals.dayUsd,
          monthlyBudgetUsd,
          dailyBudgetUsd,
          limitUsd,
        },
      };
    }
    case 'SERVING_P95':
      if (signals.servingP95Ms === undefined) return undefined;
      return {
        kind,
        breached: signals.servingP95Ms !== null && signals.servingP95Ms > threshold,
        evidence: { measured: signals.servingP95Ms, threshold, windowSeconds, requests: signals.servingRequests },
      };
  }
}

const minutes = (seconds: number) =>
  seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
const usd = (value: unknown) => `$${Number(value ?? 0).toFixed(2)}`;

/** One sentence saying what an alert saw, for the web app and the chat message. */
export function alertSummary(kind: AlertKind, evidence: Record<string, unknown>): string {
  const measured = Number(evidence.measured ?? 0);
  switch (kind) {
    case 'JOB_FAILURES':
      return `${measured} failed job run${measured === 1 ? '' : 's'} in ${minutes(Number(evidence.windowSeconds))} (threshold ${evidence.threshold})`;
    case 'DAILY_DBU_OVER_BUDGET':
      return `Cost on ${evidence.day}: ${usd(evidence.usd)} (${Number(evidence.dbus ?? 0).toFixed(1)} DBU), above ${usd(evidence.limitUsd)} = the daily budget ${usd(evidence.dailyBudgetUsd)} × ${evidence.threshold}`;
    case 'SERVING_P95':
      return `Serving latency p95 ${Math.round(measured)} ms over ${minutes(Number(evidence.windowSeconds))} (threshold ${evidence.threshold} ms, ${evidence.requests} requests)`;
  }
}
