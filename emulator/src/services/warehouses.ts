/** SQL warehouses API 2.0: one running serverless warehouse whose Thrift endpoint the driver connects to. */
import { notFound, type Route } from '../http/types.js';

export const WAREHOUSE_ID = 'ab12cd34ef56ab78';

type WarehouseState = 'RUNNING' | 'STOPPED';

function warehouseInfo(state: WarehouseState, host: string, serverless: boolean) {
  const [hostname, port] = host.split(':');
  return {
    id: WAREHOUSE_ID,
    name: 'emulator-warehouse',
    cluster_size: 'Small',
    min_num_clusters: 1,
    max_num_clusters: 1,
    auto_stop_mins: 10,
    creator_name: 'admin@petinsure360.com',
    enable_photon: true,
    enable_serverless_compute: serverless,
    warehouse_type: 'PRO',
    spot_instance_policy: 'COST_OPTIMIZED',
    channel: { name: 'CHANNEL_NAME_CURRENT' },
    tags: { custom_tags: [] },
    state,
    num_clusters: state === 'RUNNING' ? 1 : 0,
    num_active_sessions: 0,
    jdbc_url: `jdbc:databricks://${host}/default;transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/${WAREHOUSE_ID};`,
    odbc_params: {
      hostname,
      path: `/sql/1.0/warehouses/${WAREHOUSE_ID}`,
      protocol: 'https',
      port: Number(port ?? 443),
    },
    health: { status: 'HEALTHY' },
  };
}

export function createWarehousesService({ serverless = true }: { serverless?: boolean } = {}): Route[] {
  let state: WarehouseState = 'RUNNING';
  const find = (id: string) => {
    if (id !== WAREHOUSE_ID) throw notFound(`Warehouse ${id} does not exist.`);
  };
  const hostOf = (headers: Record<string, string | string[] | undefined>) => String(headers.host ?? 'localhost');
  return [
    {
      method: 'GET',
      path: '/api/2.0/sql/warehouses',
      handler: ({ headers }) => ({ warehouses: [warehouseInfo(state, hostOf(headers), serverless)] }),
    },
    {
      method: 'GET',
      path: '/api/2.0/sql/warehouses/:id',
      handler: ({ params, headers }) => {
        find(params.id);
        return warehouseInfo(state, hostOf(headers), serverless);
      },
    },
    ...(['start', 'stop'] as const).map(
      (action): Route => ({
        method: 'POST',
        path: `/api/2.0/sql/warehouses/:id/${action}`,
        handler: ({ params }) => {
          find(params.id);
          state = action === 'start' ? 'RUNNING' : 'STOPPED';
          return {};
        },
      }),
    ),
  ];
}
