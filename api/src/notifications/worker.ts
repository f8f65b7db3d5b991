import type { Logger } from 'pino';
import type { SecretBox } from '../auth/secret-box.js';
import type { PrismaClient } from '../db/prisma.js';
import { readWebhookUrl } from '../integrations/credentials.js';
import { noticeSchema, withAbsoluteLink } from './notice.js';
import { postNotice, WebhookPostError, type WebhookPostOptions } from './webhook-post.js';

export interface NotificationWorkerOptions {
  /** The web app's origin, against which links into the app are made absolute. */
  appUrl: string;
  /** How often the outbox is looked at when nobody wakes the worker. Default 2,000 ms. */
  intervalMs: number;
  /** Rounds before a notice is given up (FAILED). Default 6. */
  maxRounds: number;
  /** Pause after a failed round, doubled each round up to `maxRoundDelayMs`. Default 30 s / 1 h. */
  roundDelayMs: number;
  maxRoundDelayMs: number;
  /** Retries inside one round (see `postNotice`). */
  post: WebhookPostOptions;
  /** Notices taken per pass. Default 20. */
  batchSize: number;
}

const DEFAULTS: NotificationWorkerOptions = {
  appUrl: 'http://127.0.0.1:5173',
  intervalMs: 2_000,
  maxRounds: 6,
  roundDelayMs: 30_000,
  maxRoundDelayMs: 3_600_000,
  post: {},
  batchSize: 20,
};

/** A claimed notice is hidden from other workers this long: longer than a round can take (posts, timeouts, pauses). */
const CLAIM_MS = 120_000;

interface Claimed {
  id: string;
  integrationId: string;
  notice: unknown;
  attempts: number;
}

/**
 * Delivers the outbox: takes due notices (`FOR UPDATE SKIP LOCKED`, so instances never take the same one),
 * posts each to its integration's webhook with retries, and records the outcome. A round that fails is tried
 * again later with growing pauses, up to `maxRounds`; a refusal that no retry can fix (4xx) fails at once.
 */
export class NotificationWorker {
  private readonly options: NotificationWorkerOptions;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;
  private stopped = true;
  private wakeAgain = false;

  constructor(
    private readonly deps: { prisma: PrismaClient; secretBox: SecretBox; log: Logger },
    options: Partial<NotificationWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks at the outbox now (e.g. right after a notice was written) instead of at the next tick. */
  wake(): void {
    if (this.stopped) return;
    if (this.pass) this.wakeAgain = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  /** One pass over the due notices; returns how many were delivered. */
  async deliverDue(): Promise<number> {
    const claimed = await this.deps.prisma.$queryRaw<Claimed[]>`
      UPDATE "Notification"
         SET "attempts" = "attempts" + 1,
             "nextAttemptAt" = now() + make_interval(secs => ${CLAIM_MS / 1000}),
             "updatedAt" = now()
       WHERE "id" IN (SELECT "id" FROM "Notification"
                       WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now()
                       ORDER BY "nextAttemptAt"
                       LIMIT ${this.options.batchSize}
                       FOR UPDATE SKIP LOCKED)
      RETURNING "id", "integrationId", "notice", "attempts"`;
    const outcomes = await Promise.all(claimed.map((row) => this.deliver(row)));
    return outcomes.filter(Boolean).length;
  }

  private async deliver(row: Claimed): Promise<boolean> {
    const { prisma, secretBox, log } = this.deps;
    // Written only while the row is still this round's (attempts unchanged): a stale round records nothing.
    const record = (data: object) =>
      prisma.notification.updateMany({ where: { id: row.id, attempts: row.attempts }, data });
    const integration = await prisma.integration.findUnique({
      where: { id: row.integrationId },
      select: { type: true, isActive: true, secrets: true },
    });
    const url = integration ? readWebhookUrl(integration, secretBox) : null;
    if (!integration?.isActive || !url || integration.type === 'DATABRICKS') {
      await record({ status: 'FAILED', lastError: 'The integration is inactive or has no webhook URL.' });
      return false;
    }
    try {
      const notice = withAbsoluteLink(noticeSchema.parse(row.notice), this.options.appUrl);
      await postNotice(integration.type, url, notice, this.options.post);
      await record({ status: 'DELIVERED', deliveredAt: new Date(), lastError: null });
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryable = !(error instanceof WebhookPostError) || error.retryable;
      const giveUp = !retryable || row.attempts >= this.options.maxRounds;
      log.warn({ notification: row.id, attempts: row.attempts, giveUp, err: error }, 'Notification not delivered');
      await record(
        giveUp
          ? { status: 'FAILED', lastError: message }
          : { lastError: message, nextAttemptAt: new Date(Date.now() + this.roundDelay(row.attempts)) },
      );
      return false;
    }
  }

  /** Exponential pause before the next round: roundDelayMs, twice that, … up to maxRoundDelayMs. */
  private roundDelay(rounds: number): number {
    return Math.min(this.options.roundDelayMs * 2 ** (rounds - 1), this.options.maxRoundDelayMs);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.pass = this.deliverDue()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'Notification pass failed'))
        .finally(() => {
          this.pass = undefined;
          const again = this.wakeAgain;
          this.wakeAgain = false;
          if (!this.stopped) this.schedule(again ? 0 : this.options.intervalMs);
        });
    }, delayMs);
    // The worker alone never keeps the process alive.
    this.timer.unref();
  }
}
