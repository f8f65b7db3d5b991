import { createMutation, createQuery } from '@urql/solid';
import { type Component, createEffect, createSignal, For, Show } from 'solid-js';
import { ErrorState } from '../../components/ErrorState';
import { Panel } from '../../components/Panel';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { AlertsPanel } from './AlertsPanel';
import { CostChart } from './CostChart';
import { FreshnessPanel } from './FreshnessPanel';
import { formatUsd } from './format-usd';
import { JobTrendCharts } from './JobTrendCharts';
import { TenantCatalogPanel } from './TenantCatalogPanel';
import './ops.css';

const OpsCustomersQuery = graphql(`
  query OpsCustomers {
    customers(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

const CustomerOpsQuery = graphql(`
  query CustomerOps($id: ID!, $from: Date!, $to: Date!) {
    customer(id: $id) {
      id
      name
      cost(from: $from, to: $to, groupBy: [DAY, SKU]) {
        stale
        totalDbus
        totalListUsd
        groups {
          day
          sku
          listUsd
        }
      }
      budget {
        monthlyUsd
        spentUsd
        forecastUsd
      }
      opsMetrics(from: $from, to: $to) {
        jobs {
          runs
          successRate
          retries
          durationP50Seconds
          durationP95Seconds
          durationP99Seconds
        }
        sqlWarehouse {
          queries
          latencyP50Ms
          latencyP95Ms
        }
        serving {
          requests
          errorRate
          latencyP95Ms
        }
      }
    }
  }
`);

const SetBudgetMutation = graphql(`
  mutation SetBudget($id: ID!, $monthlyUsd: Float) {
    setBudget(customerId: $id, monthlyUsd: $monthlyUsd) {
      id
      budget {
        monthlyUsd
        spentUsd
        forecastUsd
      }
    }
  }
`);

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${(value * 100).toFixed(1)} %`;
const fixed = (value: number | null | undefined, unit: string) =>
  value === null || value === undefined ? '–' : `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;

/** A tenant's Databricks cost against its budget and its operational figures (customer and platform admins). */
const OpsPage: Component = () => {
  const [customers] = createQuery({ query: OpsCustomersQuery });
  const [customerId, setCustomerId] = createSignal<string>();
  createEffect(() => {
    const first = customers.data?.customers.nodes[0];
    if (first && !customerId()) setCustomerId(first.id);
  });
  // The last 30 full days, yesterday included.
  const to = isoDay(Date.now() - DAY_MS);
  const from = isoDay(Date.now() - 30 * DAY_MS);
  const [ops, refetch] = createQuery({
    query: CustomerOpsQuery,
    variables: () => ({ id: customerId() ?? '', from, to }),
    pause: () => !customerId(),
  });
  const customer = () => ops.data?.customer;
  const [budgetResult, setBudget] = createMutation(SetBudgetMutation);
  const [budgetInput, setBudgetInput] = createSignal('');
  const saveBudget = async (event: SubmitEvent) => {
    event.preventDefault();
    const text = budgetInput().trim();
    await setBudget({ id: customerId()!, monthlyUsd: text === '' ? null : Number(text) });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section class="page" aria-labelledby="ops-title">
      <header class="page-header">
        <div>
          <h1 id="ops-title">Operations</h1>
          <p class="muted">
            Databricks cost and operations of a tenant's workspaces, from the system tables, {from} – {to}.
          </p>
        </div>
        <Show when={(customers.data?.customers.nodes.length ?? 0) > 1}>
          <label class="ops-customer">
            Customer
            <select value={customerId()} onChange={(event) => setCustomerId(event.currentTarget.value)}>
              <For each={customers.data?.customers.nodes}>{(node) => <option value={node.id}>{node.name}</option>}</For>
            </select>
          </label>
        </Show>
      </header>
      <QueryState
        result={ops}
        label="Loading cost and operations"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        <div class="ops-grid">
          <Panel
            title="Daily cost by SKU"
            meta={customer()?.cost ? `${formatUsd(customer()!.cost!.totalListUsd)} list price` : undefined}
            class="ops-cost"
          >
            <Show when={customer()?.cost} fallback={<p class="empty">No cost figures.</p>}>
              {(cost) => (
                <>
                  <Show when={cost().stale}>
                    <p class="stale-mark" role="status">
                      Databricks is unreachable: these are the last known values.
                    </p>
                  </Show>
                  <CostChart
                    rows={cost().groups.map((group) => ({ day: group.day!, sku: group.sku!, usd: group.listUsd ?? 0 }))}
                    monthlyUsd={customer()?.budget?.monthlyUsd ?? null}
                  />
                </>
              )}
            </Show>
          </Panel>
          <Panel title="Budget" class="ops-budget">
            <Show when={customer()?.budget}>
              {(budget) => (
                <dl class="ops-figures" data-testid="budget-figures">
                  <dt>Monthly budget</dt>
                  <dd data-testid="budget-monthly">
                    {budget().monthlyUsd === null ? 'not set' : formatUsd(budget().monthlyUsd!)}
                  </dd>
                  <dt>Spent this month</dt>
                  <dd>{formatUsd(budget().spentUsd)}</dd>
                  <dt>Forecast at month end</dt>
                  <dd
                    classList={{
                      'is-over': budget().monthlyUsd !== null && budget().forecastUsd > budget().monthlyUsd!,
                    }}
                  >
                    {formatUsd(budget().forecastUsd)}
                  </dd>
                </dl>
              )}
            </Show>
            <form class="ops-budget-form" onSubmit={saveBudget}>
              <label>
                New monthly budget (USD)
                <input
                  type="number"
                  min="0"
                  step="1"
                  value={budgetInput()}
                  onInput={(event) => setBudgetInput(event.currentTarget.value)}
                  placeholder="empty removes it"
                />
              </label>
              <button type="submit" class="button" disabled={budgetResult.fetching}>
                Save budget
              </button>
            </form>
            <Show when={budgetResult.error}>{(error) => <ErrorState error={error()} variant="inline" />}</Show>
          </Panel>
          <Show when={customerId()}>{(id) => <TenantCatalogPanel customerId={id()} />}</Show>
          <Panel title="Jobs" class="ops-jobs">
            <Show when={customer()?.opsMetrics?.jobs}>
              {(jobs) => (
                <dl class="ops-figures" data-testid="job-figures">
                  <dt>Runs</dt>
                  <dd>{jobs().runs.toLocaleString('en-US')}</dd>
                  <dt>Success rate</dt>
                  <dd>{percent(jobs().successRate)}</dd>
                  <dt>Retries</dt>
                  <dd>{jobs().retries}</dd>
                  <dt>Duration p50 / p95 / p99</dt>
                  <dd>
                    {fixed(jobs().durationP50Seconds, 's')} / {fixed(jobs().durationP95Seconds, 's')} /{' '}
                    {fixed(jobs().durationP99Seconds, 's')}
                  </dd>
                </dl>
              )}
            </Show>
          </Panel>
          <Panel title="SQL warehouse and serving" class="ops-sql">
            <Show when={customer()?.opsMetrics}>
              {(metrics) => (
                <dl class="ops-figures">
                  <dt>Queries</dt>
                  <dd>{metrics().sqlWarehouse.queries.toLocaleString('en-US')}</dd>
                  <dt>Query latency p50 / p95</dt>
                  <dd>
                    {fixed(metrics().sqlWarehouse.latencyP50Ms, 'ms')} /{' '}
                    {fixed(metrics().sqlWarehouse.latencyP95Ms, 'ms')}
                  </dd>
                  <dt>Serving requests</dt>
                  <dd>{metrics().serving.requests.toLocaleString('en-US')}</dd>
                  <dt>Serving error rate</dt>
                  <dd>{percent(metrics().serving.errorRate)}</dd>
                  <dt>Serving latency p95</dt>
                  <dd>{fixed(metrics().serving.latencyP95Ms, 'ms')}</dd>
                </dl>
              )}
            </Show>
          </Panel>
          <AlertsPanel customerId={customerId()!} />
          <JobTrendCharts customerId={customerId()!} from={from} to={to} />
          <FreshnessPanel customerId={customerId()!} />
        </div>
      </QueryState>
    </section>
  );
};

export default OpsPage;
