import type { DatabricksRestClient } from '../rest-client.js';

/** Clusters, SQL warehouses, serving endpoints and workspace objects: the shapes the gateway reads. */
export interface ClusterInfo {
  cluster_id: string;
  cluster_name: string;
  state: string;
  spark_version?: string;
  node_type_id?: string;
  num_workers?: number;
  creator_user_name?: string;
}

export interface WarehouseInfo {
  id: string;
  name: string;
  state: string;
  cluster_size?: string;
  enable_serverless_compute?: boolean;
}

export interface ServingEndpoint {
  name: string;
  state?: { ready?: string; config_update?: string };
  task?: string;
  creator?: string;
}

export interface WorkspaceObject {
  path: string;
  object_type: string;
  object_id?: number;
  language?: string;
  modified_at?: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletion {
  model?: string;
  choices: { message: ChatMessage; finish_reason?: string }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

export const listClusters = async (rest: DatabricksRestClient) =>
  (await rest.get<{ clusters?: ClusterInfo[] }>('/api/2.1/clusters/list')).clusters ?? [];

export const listWarehouses = async (rest: DatabricksRestClient) =>
  (await rest.get<{ warehouses?: WarehouseInfo[] }>('/api/2.0/sql/warehouses')).warehouses ?? [];

export const getWarehouse = (rest: DatabricksRestClient, id: string) =>
  rest.get<WarehouseInfo>(`/api/2.0/sql/warehouses/${encodeURIComponent(id)}`);

export const listServingEndpoints = async (rest: DatabricksRestClient) =>
  (await rest.get<{ endpoints?: ServingEndpoint[] }>('/api/2.0/serving-endpoints')).endpoints ?? [];

export const listWorkspaceObjects = async (rest: DatabricksRestClient, path: string) =>
  (await rest.get<{ objects?: WorkspaceObject[] }>('/api/2.0/workspace/list', { path })).objects ?? [];

export const invokeChat = (
  rest: DatabricksRestClient,
  endpoint: string,
  request: { messages: ChatMessage[]; max_tokens?: number },
) => rest.post<ChatCompletion>(`/serving-endpoints/${encodeURIComponent(endpoint)}/invocations`, request);

export const currentUser = (rest: DatabricksRestClient) =>
  rest.get<{ id: string; userName: string; displayName?: string }>('/api/2.0/preview/scim/v2/Me');
