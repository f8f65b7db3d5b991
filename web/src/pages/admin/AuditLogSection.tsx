import { createQuery } from '@urql/solid';
import { type Component, createSignal, For, Show } from 'solid-js';
import { formatDateTime } from '../../charts/format-date';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';

const AuditLogsQuery = graphql(`
  query AdminAuditLogs($first: Int!, $after: String, $action: String) {
    auditLogs(first: $first, after: $after, action: $action) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        action
        actorType
        actorId
        createdAt
        entityType
        entityId
        details
        customer {
          id
          name
        }
      }
    }
  }
`);

const PAGE = 50;

/** What the api logged beside the action: whether it succeeded and its variables (secrets already redacted). */
function readDetails(details: unknown): { succeeded?: boolean; variables: string } {
  if (details === null || typeof details !== 'object')
    return { variables: details == null ? '' : JSON.stringify(details) };
  const { succeeded, variables, ...rest } = details as Record<string, unknown>;
  const shown = variables ?? (Object.keys(rest).length > 0 ? rest : null);
  return {
    succeeded: typeof succeeded === 'boolean' ? succeeded : undefined,
    variables: shown == null ? '' : JSON.stringify(shown),
  };
}

/** Every mutation, newest first: who did what to which entity. */
export const AuditLogSection: Component = () => {
  const [action, setAction] = createSignal('');
  // Cursors of the pages opened so far: the last one is the page shown, popping one goes back to newer entries.
  const [cursors, setCursors] = createSignal<string[]>([]);
  const [logs, refetch] = createQuery({
    query: AuditLogsQuery,
    variables: () => ({ first: PAGE, after: cursors().at(-1) ?? null, action: action().trim() || null }),
    requestPolicy: 'network-only',
  });

  return (
    <Panel
      title="Audit log"
      meta="Newest first"
      actions={
        <form
          class="audit-filter"
          onSubmit={(event) => {
            event.preventDefault();
            const input = event.currentTarget.elements.namedItem('action') as HTMLInputElement;
            setCursors([]);
            setAction(input.value);
          }}
        >
          <label for="audit-action" class="visually-hidden">
            Mutation
          </label>
          <input id="audit-action" name="action" type="search" placeholder="Mutation, e.g. createServiceToken" />
          <button type="submit" class="button button--secondary">
            Filter
          </button>
        </form>
      }
    >
      <QueryState
        result={logs}
        label="Loading the audit log"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        <Show when={(logs.data?.auditLogs.nodes.length ?? 0) > 0} fallback={<p class="empty">Nothing logged yet.</p>}>
          <table class="data-table data-table--compact audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Mutation</th>
                <th scope="col">Outcome</th>
                <th scope="col">By</th>
                <th scope="col">Entity</th>
                <th scope="col">Customer</th>
                <th scope="col">Variables</th>
              </tr>
            </thead>
            <tbody>
              <For each={logs.data?.auditLogs.nodes}>
                {(log) => {
                  const details = readDetails(log.details);
                  return (
                    <tr data-testid="audit-log">
                      <td>{formatDateTime(log.createdAt)}</td>
                      <td>
                        <code>{log.action}</code>
                      </td>
                      <td>
                        <Show when={details.succeeded !== undefined}>
                          <span class={`badge ${details.succeeded ? 'status--in-production' : 'status--on-hold'}`}>
                            {details.succeeded ? 'Succeeded' : 'Failed'}
                          </span>
                        </Show>
                      </td>
                      <td title={log.actorId ?? undefined}>{log.actorType === 'service' ? 'Service token' : 'User'}</td>
                      <td title={log.entityId ?? undefined}>{log.entityType ?? '—'}</td>
                      <td>{log.customer?.name ?? '—'}</td>
                      <td class="audit-details">
                        <code title={details.variables}>{details.variables}</code>
                      </td>
                    </tr>
                  );
                }}
              </For>
            </tbody>
          </table>
          <div class="pager">
            <button
              type="button"
              class="button button--secondary"
              disabled={cursors().length === 0}
              onClick={() => setCursors((opened) => opened.slice(0, -1))}
            >
              Newer
            </button>
            <span class="muted">Page {cursors().length + 1}</span>
            <button
              type="button"
              class="button button--secondary"
              disabled={!logs.data?.auditLogs.pageInfo.hasNextPage}
              onClick={() => {
                const next = logs.data?.auditLogs.pageInfo.endCursor;
                if (next) setCursors((opened) => [...opened, next]);
              }}
            >
              Older
            </button>
          </div>
        </Show>
      </QueryState>
    </Panel>
  );
};
