import { type Component, For } from 'solid-js';
import type { PortfolioQuery } from '../../gql/graphql';

export interface PortfolioSummaryProps {
  customers: PortfolioQuery['customers']['nodes'];
}

/** Headline numbers across everything the viewer can see. */
export const PortfolioSummary: Component<PortfolioSummaryProps> = (props) => {
  const cops = () => props.customers.flatMap((customer) => customer.cops.nodes);
  const figures = () => [
    { label: props.customers.length === 1 ? 'Customer' : 'Customers', value: props.customers.length },
    { label: 'Active CoPs', value: cops().filter((cop) => cop.isActive).length },
    { label: 'Memberships', value: cops().reduce((sum, cop) => sum + cop.members.totalCount, 0) },
  ];
  return (
    <dl class="summary">
      <For each={figures()}>
        {(figure) => (
          <div class="summary__item">
            <dt>{figure.label}</dt>
            <dd>{figure.value.toLocaleString('en')}</dd>
          </div>
        )}
      </For>
    </dl>
  );
};
