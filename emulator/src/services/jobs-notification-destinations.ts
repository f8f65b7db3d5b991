/**
 * Notification destinations API 2.0, webhook destinations only: what `webhook_notifications` of a job refers
 * to by id. Like Databricks, answers say whether URL and credentials are set, never their values.
 */
import { invalidParameter, notFound, type Route } from '../http/types.js';
import type { DestinationStore, WebhookDestination } from '../jobs/notifications.js';

const BASE = '/api/2.0/notification-destinations';

function render(destination: WebhookDestination) {
  return {
    id: destination.id,
    display_name: destination.display_name,
    destination_type: 'WEBHOOK',
    config: {
      generic_webhook: {
        url_set: true,
        username_set: destination.username !== undefined,
        password_set: destination.password !== undefined,
      },
    },
  };
}

export function createNotificationDestinationRoutes(destinations: DestinationStore): Route[] {
  const find = (id: string) => {
    const destination = destinations.get(id);
    if (!destination) throw notFound(`Notification destination ${id} does not exist.`);
    return destination;
  };
  return [
    {
      method: 'POST',
      path: BASE,
      handler: (req) => {
        const webhook = (req.body.config as { generic_webhook?: Record<string, unknown> } | undefined)?.generic_webhook;
        if (typeof webhook?.url !== 'string' || !/^https?:\/\//.test(webhook.url)) {
          throw invalidParameter('config.generic_webhook.url must be an http(s) URL');
        }
        const destination = destinations.create({
          display_name: String(req.body.display_name ?? 'Webhook'),
          url: webhook.url,
          username: typeof webhook.username === 'string' ? webhook.username : undefined,
          password: typeof webhook.password === 'string' ? webhook.password : undefined,
        });
        return render(destination);
      },
    },
    {
      method: 'GET',
      path: BASE,
      handler: () => ({
        results: destinations.all().map(({ id, display_name }) => ({ id, display_name, destination_type: 'WEBHOOK' })),
      }),
    },
    { method: 'GET', path: `${BASE}/:id`, handler: (req) => render(find(req.params.id)) },
    {
      method: 'DELETE',
      path: `${BASE}/:id`,
      handler: (req) => {
        destinations.delete(find(req.params.id).id);
        return {};
      },
    },
  ];
}
