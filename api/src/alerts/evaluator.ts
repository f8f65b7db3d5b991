import type { Logger } from 'pino';
import { connectionSelect, type DatabricksRegistry } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Alert } from '../generated/prisma/client.js';
import { LeasedLoop, type LeasedLoopOptions, type PassControl } from '../runs/leased-loop.js';
import type { RunPubSub } from '../runs/pubsub.js';
import { judge } from './judge.js';
import { effectiveRules } from './rules.js';
import { readSignals } from './signals.js';
import { fire, resolve, toAlertMessage } from './transitions.js';

export interface AlertEvaluatorDeps {
  prisma: PrismaClient;
  log: Logger;
  registry: Pick<DatabricksRegistry, 'forIntegration'>;
  pubsub: Pick<RunPubSub, 'publish'>;
  /** Called after a firing or resolution queued its notice (wakes the notification worker). */
  onNotice?: () => void;
}

/** One evaluator per deployment: a lease of its own in the lease table. */
const LEASE_KEY = 'alert-evaluator';

const activeMappings = { where: { isActive: true }, select: { workspaceId: true } } as const;
const databricksIntegrations = {
  type: 'DATABRICKS',
  isActive: true,
  workspaceMappings: { some: { isActive: true } },
} as const;

/**
 * Evaluates every customer's alert rules against the system tables of its workspaces, one instance at a time
 * (a PostgreSQL lease): a breached rule with no firing alert fires one (evidence, notice), a firing alert whose
 * rule is clear — or disabled — resolves. Each change is published to `alerts:changed` for live subscribers.
 */
export class AlertEvaluator {
  private readonly loop: LeasedLoop;

  constructor(
    private readonly deps: AlertEvaluatorDeps,
    options: Omit<LeasedLoopOptions, 'leaseKey'>,
  ) {
    // Each pass looks at everything: nothing is left "due", so the loop always waits for the next tick.
    this.loop = new LeasedLoop(deps, { ...options, leaseKey: LEASE_KEY }, async (control) => {
      await this.evaluateAll(control);
      return 0;
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Evaluates at once instead of at the next tick (a rule changed). */
  poke(): void {
    this.loop.poke();
  }

  /** One pass under the lease; `held: false` when another instance evaluates. */
  tick() {
    return this.loop.tick();
  }

  /** Every customer with mapped workspaces, one after another; returns the alerts that changed. */
  async evaluateAll(control: PassControl = { shouldStop: () => false }): Promise<Alert[]> {
    const customers = await this.deps.prisma.customer.findMany({
      where: { integrations: { some: databricksIntegrations } },
      select: {
        id: true,
        budget: { select: { monthlyUsd: true } },
        alertRules: true,
        alerts: { where: { state: 'FIRING' } },
        integrations: {
          where: databricksIntegrations,
          select: { ...connectionSelect, workspaceMappings: activeMappings },
        },
      },
    });
    const changed: Alert[] = [];
    for (const customer of customers) {
      if (control.shouldStop()) break;
      changed.push(
        ...(await this.evaluateCustomer(customer).catch((error: unknown) => {
          this.deps.log.warn({ err: error, customerId: customer.id }, 'alert evaluation failed; tried again next tick');
          return [];
        })),
      );
    }
    return changed;
  }

  private async evaluateCustomer(customer: {
    id: string;
    budget: { monthlyUsd: unknown } | null;
    alertRules: Parameters<typeof effectiveRules>[0];
    alerts: Alert[];
    integrations: Parameters<typeof readSignals>[1];
  }): Promise<Alert[]> {
    const now = new Date();
    const rules = effectiveRules(customer.alertRules);
    const firing = (kind: string) => customer.alerts.find((alert) => alert.kind === kind);
    const enabled = rules.filter((rule) => rule.enabled);
    const signals =
      enabled.length > 0 ? await readSignals(this.deps.registry, customer.integrations, rules, now) : undefined;
    const budget = customer.budget ? Number(customer.budget.monthlyUsd) : null;
    const changes = await Promise.all(
      rules.map(async (rule) => {
        const open = firing(rule.kind);
        if (!rule.enabled || !signals) return open ? resolve(this.deps.prisma, open, { ruleDisabled: true }) : null;
        const judgement = judge(rule, signals, budget, now);
        if (!judgement) return null;
        if (judgement.breached && !open) return fire(this.deps.prisma, customer.id, rule.kind, judgement.evidence);
        if (!judgement.breached && open) return resolve(this.deps.prisma, open, judgement.evidence);
        return null;
      }),
    );
    const changed = changes.filter((alert) => alert !== null);
    for (const alert of changed) this.deps.pubsub.publish('alerts:changed', alert.customerId, toAlertMessage(alert));
    if (changed.length > 0) this.deps.onNotice?.();
    return changed;
  }
}
