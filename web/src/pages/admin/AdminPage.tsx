import { A, useSearchParams } from '@solidjs/router';
import { type Component, Match, Switch } from 'solid-js';
import { AuditLogSection } from './AuditLogSection';
import { IntegrationsSection } from './IntegrationsSection';
import { ServiceTokensSection } from './ServiceTokensSection';
import './admin.css';

const SECTIONS = [
  {
    key: 'integrations',
    label: 'Integrations',
    intro:
      'Workspace connections per customer and the workspaces they map to CoPs. Secrets can be replaced or cleared, never read back.',
  },
  {
    key: 'tokens',
    label: 'Service tokens',
    intro: 'Machine credentials, e.g. for the daily usage job. A token is shown once, when it is created.',
  },
  {
    key: 'audit',
    label: 'Audit log',
    intro: 'Every change made through the API, with who made it. Secrets are redacted.',
  },
] as const;

/** Customer administration: integrations and workspace mappings, service tokens, the audit log. */
const AdminPage: Component = () => {
  const [search] = useSearchParams<{ section?: string }>();
  const section = () => SECTIONS.find((candidate) => candidate.key === search.section) ?? SECTIONS[0];

  return (
    <section class="page" aria-labelledby="admin-title">
      <header class="page-header">
        <div>
          <h1 id="admin-title">{section().label}</h1>
          <p class="muted">{section().intro}</p>
        </div>
      </header>
      <nav class="cop-tabs" aria-label="Admin sections">
        {SECTIONS.map((candidate) => (
          <A
            href={`/admin?section=${candidate.key}`}
            classList={{ 'is-active': candidate.key === section().key }}
            aria-current={candidate.key === section().key ? 'page' : undefined}
          >
            {candidate.label}
          </A>
        ))}
      </nav>
      <Switch>
        <Match when={section().key === 'integrations'}>
          <IntegrationsSection />
        </Match>
        <Match when={section().key === 'tokens'}>
          <ServiceTokensSection />
        </Match>
        <Match when={section().key === 'audit'}>
          <AuditLogSection />
        </Match>
      </Switch>
    </section>
  );
};

export default AdminPage;
