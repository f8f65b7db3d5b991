// Counts what exists on the Databricks side with the official SDK, for the sync fault bench: started with the
// emulator's CA in NODE_EXTRA_CA_CERTS (read at process start) and `<url> <token> <catalog> <notebook folder>` as
// arguments; prints one JSON line `{ tables, notebooks, pipelineJobs }`: the Delta tables in the tenant catalog's
// bronze schema, the notebooks in the tenant's workspace folder and the jobs tagged as a CoP OS pipeline's.
import { sdkFor } from '../../api/test/support/databricks-sdk.js';

const [url, token, catalog, folder] = process.argv.slice(2);
const sdk = sdkFor(url, token);
// The SDK's generated GET methods (`tables.list`, `workspace.list`) put their parameters in the URL only when a body
// is given (sdk-experimental's ApiClient.request), so they list nothing; its own client with the parameters as both
// does.
const get = <T>(path: string, query: Record<string, string>) =>
  sdk.apiClient.request({
    path,
    method: 'GET',
    headers: new Headers({ Accept: 'application/json' }),
    raw: false,
    query,
    payload: query,
  }) as Promise<T>;

let tables = 0;
for (let pageToken: string | undefined, first = true; first || pageToken; first = false) {
  const query = { catalog_name: catalog, schema_name: 'bronze', ...(pageToken ? { page_token: pageToken } : {}) };
  const page = await get<{ tables?: unknown[]; next_page_token?: string }>('/api/2.1/unity-catalog/tables', query);
  tables += page.tables?.length ?? 0;
  pageToken = page.next_page_token;
}
const listed = await get<{ objects?: { object_type: string }[] }>('/api/2.0/workspace/list', { path: folder });
const notebooks = listed.objects?.filter((object) => object.object_type === 'NOTEBOOK').length ?? 0;
let pipelineJobs = 0;
for (let pageToken: string | undefined, first = true; first || pageToken; first = false) {
  const page = await get<{ jobs?: { settings?: { tags?: Record<string, string> } }[]; next_page_token?: string }>(
    '/api/2.2/jobs/list',
    { limit: '100', ...(pageToken ? { page_token: pageToken } : {}) },
  );
  pipelineJobs += page.jobs?.filter((job) => job.settings?.tags?.copos_pipeline_id).length ?? 0;
  pageToken = page.next_page_token;
}
console.log(JSON.stringify({ tables, notebooks, pipelineJobs }));
