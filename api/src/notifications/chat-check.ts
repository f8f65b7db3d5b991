import { type CheckStep, step } from '../integrations/check.js';
import type { ChatType } from './webhook-post.js';
import { postNotice, type WebhookPostOptions } from './webhook-post.js';

const TOOL_NAMES: Record<ChatType, string> = { SLACK: 'Slack', TEAMS: 'Teams' };

/** The check of a Slack or Teams integration: one test message posted to its webhook (with the usual retries). */
export async function checkChatIntegration(
  type: ChatType,
  webhookUrl: string | null,
  options: WebhookPostOptions = {},
): Promise<CheckStep[]> {
  return [
    await step('webhook', async () => {
      if (!webhookUrl) throw new Error('No incoming-webhook URL is set.');
      const { status, posts } = await postNotice(
        type,
        webhookUrl,
        { title: 'CoP OS test message', text: 'Notifications from CoP OS will appear in this channel.' },
        options,
      );
      const tries = posts > 1 ? ` after ${posts} tries` : '';
      return `${TOOL_NAMES[type]} accepted the test message (HTTP ${status})${tries}.`;
    }),
  ];
}
