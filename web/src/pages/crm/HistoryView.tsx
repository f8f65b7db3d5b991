import { type Component, createMemo, createSignal, For, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { HistoryView_AccountFragment } from '../../gql/graphql';
import { ACCOUNT_FIELDS } from './AccountFields';
import { diffVersions } from './history-diff';

export const HistoryViewFragment = graphql(`
  fragment HistoryView_account on CrmAccount {
    history {
      version
      timestamp
      operation
      userName
      account {
        team
        businessArea
        vp
        admin
        primaryItPartner
        azureDevopsLink
        artifactsFolderLink
      }
    }
  }
`);

const LABELS: Record<string, string> = Object.fromEntries(ACCOUNT_FIELDS);

/** The account's versions (Delta history) and what changed between any two of them. */
export const HistoryView: Component<{ account: HistoryView_AccountFragment }> = (props) => {
  const history = () => props.account.history;
  const [newer, setNewer] = createSignal<number | null>(null);
  const [older, setOlder] = createSignal<number | null>(null);
  const pick = (version: number | null, fallback: number) =>
    history().find((v) => v.version === version) ?? history()[fallback];
  const changes = createMemo(() => diffVersions(pick(older(), 1)?.account, pick(newer(), 0)?.account));

  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ol>
        <For each={history()}>
          {(v) => (
            <li data-testid="account-version">
              Version {v.version} · {v.operation} · {new Date(String(v.timestamp)).toLocaleString('en-GB')} ·{' '}
              {v.userName ?? 'unknown'}
            </li>
          )}
        </For>
      </ol>
      <Show when={history().length > 1}>
        <div class="crm-filters">
          <For
            each={
              [
                ['Compare', older, setOlder, 1],
                ['with', newer, setNewer, 0],
              ] as const
            }
          >
            {([label, value, set, fallback]) => (
              <div class="field">
                <label for={`history-${label}`}>{label}</label>
                <select
                  id={`history-${label}`}
                  value={String(value() ?? history()[fallback]?.version)}
                  onChange={(e) => set(Number(e.currentTarget.value))}
                >
                  <For each={history()}>{(v) => <option value={v.version}>Version {v.version}</option>}</For>
                </select>
              </div>
            )}
          </For>
        </div>
        <table class="crm-diff" aria-label="Changes between the two versions">
          <tbody>
            <For
              each={changes()}
              fallback={
                <tr>
                  <td>No differences.</td>
                </tr>
              }
            >
              {(change) => (
                <tr>
                  <th scope="row">{LABELS[change.field] ?? change.field}</th>
                  <td>
                    <del>{change.before ?? '—'}</del>
                  </td>
                  <td>
                    <ins>{change.after ?? '—'}</ins>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
};
