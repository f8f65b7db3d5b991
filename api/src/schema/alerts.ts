import { z } from 'zod';
import { alertSummary } from '../alerts/judge.js';
import { DEFAULT_RULES, type EffectiveRule, effectiveRules, MAX_WINDOW_SECONDS } from '../alerts/rules.js';
import { fromAlertMessage } from '../alerts/transitions.js';
import { ownedByViewer, requireViewer } from '../auth/tenancy.js';
import { ADMIN_ROLES } from '../auth/viewer.js';
import { badInput, forbidden, notFound } from '../errors.js';
import { AlertKind, AlertState } from '../generated/prisma/enums.js';
import { builder } from './builder.js';
import { Customer } from './customer.js';
import { findOwned, ownedNode } from './ownership.js';
import { endingWithClient } from './runs/subscriptions.js';

const AlertKindEnum = builder.enumType(AlertKind, {
  name: 'AlertKind',
  description:
    'JOB_FAILURES: failed job runs in the window ≥ threshold. DAILY_DBU_OVER_BUDGET: today’s cost (UTC) > the monthly budget’s daily share × threshold. SERVING_P95: serving latency p95 over the window > threshold ms.',
});
const AlertStateEnum = builder.enumType(AlertState, { name: 'AlertState' });

/** Alerts and their rules: platform admins (every tenant) and the tenant's customer admins; others get FORBIDDEN. */
const alertScopes = { role: ADMIN_ROLES };

export const AlertNode = builder.prismaNode('Alert', {
  ...ownedNode('alert'),
  description:
    'One firing of an alert rule, from the evaluation that found it breached to the one that found it clear.',
  fields: (t) => ({
    kind: t.expose('kind', { type: AlertKindEnum }),
    state: t.expose('state', { type: AlertStateEnum }),
    summary: t.string({ resolve: (alert) => alertSummary(alert.kind, alert.evidence as Record<string, unknown>) }),
    evidence: t.expose('evidence', {
      type: 'JSON',
      description:
        'What the evaluation that fired it saw (`measured`, `threshold`, the failed runs, …); once resolved, `resolvedWith` holds what cleared it.',
    }),
    firedAt: t.expose('firedAt', { type: 'DateTime' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
  }),
});

const AlertRuleRef = builder.objectRef<EffectiveRule>('AlertRule').implement({
  description: 'A customer’s rule of one alert kind (the default until set).',
  fields: (t) => ({
    kind: t.field({ type: AlertKindEnum, resolve: (rule) => rule.kind }),
    threshold: t.exposeFloat('threshold'),
    windowSeconds: t.exposeInt('windowSeconds', {
      description: 'How far back the rule looks (DAILY_DBU_OVER_BUDGET: always the UTC day).',
    }),
    enabled: t.exposeBoolean('enabled'),
    customized: t.exposeBoolean('customized', { description: 'False while the default applies.' }),
  }),
});

builder.prismaObjectFields('Customer', (t) => ({
  alertRules: t.field({
    type: [AlertRuleRef],
    nullable: true,
    authScopes: alertScopes,
    select: { alertRules: true },
    resolve: (customer) => effectiveRules(customer.alertRules),
  }),
  alerts: t.relation('alerts', {
    nullable: true,
    authScopes: alertScopes,
    description: 'The customer’s alerts, newest first (at most 100).',
    args: { state: t.arg({ type: AlertStateEnum, required: false }) },
    query: (args) => ({ where: args.state ? { state: args.state } : {}, orderBy: { firedAt: 'desc' }, take: 100 }),
  }),
}));

builder.mutationField('setAlertRule', (t) =>
  t.field({
    type: AlertRuleRef,
    description: 'Changes a customer’s rule of one kind; omitted values keep what the rule has (or the default).',
    authScopes: alertScopes,
    args: {
      customerId: t.arg.globalID({ for: Customer }),
      kind: t.arg({ type: AlertKindEnum }),
      threshold: t.arg.float({ required: false, validate: z.number().positive().max(1e12) }),
      windowSeconds: t.arg.int({ required: false, validate: z.number().int().min(60).max(MAX_WINDOW_SECONDS) }),
      enabled: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, { customerId, kind, threshold, windowSeconds, enabled }, ctx) => {
      const { id } = await findOwned(ctx, 'customer', customerId.id, { select: { id: true } });
      if (kind === 'JOB_FAILURES' && threshold != null && !Number.isInteger(threshold))
        throw badInput('A number of job failures must be a whole number.', 'threshold');
      const current = await ctx.prisma.alertRule.findUnique({ where: { customerId_kind: { customerId: id, kind } } });
      const base = current ?? DEFAULT_RULES[kind];
      const data = {
        threshold: threshold ?? base.threshold,
        windowSeconds: windowSeconds ?? base.windowSeconds,
        enabled: enabled ?? base.enabled,
      };
      const row = await ctx.prisma.alertRule.upsert({
        where: { customerId_kind: { customerId: id, kind } },
        create: { customerId: id, kind, ...data },
        update: data,
      });
      // The change shows at once, not at the next tick.
      ctx.alerts.poke();
      return effectiveRules([row]).find((rule) => rule.kind === kind)!;
    },
  }),
);

builder.subscriptionField('alerts', (t) =>
  t.field({
    type: AlertNode,
    description: 'Each alert of the customer as it fires or resolves.',
    authScopes: alertScopes,
    args: { customerId: t.arg.globalID({ for: Customer }) },
    subscribe: (_root, { customerId }, ctx) => {
      // Checked before subscribing, in memory like the tenant filter of every alert the stream would carry.
      const viewer = requireViewer(ctx.viewer);
      if (!ADMIN_ROLES.includes(viewer.role)) throw forbidden();
      const { customerId: own } = ownedByViewer(viewer);
      if (own !== undefined && own !== customerId.id) throw notFound('Customer');
      const live = ctx.runs.pubsub.subscribe('alerts:changed', customerId.id);
      return endingWithClient(
        live,
        (async function* () {
          for await (const message of live) yield fromAlertMessage(message);
        })(),
      );
    },
    resolve: (alert) => alert,
  }),
);
