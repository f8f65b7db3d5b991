import type { ClusterInfo, ServingEndpoint, WarehouseInfo, WorkspaceObject } from '../../databricks/api/compute.js';
import { builder } from '../builder.js';
import { epochToDate, remote, remoteList } from './remote.js';
import { connectionOf, DatabricksWorkspace } from './workspace.js';

const Cluster = builder.objectRef<ClusterInfo>('DatabricksCluster').implement({
  fields: (t) => ({
    clusterId: t.exposeString('cluster_id'),
    name: t.exposeString('cluster_name'),
    state: t.exposeString('state'),
    sparkVersion: t.string({ nullable: true, resolve: (cluster) => cluster.spark_version ?? null }),
    nodeType: t.string({ nullable: true, resolve: (cluster) => cluster.node_type_id ?? null }),
    workers: t.int({ nullable: true, resolve: (cluster) => cluster.num_workers ?? null }),
  }),
});

const Warehouse = builder.objectRef<WarehouseInfo>('SqlWarehouse').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    name: t.exposeString('name'),
    state: t.exposeString('state'),
    size: t.string({ nullable: true, resolve: (warehouse) => warehouse.cluster_size ?? null }),
    serverless: t.boolean({ resolve: (warehouse) => warehouse.enable_serverless_compute ?? false }),
  }),
});

const Endpoint = builder.objectRef<ServingEndpoint>('ServingEndpoint').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    ready: t.boolean({ resolve: (endpoint) => endpoint.state?.ready === 'READY' }),
    task: t.string({ nullable: true, resolve: (endpoint) => endpoint.task ?? null }),
    creator: t.string({ nullable: true, resolve: (endpoint) => endpoint.creator ?? null }),
  }),
});

const WorkspaceObjectRef = builder.objectRef<WorkspaceObject>('WorkspaceObject').implement({
  description: 'A notebook, folder, file or repo in the workspace tree.',
  fields: (t) => ({
    path: t.exposeString('path'),
    objectType: t.exposeString('object_type'),
    language: t.string({ nullable: true, resolve: (object) => object.language ?? null }),
    modifiedAt: t.field({ type: 'DateTime', nullable: true, resolve: (object) => epochToDate(object.modified_at) }),
  }),
});

const ClusterList = remoteList('DatabricksClusterList', Cluster);
const WarehouseList = remoteList('SqlWarehouseList', Warehouse);
const EndpointList = remoteList('ServingEndpointList', Endpoint);
const WorkspaceObjectList = remoteList('WorkspaceObjectList', WorkspaceObjectRef);

builder.objectFields(DatabricksWorkspace, (t) => ({
  clusters: t.field({
    type: ClusterList,
    nullable: true,
    resolve: (row, _args, ctx) => remote(() => ctx.databricks.clusters(connectionOf(ctx, row))),
  }),
  warehouses: t.field({
    type: WarehouseList,
    nullable: true,
    resolve: (row, _args, ctx) => remote(() => ctx.databricks.warehouses(connectionOf(ctx, row))),
  }),
  servingEndpoints: t.field({
    type: EndpointList,
    nullable: true,
    resolve: (row, _args, ctx) => remote(() => ctx.databricks.servingEndpoints(connectionOf(ctx, row))),
  }),
  notebooks: t.field({
    type: WorkspaceObjectList,
    nullable: true,
    description: 'Objects directly under a workspace folder.',
    args: { path: t.arg.string({ defaultValue: '/' }) },
    resolve: (row, { path }, ctx) => remote(() => ctx.databricks.notebooks(connectionOf(ctx, row), path)),
  }),
}));
