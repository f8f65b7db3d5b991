// Counts what exists on the Databricks side with the official SDK, for the sync fault bench: started with the
// emulator's CA in NODE_EXTRA_CA_CERTS (read at process start) and `<url> <token> <catalog>` as arguments; prints
// one JSON line `{ tables }`: the Delta tables in the tenant catalog's bronze schema.
import { sdkFor } from '../../api/test/support/databricks-sdk.js';

const [url, token, catalog] = process.argv.slice(2);
const sdk = sdkFor(url, token);
let tables = 0;
for (let pageToken: string | undefined, first = true; first || pageToken; first = false) {
  const query = { catalog_name: catalog, schema_name: 'bronze', ...(pageToken ? { page_token: pageToken } : {}) };
  // The SDK's `tables.list` puts GET parameters in the URL only when a body is given (sdk-experimental's
  // ApiClient.request), so it lists nothing; its own client with the parameters as both does.
  const page = (await sdk.apiClient.request({
    path: '/api/2.1/unity-catalog/tables',
    method: 'GET',
    headers: new Headers({ Accept: 'application/json' }),
    raw: false,
    query,
    payload: query,
  })) as { tables?: unknown[]; next_page_token?: string };
  tables += page.tables?.length ?? 0;
  pageToken = page.next_page_token;
}
console.log(JSON.stringify({ tables }));
