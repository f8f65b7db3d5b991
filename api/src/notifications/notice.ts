import { z } from 'zod';

/** What a notification says, independent of the chat tool: formatted for Slack or Teams when it is sent. */
export const noticeSchema = z.object({
  title: z.string(),
  text: z.string(),
  /** Name/value pairs shown as a small table (CoP, when, duration, …). */
  facts: z.array(z.object({ name: z.string(), value: z.string() })).default([]),
  /** Where to go from the message: the run page, the event, the survey. */
  link: z.object({ label: z.string(), url: z.string() }).optional(),
});
export type Notice = z.input<typeof noticeSchema>;

/** The notice with its link made absolute: links into the web app are written as paths (`/surveys/…`). */
export const withAbsoluteLink = (notice: Notice, appUrl: string): Notice =>
  notice.link ? { ...notice, link: { ...notice.link, url: new URL(notice.link.url, appUrl).href } } : notice;

/** Slack's mrkdwn treats these three as control characters; everything else is shown as written. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Slack refuses a header block longer than 150 characters. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A Slack incoming-webhook message: `text` for notifications and old clients, `blocks` for the message itself. */
export function slackMessage(notice: Notice) {
  const { title, text, facts, link } = noticeSchema.parse(notice);
  return {
    text: `${title}: ${text}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: clip(title, 150) } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: slackEscape(text) },
        ...(facts.length > 0 && {
          fields: facts.slice(0, 10).map((fact) => ({
            type: 'mrkdwn',
            text: `*${slackEscape(fact.name)}*\n${slackEscape(fact.value)}`,
          })),
        }),
      },
      ...(link
        ? [
            {
              type: 'actions',
              elements: [{ type: 'button', text: { type: 'plain_text', text: link.label }, url: link.url }],
            },
          ]
        : []),
    ],
  };
}

/** A Teams message carrying an Adaptive Card, as Teams workflows ("when a webhook request is received") take it. */
export function teamsMessage(notice: Notice) {
  const { title, text, facts, link } = noticeSchema.parse(notice);
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text, wrap: true },
            ...(facts.length > 0
              ? [{ type: 'FactSet', facts: facts.map(({ name, value }) => ({ title: name, value })) }]
              : []),
          ],
          actions: link ? [{ type: 'Action.OpenUrl', title: link.label, url: link.url }] : [],
        },
      },
    ],
  };
}
