import type { Logger } from 'pino';
import type { PrismaClient } from '../db/prisma.js';
import { notifyEventTomorrow } from './notices.js';

const DAY_MS = 86_400_000;

/** Milliseconds from `now` to the next `hourUtc`:00 UTC (tomorrow's when today's has passed). */
export function msUntilNextRun(now: Date, hourUtc: number): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc);
  return next > now.getTime() ? next - now.getTime() : next + DAY_MS - now.getTime();
}

/**
 * Writes an "event tomorrow" notice for every event that starts on the UTC day after `now`, for every customer.
 * Each event's notice has its own key, so running the scan again (another instance, a restart) sends nothing new.
 * Returns how many notices were written.
 */
export async function scanEventsTomorrow(prisma: PrismaClient, now = new Date()): Promise<number> {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const events = await prisma.copEvent.findMany({
    where: { startsAt: { gte: new Date(tomorrow), lt: new Date(tomorrow + DAY_MS) } },
    select: {
      id: true,
      title: true,
      kind: true,
      startsAt: true,
      location: true,
      cop: { select: { id: true, name: true, customerId: true } },
    },
    orderBy: { startsAt: 'asc' },
  });
  let written = 0;
  for (const event of events) written += await notifyEventTomorrow(prisma, event);
  return written;
}

/** Runs the scan once a day at `hourUtc`:00 UTC, then wakes the worker; `stop()` cancels the next scan. */
export function startEventReminders(
  deps: { prisma: PrismaClient; log: Logger; onWritten: () => void },
  hourUtc: number,
): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    timer = setTimeout(
      async () => {
        try {
          const written = await scanEventsTomorrow(deps.prisma);
          deps.log.info({ written }, 'Event reminders written');
          if (written > 0) deps.onWritten();
        } catch (error) {
          deps.log.error({ err: error }, 'Event reminder scan failed');
        }
        next();
      },
      msUntilNextRun(new Date(), hourUtc),
    );
    timer.unref();
  };
  next();
  return { stop: () => clearTimeout(timer) };
}
