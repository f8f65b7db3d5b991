import { Route, Router } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { type Component, createMemo, lazy, onCleanup, Show } from 'solid-js';
import { createAppClient } from './graphql/client';
import { SignInPage } from './pages/sign-in/SignInPage';
import { createSession } from './session/createSession';
import { SessionContext } from './session/SessionContext';
import { AppShell } from './shell/AppShell';
import { NotFoundPage } from './shell/NotFoundPage';
import { RequireSession } from './shell/RequireSession';

const PortfolioPage = lazy(() => import('./pages/portfolio/PortfolioPage'));
const CopDashboardPage = lazy(() => import('./pages/cop-dashboard/CopDashboardPage'));
const ContentPage = lazy(() => import('./pages/content/ContentPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const PipelinePage = lazy(() => import('./pages/pipeline/PipelinePage'));
const SurveysPage = lazy(() => import('./pages/surveys/SurveysPage'));
const SurveyPage = lazy(() => import('./pages/surveys/SurveyPage'));
const AdvicePage = lazy(() => import('./pages/advisor/AdvicePage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const CopCatalogPage = lazy(() => import('./pages/catalog/CopCatalogPage'));
const CrmPage = lazy(() => import('./pages/crm/CrmPage'));
const AccountPage = lazy(() => import('./pages/crm/AccountPage'));
const DatasetsPage = lazy(() => import('./pages/datasets/DatasetsPage'));
const PipelinesPage = lazy(() => import('./pages/pipelines/PipelinesPage'));
const NotebooksPage = lazy(() => import('./pages/notebooks/NotebooksPage'));
const OpsPage = lazy(() => import('./pages/ops/OpsPage'));

export const App: Component = () => {
  const session = createSession();
  // A new client (empty cache, new WebSocket) per token: nothing cached for one user reaches the next.
  const appClient = createMemo(() => {
    const created = createAppClient({ token: session.token(), onUnauthenticated: session.signOut });
    onCleanup(created.dispose);
    return created;
  });

  return (
    <SessionContext.Provider value={session}>
      <Show when={appClient()} keyed>
        {({ client }) => (
          <Provider value={client}>
            <Router>
              <Route path="/sign-in" component={SignInPage} />
              <Route path="/" component={RequireSession}>
                <Route path="/" component={AppShell}>
                  <Route path="/" component={PortfolioPage} />
                  <Route path="/cops/:id" component={CopDashboardPage} />
                  <Route path="/cops/:id/content" component={ContentPage} />
                  <Route path="/cops/:id/pipeline" component={PipelinePage} />
                  <Route path="/cops/:id/surveys" component={SurveysPage} />
                  <Route path="/surveys/:surveyId" component={SurveyPage} />
                  <Route path="/cops/:id/advisor" component={AdvicePage} />
                  <Route path="/cops/:id/catalog" component={CopCatalogPage} />
                  <Route path="/workspaces" component={CatalogPage} />
                  <Route path="/crm" component={CrmPage} />
                  <Route path="/crm/accounts/:id" component={AccountPage} />
                  <Route path="/datasets" component={DatasetsPage} />
                  <Route path="/pipelines" component={PipelinesPage} />
                  <Route path="/notebooks" component={NotebooksPage} />
                  <Route path="/admin" component={AdminPage} />
                  <Route path="/ops" component={OpsPage} />
                  <Route path="*" component={NotFoundPage} />
                </Route>
              </Route>
            </Router>
          </Provider>
        )}
      </Show>
    </SessionContext.Provider>
  );
};
