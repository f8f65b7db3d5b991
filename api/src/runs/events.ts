import type { PrismaClient } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';
import { notifyRunEnded } from '../notifications/notices.js';
import type { RunEventMessage, RunPubSub } from './pubsub.js';

export type RunEventType = RunEventMessage['type'];
export const TERMINAL_EVENTS: ReadonlySet<RunEventType> = new Set(['RUN_COMPLETED', 'RUN_FAILED', 'RUN_CANCELED']);

/**
 * Appends an event to a run with the next sequence number (taken atomically from `JobRun.lastSeq`, so two
 * writers can never reuse a number), then publishes it. Subscribers rely on seq for order and gaps.
 * `runChanges` are written in the same transaction, so the run's state and its event never disagree.
 */
export async function appendRunEvent(
  prisma: PrismaClient,
  pubsub: RunPubSub,
  jobRunId: string,
  type: RunEventType,
  payload: Record<string, unknown>,
  runChanges: Prisma.JobRunUpdateInput = {},
): Promise<RunEventMessage> {
  const appended = await appendRunEventIf(prisma, pubsub, jobRunId, {}, type, payload, runChanges);
  if (!appended) throw new Error(`Run ${jobRunId} does not exist`);
  return appended;
}

/**
 * `appendRunEvent` only while the run still matches `guard` (checked and changed in one statement): of
 * several writers racing to record the same change, exactly one appends the event; the others get null.
 */
export async function appendRunEventIf(
  prisma: PrismaClient,
  pubsub: RunPubSub,
  jobRunId: string,
  guard: Prisma.JobRunWhereInput,
  type: RunEventType,
  payload: Record<string, unknown>,
  runChanges: Prisma.JobRunUpdateInput = {},
): Promise<RunEventMessage | null> {
  const written = await prisma
    .$transaction(async (tx) => {
      const run = await tx.jobRun.update({
        where: { id: jobRunId, AND: guard },
        data: { ...runChanges, lastSeq: { increment: 1 } },
        select: { lastSeq: true, copId: true, workspaceMappingId: true },
      });
      const event = await tx.runEvent.create({
        data: { jobRunId, seq: run.lastSeq, type, payload: payload as object },
      });
      // The Slack/Teams notice commits with the event (outbox): neither exists without the other.
      if (type === 'RUN_COMPLETED' || type === 'RUN_FAILED') await notifyRunEnded(tx, jobRunId, type);
      return { event, run };
    })
    .catch((error: unknown) => {
      // P2025: no run matched the guard; another writer recorded the change first.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    });
  if (!written) return null;
  const { event, run } = written;
  const message: RunEventMessage = {
    id: event.id,
    jobRunId,
    seq: event.seq,
    type,
    payload,
    createdAt: event.createdAt.toISOString(),
  };
  pubsub.publish('run:event', jobRunId, message);
  const change = { jobRunId, copId: run.copId, workspaceMappingId: run.workspaceMappingId, type };
  if (run.copId) pubsub.publish('runs:changed', `cop:${run.copId}`, change);
  pubsub.publish('runs:changed', `workspace:${run.workspaceMappingId}`, change);
  return message;
}
