import { A, useParams } from '@solidjs/router';
import { CombinedError, createQuery } from '@urql/solid';
import { type Component, Show } from 'solid-js';
import { formatDate } from '../../charts/format-date';
import { ErrorState } from '../../components/ErrorState';
import { PhaseBadge } from '../../components/PhaseBadge';
import { QueryState } from '../../components/QueryState';
import { graphql } from '../../gql';
import { ChampionsPanel } from './ChampionsPanel';
import { CopTabs } from './CopTabs';
import { CrmAccountsPanel } from './CrmAccountsPanel';
import { copIdFromParam } from './cop-path';
import { EventsPanel } from './EventsPanel';
import { KpiPanel } from './KpiPanel';
import { MembersPanel } from './MembersPanel';
import { PlatformUsagePanel } from './PlatformUsagePanel';
import { SurveysPanel } from './SurveysPanel';
import { UseCasesPanel } from './UseCasesPanel';

const CopDashboardQuery = graphql(`
  query CopDashboard($id: ID!) {
    cop(id: $id) {
      id
      name
      description
      phase
      industry
      isActive
      startDate
      daysActive
      customer {
        id
        name
      }
      ...ChampionsPanel_cop
      ...EventsPanel_cop
      ...UseCasesPanel_cop
      ...SurveysPanel_cop
    }
  }
`);

/** `cop(id:)` answers null for an id that does not exist or is not the viewer's: the same NOT_FOUND in words. */
const notFound = new CombinedError({
  graphQLErrors: [{ message: 'CoP not found', extensions: { code: 'NOT_FOUND' } }],
});

/** One CoP: its KPIs over time, members and champions, upcoming events and use cases. */
const CopDashboardPage: Component = () => {
  const params = useParams<{ id: string }>();
  const [dashboard, refetch] = createQuery({
    query: CopDashboardQuery,
    variables: () => ({ id: copIdFromParam(params.id) }),
  });

  return (
    <QueryState result={dashboard} label="Loading CoP" onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      <Show when={dashboard.data?.cop} fallback={<ErrorState error={notFound} />}>
        {(cop) => (
          <article class="page cop-dashboard" aria-labelledby="cop-title">
            <nav class="breadcrumbs" aria-label="Breadcrumb">
              <A href="/">Portfolio</A>
              <span aria-hidden="true">/</span>
              <span>{cop().customer.name}</span>
            </nav>
            <header class="page-header">
              <div>
                <h1 id="cop-title">{cop().name}</h1>
                <p class="cop-dashboard__facts">
                  <PhaseBadge phase={cop().phase} />
                  <Show when={cop().industry}>
                    <span>{cop().industry}</span>
                  </Show>
                  <span class="muted">
                    Since {formatDate(cop().startDate)} · {cop().daysActive} days
                  </span>
                  <Show when={!cop().isActive}>
                    <span class="badge badge--muted">Inactive</span>
                  </Show>
                </p>
                <Show when={cop().description}>
                  <p class="cop-dashboard__description">{cop().description}</p>
                </Show>
              </div>
            </header>
            <CopTabs copId={cop().id} />
            <KpiPanel copId={cop().id} />
            <PlatformUsagePanel copId={cop().id} />
            <div class="dashboard-columns">
              <MembersPanel copId={cop().id} />
              <div class="dashboard-stack">
                <EventsPanel cop={cop()} />
                <UseCasesPanel cop={cop()} />
                <CrmAccountsPanel copId={cop().id} />
                <SurveysPanel cop={cop()} />
                <ChampionsPanel cop={cop()} />
              </div>
            </div>
          </article>
        )}
      </Show>
    </QueryState>
  );
};

export default CopDashboardPage;
