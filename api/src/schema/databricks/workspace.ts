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

const activeDatabricksMappings = { isActive: true, integration: { type: 'DATABRICKS' as const, isActive: true } };

builder.prismaObjectField('Cop', 'workspaces', (t) =>
  t.relation('workspaceMappings', {
    type: DatabricksWorkspace,
    description: 'Databricks workspaces mapped to this CoP.',
    query: { where: activeDatabricksMappings, orderBy: { workspaceName: 'asc' } },
  }),
);

builder.prismaObjectFields('Customer', (t) => ({
  workspaces: t.field({
    type: [DatabricksWorkspace],
    description: "Every Databricks workspace connected through the customer's integrations.",
    select: (_args, _ctx, nestedSelection) => ({
      integrations: {
        where: { type: 'DATABRICKS', isActive: true },
        select: {
          workspaceMappings: nestedSelection({ where: { isActive: true }, orderBy: { workspaceName: 'asc' } }),
        },
      },
    }),
    resolve: (customer) => customer.integrations.flatMap((integration) => integration.workspaceMappings) as never,
  }),
}));
