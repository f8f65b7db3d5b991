import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { request } from 'undici';
import type { IntegrationType } from '../generated/prisma/enums.js';
import { type Notice, slackMessage, teamsMessage } from './notice.js';

export type ChatType = Exclude<IntegrationType, 'DATABRICKS'>;
export const CHAT_TYPES: readonly ChatType[] = ['SLACK', 'TEAMS'];

/** A post the chat tool did not accept; `retryable` when trying again may succeed (5xx, 429, network). */
export class WebhookPostError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface WebhookPostOptions {
  /** Posts per call, the first included. Default 3. */
  attempts?: number;
  /** First pause between posts, doubled each time (with jitter) up to `maxDelayMs`. Default 250 / 4,000 ms. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Longest one post may take. Default 10,000 ms. */
  timeoutMs?: number;
}

const FORMATS: Record<ChatType, (notice: Notice) => object> = { SLACK: slackMessage, TEAMS: teamsMessage };

/** One POST of the message; anything but 2xx throws, saying whether a retry makes sense. */
async function postOnce(url: string, body: string, timeoutMs: number): Promise<number> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  }).catch((error: Error) => {
    throw new WebhookPostError(`The webhook could not be reached: ${error.message}`, true);
  });
  // Slack answers "ok", or a reason such as "invalid_payload" or "channel_is_archived".
  const answer = (await response.body.text()).slice(0, 200);
  if (response.statusCode >= 200 && response.statusCode < 300) return response.statusCode;
  const retryable = response.statusCode >= 500 || response.statusCode === 429 || response.statusCode === 408;
  throw new WebhookPostError(
    `The webhook answered HTTP ${response.statusCode}${answer ? `: ${answer}` : ''}`,
    retryable,
  );
}

/**
 * Posts a notice to a Slack or Teams incoming webhook, retrying transient failures with exponential backoff.
 * Returns the final HTTP status and how many posts it took; throws the last `WebhookPostError` otherwise.
 */
export async function postNotice(
  type: ChatType,
  url: string,
  notice: Notice,
  options: WebhookPostOptions = {},
): Promise<{ status: number; posts: number }> {
  const { attempts = 3, initialDelayMs = 250, maxDelayMs = 4_000, timeoutMs = 10_000 } = options;
  const policy = retry(
    handleWhen((error) => error instanceof WebhookPostError && error.retryable),
    {
      maxAttempts: attempts - 1,
      backoff: new ExponentialBackoff({ initialDelay: initialDelayMs, maxDelay: maxDelayMs }),
    },
  );
  const body = JSON.stringify(FORMATS[type](notice));
  let posts = 0;
  const status = await policy.execute(() => {
    posts++;
    return postOnce(url, body, timeoutMs);
  });
  return { status, posts };
}
