import { ownedByViewer } from '../../auth/tenancy.js';
import type { Context } from '../../context.js';
import { type ConnectionRow, connectionSelect, type WorkspaceConnection } from '../../databricks/registry.js';
import { builder } from '../builder.js';

/** What a workspace field needs from its row to reach Databricks. */
export const workspaceSelect = {
  id: true,
  workspaceId: true,
  integration: { select: connectionSelect },
} as const;

export interface WorkspaceRow {
  workspaceId: string;
  integration: ConnectionRow;
}

export const connectionOf = (ctx: Context, row: WorkspaceRow): WorkspaceConnection =>
  ctx.databricksGateway.registry.forIntegration(row.integration);

/** A Databricks workspace as a CoP or customer sees it: a workspace mapping and the remote resources behind it. */
export const DatabricksWorkspace = builder.prismaNode('WorkspaceMapping', {
  variant: 'DatabricksWorkspace',
  id: { field: 'id' },
  findUnique: (id, ctx) => ({ id, integration: { type: 'DATABRICKS', ...ownedByViewer(ctx.viewer) } }),
  nullable: true,
  select: workspaceSelect,
  fields: (t) => ({
    name: t.exposeString('workspaceName'),
    url: t.exposeString('workspaceUrl'),
    workspaceId: t.exposeString('workspaceId'),
    defaultCatalog: t.exposeString('defaultCatalog', { nullable: true }),
    defaultSchema: t.exposeString('defaultSchema', { nullable: true }),
    cop: t.relation('cop', { nullable: true }),
  }),
});

/**
 * A CoP's active Databricks mappings. `workspaces` and `platformUsage` read them with this same query, so that
 * Prisma loads them once, in the CoP's own statement (different arguments would cost a statement each).
 */
export const activeWorkspaceMappings = {
  where: { isActive: true, integration: { type: 'DATABRICKS' as const, isActive: true } },
  orderBy: { workspaceName: 'asc' as const },
};

/** The active mappings of an integration already filtered to active Databricks ones (read once, as above). */
export const activeMappingsOfIntegration = { where: { isActive: true }, orderBy: { workspaceName: 'asc' as const } };

/** A customer's mappings without a CoP: they cover the whole customer, so every CoP without its own uses them. */
const customerWideMappings = { where: { isActive: true, copId: null }, orderBy: { workspaceName: 'asc' as const } };

builder.prismaObjectFields('Cop', (t) => ({
  workspaces: t.field({
    type: [DatabricksWorkspace],
    description:
      "Databricks workspaces mapped to this CoP; without any, the customer's workspaces mapped to no CoP (customer-wide).",
    select: (_args, _ctx, nestedSelection) => ({
      workspaceMappings: nestedSelection(activeWorkspaceMappings),
      customer: {
        select: {
          integrations: {
            where: { type: 'DATABRICKS', isActive: true },
            select: { workspaceMappings: nestedSelection(customerWideMappings) },
          },
        },
      },
    }),
    resolve: (cop) =>
      (cop.workspaceMappings.length
        ? cop.workspaceMappings
        : cop.customer.integrations.flatMap((integration) => integration.workspaceMappings)) as never,
  }),
}));

builder.prismaObjectFields('Customer', (t) => ({
  workspaces: t.field({
    type: [DatabricksWorkspace],
    description: "Every Databricks workspace connected through the customer's integrations.",
    select: (_args, _ctx, nestedSelection) => ({
      integrations: {
        where: { type: 'DATABRICKS', isActive: true },
        select: {
          workspaceMappings: nestedSelection(activeMappingsOfIntegration),
        },
      },
    }),
    resolve: (customer) => customer.integrations.flatMap((integration) => integration.workspaceMappings) as never,
  }),
}));
