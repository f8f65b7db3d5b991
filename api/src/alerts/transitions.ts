import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../db/prisma.js';
import type { Alert } from '../generated/prisma/client.js';
import type { AlertKind } from '../generated/prisma/enums.js';
import type { Notice } from '../notifications/notice.js';
import { type Db, enqueueNotice } from '../notifications/outbox.js';
import type { AlertMessage } from '../runs/pubsub.js';
import { alertSummary } from './judge.js';

const KIND_TITLES: Record<AlertKind, string> = {
  JOB_FAILURES: 'Job failures',
  DAILY_DBU_OVER_BUDGET: 'Daily cost over budget',
  SERVING_P95: 'Serving latency',
};

/** The chat message of a firing or a resolution; its key (`alert:<id>:<state>`) makes each one a single post. */
function alertNotice(alert: Alert): Notice {
  const evidence = alert.evidence as Record<string, unknown>;
  const firing = alert.state === 'FIRING';
  return {
    title: `${firing ? 'Alert' : 'Resolved'}: ${KIND_TITLES[alert.kind]}`,
    text: alertSummary(
      alert.kind,
      firing ? evidence : ((evidence.resolvedWith as Record<string, unknown>) ?? evidence),
    ),
    facts: [
      { name: 'Fired', value: `${alert.firedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` },
      ...(alert.resolvedAt
        ? [{ name: 'Resolved', value: `${alert.resolvedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` }]
        : []),
    ],
    link: { label: 'Open operations', url: '/ops' },
  };
}

const notify = (db: Db, alert: Alert) =>
  enqueueNotice(db, alert.customerId, `alert:${alert.id}:${alert.state}`, alertNotice(alert));

/**
 * Opens the customer's alert of a kind with its evidence and queues its notice, in one transaction. At most one
 * alert per customer and kind is FIRING (a partial unique index): an evaluator racing another inserts nothing,
 * so a firing is recorded — and announced — once. Returns the new alert, or null when one was firing already.
 */
export async function fire(
  prisma: PrismaClient,
  customerId: string,
  kind: AlertKind,
  evidence: object,
): Promise<Alert | null> {
  return prisma.$transaction(async (tx) => {
    const [inserted] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "Alert" ("id", "customerId", "kind", "state", "evidence", "firedAt", "updatedAt")
      VALUES (${randomUUID()}, ${customerId}, ${kind}::"AlertKind", 'FIRING', ${JSON.stringify(evidence)}::jsonb, now(), now())
      ON CONFLICT ("customerId", "kind") WHERE "state" = 'FIRING' DO NOTHING
      RETURNING "id"`;
    if (!inserted) return null;
    const alert = await tx.alert.findUniqueOrThrow({ where: { id: inserted.id } });
    await notify(tx, alert);
    return alert;
  });
}

/**
 * Closes a firing alert, keeping its evidence and adding what the evaluation that cleared it saw (`resolvedWith`),
 * and queues the notice, in one transaction. Only the first of racing evaluators changes the row; the others get null.
 */
export async function resolve(prisma: PrismaClient, alert: Alert, resolvedWith: object): Promise<Alert | null> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.alert.updateMany({
      where: { id: alert.id, state: 'FIRING' },
      data: {
        state: 'RESOLVED',
        resolvedAt: new Date(),
        evidence: { ...(alert.evidence as object), resolvedWith },
      },
    });
    if (count === 0) return null;
    const resolved = await tx.alert.findUniqueOrThrow({ where: { id: alert.id } });
    await notify(tx, resolved);
    return resolved;
  });
}

/** The alert as subscribers receive it. */
export const toAlertMessage = (alert: Alert): AlertMessage => ({
  id: alert.id,
  customerId: alert.customerId,
  kind: alert.kind,
  state: alert.state,
  evidence: alert.evidence as Record<string, unknown>,
  firedAt: alert.firedAt.toISOString(),
  resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  updatedAt: alert.updatedAt.toISOString(),
});

/** An alert message back as the row the schema's `Alert` type reads. */
export const fromAlertMessage = (message: AlertMessage): Alert => ({
  ...message,
  evidence: message.evidence as Alert['evidence'],
  firedAt: new Date(message.firedAt),
  resolvedAt: message.resolvedAt ? new Date(message.resolvedAt) : null,
  updatedAt: new Date(message.updatedAt),
});
