import { createQuery } from '@urql/solid';
import { type Component, For, Show } from 'solid-js';
import { isoDaysAgo } from '../../charts/date-range';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { CopCard } from './CopCard';
import { DatabricksSyncWidget } from './DatabricksSyncWidget';
import { PortfolioSummary } from './PortfolioSummary';

const PortfolioQuery = graphql(`
  query Portfolio($from: Date!) {
    customers(first: 50) {
      totalCount
      nodes {
        id
        name
        industry
        businessArea
        ...DatabricksSyncWidget_customer
        cops(first: 50) {
          totalCount
          nodes {
            ...CopCard_cop
          }
        }
      }
    }
  }
`);

/** Trends on the portfolio cover the last quarter. */
const TREND_DAYS = 90;

/** Customers and their CoPs: phase, members and the MAP/NPS trend of each. */
const PortfolioPage: Component = () => {
  // A dashboard: shown at once from the cache, then refreshed (sync counts and trends move while one works).
  const [portfolio, refetch] = createQuery({
    query: PortfolioQuery,
    variables: { from: isoDaysAgo(TREND_DAYS - 1) },
    requestPolicy: 'cache-and-network',
  });
  const customers = () => portfolio.data?.customers.nodes ?? [];

  return (
    <section class="page" aria-labelledby="portfolio-title">
      <header class="page-header">
        <div>
          <h1 id="portfolio-title">Portfolio</h1>
          <p class="muted">Communities of Practice by customer, with the last {TREND_DAYS} days of MAP and NPS.</p>
        </div>
      </header>
      <QueryState
        result={portfolio}
        label="Loading portfolio"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        <PortfolioSummary customers={customers()} />
        <Show
          when={customers().length > 0}
          fallback={<p class="empty">No customers are shared with your account yet.</p>}
        >
          <For each={customers()}>
            {(customer) => (
              <section class="customer" aria-labelledby={`customer-${customer.id}`}>
                <header class="customer__header">
                  <h2 id={`customer-${customer.id}`}>{customer.name}</h2>
                  <span class="muted">
                    {[customer.industry, customer.businessArea].filter(Boolean).join(' · ')} ·{' '}
                    {customer.cops.totalCount} {customer.cops.totalCount === 1 ? 'CoP' : 'CoPs'}
                  </span>
                </header>
                <DatabricksSyncWidget customer={customer} />
                <Show when={customer.cops.nodes.length > 0} fallback={<p class="empty">No CoPs yet.</p>}>
                  <ul class="card-grid">
                    <For each={customer.cops.nodes}>
                      {(cop) => (
                        <li>
                          <CopCard cop={cop} />
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </section>
            )}
          </For>
        </Show>
      </QueryState>
    </section>
  );
};

export default PortfolioPage;
