import type { Logger } from 'pino';
import { integrationCacheScope } from '../databricks/reader.js';
import type { RemoteCache } from '../databricks/remote-cache.js';
import type { RunPubSub } from '../runs/pubsub.js';

/**
 * Keeps every instance's remote cache true to the integrations: when one is edited (a replaced or revoked
 * token, another host or warehouse) or deleted, each instance forgets what it read through it, so nothing read
 * with the old credentials is served again.
 */
export interface IntegrationChangeFeed {
  /** The integration changed or is gone: this instance forgets at once, the others on hearing it (pub/sub). */
  changed(integrationId: string): void;
  close(): Promise<void>;
}

export function createIntegrationChangeFeed(pubsub: RunPubSub, cache: RemoteCache, log: Logger): IntegrationChangeFeed {
  const forget = (integrationId: string) => cache.invalidate(integrationCacheScope(integrationId));
  const changes = pubsub.subscribe('integration:changed');
  void (async () => {
    for await (const { integrationId } of changes) forget(integrationId);
  })().catch((error: unknown) => log.error({ err: error }, 'integration changes stopped; cached reads expire by TTL'));
  return {
    changed(integrationId) {
      forget(integrationId);
      pubsub.publish('integration:changed', { integrationId });
    },
    close: async () => {
      await changes.return?.();
    },
  };
}
