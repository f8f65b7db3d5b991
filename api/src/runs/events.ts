import type { PrismaClient } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
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
  const { event, run } = await prisma.$transaction(async (tx) => {
    const run = await tx.jobRun.update({
      where: { id: jobRunId },
      data: { ...runChanges, lastSeq: { increment: 1 } },
      select: { lastSeq: true, copId: true, workspaceMappingId: true },
    });
    const event = await tx.runEvent.create({ data: { jobRunId, seq: run.lastSeq, type, payload: payload as object } });
    return { event, run };
  });
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
