import { type CombinedError, createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { createRemoteError } from '../../graphql/createRemoteError';
import { BrowserColumn } from './BrowserColumn';
import {
  WorkspaceCatalogsQuery,
  WorkspaceColumnsQuery,
  WorkspaceSchemasQuery,
  WorkspaceTablesQuery,
} from './catalog-levels';
import { createLastKnown } from './createLastKnown';

export interface CatalogBrowserProps {
  /** Global id of the DatabricksWorkspace. */
  workspaceId: string;
}

/** The first element with this name, as the levels nest (catalog → schema → table). */
const named = <Item extends { name: string }>(items: readonly Item[] | undefined, name: string | undefined) =>
  items?.find((item) => item.name === name);

/**
 * Unity Catalog of one workspace as columns: catalogs, then the schemas of the open catalog, its tables, and
 * the columns of the open table. Each level is asked of the gateway only when the one before is opened.
 */
export const CatalogBrowser: Component<CatalogBrowserProps> = (props) => {
  const [catalog, setCatalog] = createSignal<string>();
  const [schema, setSchema] = createSignal<string>();
  const [table, setTable] = createSignal<string>();
  const variables = () => ({ id: props.workspaceId });
  // Cached levels show at once and are checked again; createRemoteError keeps a failure's reason in view.
  const level = { requestPolicy: 'cache-and-network' as const };
  const [catalogs, refetchCatalogs] = createQuery({ query: WorkspaceCatalogsQuery, variables, ...level });
  const [schemas, refetchSchemas] = createQuery({
    query: WorkspaceSchemasQuery,
    variables,
    pause: () => !catalog(),
    ...level,
  });
  const [tables, refetchTables] = createQuery({
    query: WorkspaceTablesQuery,
    variables,
    pause: () => !schema(),
    ...level,
  });
  const [columns, refetchColumns] = createQuery({
    query: WorkspaceColumnsQuery,
    variables,
    pause: () => !table(),
    ...level,
  });

  const workspaceOf = <Node extends { __typename: string } | null>(data: { node: Node } | undefined) =>
    data?.node?.__typename === 'DatabricksWorkspace'
      ? (data.node as Extract<Node, { __typename: 'DatabricksWorkspace' }>)
      : undefined;

  const catalogsLevel = createLastKnown(() => workspaceOf(catalogs.data)?.catalogs);
  const schemasLevel = createLastKnown(() => workspaceOf(schemas.data)?.catalogs);
  const tablesLevel = createLastKnown(() => workspaceOf(tables.data)?.catalogs);
  const columnsLevel = createLastKnown(() => workspaceOf(columns.data)?.catalogs);

  const catalogList = () => catalogsLevel();
  const schemaList = () => named(schemasLevel()?.nodes, catalog())?.schemas;
  const fullSchemaName = () => `${catalog()}.${schema()}`;
  const tableList = () =>
    named(tablesLevel()?.nodes, catalog())?.schemas?.nodes.find((node) => node.fullName === fullSchemaName())?.tables;
  const openTable = () => tableList()?.nodes.find((node) => node.fullName === table());
  const columnList = () =>
    named(columnsLevel()?.nodes, catalog())
      ?.schemas?.nodes.find((node) => node.fullName === fullSchemaName())
      ?.tables?.nodes.find((node) => node.fullName === table())?.columns;

  const catalogsError = createRemoteError(
    () => catalogs.error,
    () => Boolean(catalogList()),
  );
  const schemasError = createRemoteError(
    () => schemas.error,
    () => Boolean(schemaList()),
  );
  const tablesError = createRemoteError(
    () => tables.error,
    () => Boolean(tableList()),
  );
  const columnsError = createRemoteError(
    () => columns.error,
    () => Boolean(columnList()),
  );
  const again = (refetch: typeof refetchCatalogs) => () => refetch({ requestPolicy: 'network-only' });

  return (
    <div class="catalog-browser">
      <BrowserColumn
        title="Catalogs"
        list={catalogList()}
        fetching={catalogs.fetching}
        error={catalogsError()}
        onRetry={again(refetchCatalogs)}
        empty="No catalogs in this workspace."
        key={(item) => item.name}
        selected={catalog()}
        onSelect={(name) => {
          setCatalog(name);
          setSchema(undefined);
          setTable(undefined);
        }}
      >
        {(item) => <span class="browser-column__name">{item.name}</span>}
      </BrowserColumn>
      <Show when={catalog()}>
        <BrowserColumn
          title="Schemas"
          list={schemaList()}
          fetching={schemas.fetching}
          error={schemasError()}
          onRetry={again(refetchSchemas)}
          empty="No schemas in this catalog."
          key={(item) => item.name}
          selected={schema()}
          onSelect={(name) => {
            setSchema(name);
            setTable(undefined);
          }}
        >
          {(item) => <span class="browser-column__name">{item.name}</span>}
        </BrowserColumn>
      </Show>
      <Show when={schema()}>
        <BrowserColumn
          title="Tables"
          list={tableList()}
          fetching={tables.fetching}
          error={tablesError()}
          onRetry={again(refetchTables)}
          empty="No tables in this schema."
          key={(item) => item.fullName}
          selected={table()}
          onSelect={setTable}
        >
          {(item) => (
            <>
              <span class="browser-column__name">{item.name}</span>
              <Show when={item.tableType}>
                <span class="browser-column__meta muted">{item.tableType?.toLowerCase()}</span>
              </Show>
            </>
          )}
        </BrowserColumn>
      </Show>
      <Show when={table()}>
        <section class="browser-column browser-column--detail" aria-label="Columns">
          <h2 class="browser-column__title">Columns</h2>
          <Show when={openTable()}>
            {(current) => (
              <p class="muted browser-column__facts">
                {current().fullName}
                {current().format ? ` · ${current().format}` : ''}
                {current().owner ? ` · owner ${current().owner}` : ''}
                {current().createdAt ? ` · created ${formatDateTime(current().createdAt ?? '')}` : ''}
              </p>
            )}
          </Show>
          <Show when={columnsError() && !columnList()}>
            <ErrorState error={columnsError() as CombinedError} variant="inline" onRetry={again(refetchColumns)} />
          </Show>
          <Show when={columns.fetching && !columnList()}>
            <Loading label="Loading columns" />
          </Show>
          <Show when={columnList()}>
            {(fields) => (
              <Show when={fields().length > 0} fallback={<p class="empty">No columns could be read for this table.</p>}>
                <table class="data-table data-table--compact">
                  <thead>
                    <tr>
                      <th scope="col">Column</th>
                      <th scope="col">Type</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={fields()}>
                      {(field) => (
                        <tr>
                          <td>{field.name}</td>
                          <td>
                            <code>
                              {field.type.toLowerCase()}
                              {field.nullable ? '' : ' not null'}
                            </code>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            )}
          </Show>
        </section>
      </Show>
    </div>
  );
};
