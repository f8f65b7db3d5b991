import {
  type DatabricksSyncStatus,
  databricksSyncStatus,
  type KindCounts,
  SYNCED_KINDS,
  type SyncedKind,
} from '../sync/status.js';
import { builder } from './builder.js';

const KINDS = Object.keys(SYNCED_KINDS) as SyncedKind[];

const ResourceCount = builder.objectRef<KindCounts>('SyncedResourceCount').implement({
  description: 'Resources of one kind and how many of them are in Databricks.',
  fields: (t) => ({
    total: t.exposeInt('total'),
    inDatabricks: t.exposeInt('inDatabricks', { description: 'Resources whose Databricks copy matches (SYNCED).' }),
    failing: t.exposeInt('failing', { description: 'Resources whose last sync attempt failed (being retried).' }),
  }),
});

/** One field per kind of owned resource, from the same counts. */
// biome-ignore lint/suspicious/noExplicitAny: Pothos' field builder type, the same for every kind
const perKind = (name: string, description: string, field: (t: any, kind: SyncedKind) => any) =>
  builder.objectRef<Record<SyncedKind, KindCounts>>(name).implement({
    description,
    fields: (t) => Object.fromEntries(KINDS.map((kind) => [kind, field(t, kind)])),
  });

const SyncedResources = perKind('SyncedResources', 'Owned resources by kind.', (t, kind) =>
  t.field({ type: ResourceCount, resolve: (counts: Record<SyncedKind, KindCounts>) => counts[kind] }),
);

const SyncPercentage = perKind(
  'SyncPercentage',
  'Per kind, the share of resources in Databricks (0–100); null when there are none.',
  (t, kind) =>
    t.float({
      nullable: true,
      resolve: (counts: Record<SyncedKind, KindCounts>) =>
        counts[kind].total === 0 ? null : Math.round((1000 * counts[kind].inDatabricks) / counts[kind].total) / 10,
    }),
);

const DatabricksStatus = builder.objectRef<DatabricksSyncStatus & { checkedAt: Date }>('DatabricksStatus').implement({
  description: 'Where a customer stands with Databricks: whether it syncs, where to, and how far its resources are.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: "The customer's Databricks switch." }),
    healthy: t.boolean({
      description: 'Databricks is on, an active integration exists, and no resource is failing to sync.',
      resolve: (status) =>
        status.enabled && status.integrationId !== null && KINDS.every((kind) => status.resources[kind].failing === 0),
    }),
    catalog: t.exposeString('catalog', { nullable: true, description: 'The tenant catalog resources sync into.' }),
    checkedAt: t.field({ type: 'DateTime', resolve: (status) => status.checkedAt }),
    resources: t.field({ type: SyncedResources, resolve: (status) => status.resources }),
    syncPercentage: t.field({ type: SyncPercentage, resolve: (status) => status.resources }),
  }),
});

builder.prismaObjectFields('Customer', (t) => ({
  databricksStatus: t.field({
    type: DatabricksStatus,
    description: 'Databricks sync of the customer’s datasets, notebooks and pipelines: one SQL statement, all kinds.',
    authScopes: { authenticated: true },
    select: { id: true },
    resolve: async (customer, _args, ctx) => {
      const status = await databricksSyncStatus(ctx.prisma, customer.id);
      if (!status) throw new Error(`Customer ${customer.id} vanished while being read`);
      return { ...status, checkedAt: new Date() };
    },
  }),
}));
