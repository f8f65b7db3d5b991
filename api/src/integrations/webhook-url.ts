import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A chat tool's incoming-webhook URL (Slack: https://hooks.slack.com/services/…, Teams: a workflow or connector
 * URL). It must be https, except on the loopback interface, where a local receiver (development, tests) listens.
 */
export const webhookUrl = z
  .url({ error: 'An incoming-webhook URL must be an absolute URL, e.g. https://hooks.slack.com/services/…' })
  .refine((value) => {
    // Refinements run even when the URL check failed: an unparsable value is that check's to report.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  }, 'An incoming-webhook URL must use https:// (http:// only on 127.0.0.1 or localhost).');
