/**
 * The sample account book a new CRM starts with: five business accounts with complete fields, a status for
 * every major platform, realistic use cases and recent updates. Loaded once, right after the tables were
 * created (their history has only the CREATE): an account book emptied later by its users stays empty.
 */
import type { DatabricksSqlClient } from '../databricks/sql-client.js';
import { mergeSql, rowsSource } from './statements.js';
import {
  ACCOUNTS,
  type CrmNamespace,
  type CrmRow,
  type CrmTable,
  PLATFORM_STATUSES,
  qualified,
  UPDATES,
  USE_CASES,
} from './tables.js';

export const MAJOR_PLATFORMS = [
  'Databricks',
  'Power BI',
  'Azure Machine Learning',
  'Microsoft Fabric',
  'Azure Data Factory',
];

const accounts = [
  ['BSN-1001', 'Claims Analytics', 'Claims', 'Dana Whitfield', 'Marco Ruiz', 'Accenture'],
  ['BSN-1002', 'Underwriting Data Science', 'Underwriting', 'Priya Raman', 'Tom Becker', 'Deloitte'],
  ['BSN-1003', 'Customer Insights', 'Marketing', 'Elena Novak', 'Sam Okafor', 'Avanade'],
  ['BSN-1004', 'Finance Reporting', 'Finance', 'George Lind', 'Aiko Tanaka', 'KPMG'],
  ['BSN-1005', 'Veterinary Network Ops', 'Operations', 'Luis Fernández', 'Hannah Cole', 'Capgemini'],
].map(([bsnid, team, businessArea, vp, admin, primaryItPartner]) => ({
  bsnid,
  team,
  businessArea,
  vp,
  admin,
  primaryItPartner,
  azureDevopsLink: `https://dev.azure.com/northwind/${bsnid.toLowerCase()}`,
  artifactsFolderLink: `https://northwind.sharepoint.com/sites/${bsnid.toLowerCase()}/artifacts`,
}));

const STATUSES = ['Active', 'Onboarding', 'Scaling', 'Not started', 'Blocked'];
const statuses = accounts.flatMap((a, i) =>
  MAJOR_PLATFORMS.map((platform, p) => ({
    id: `sample-status-${a.bsnid}-${p}`,
    accountBsnid: a.bsnid,
    platform,
    status: STATUSES[(i + p) % STATUSES.length],
  })),
);

const useCaseTexts = [
  ['Claims triage takes 4 days on average', 'Score incoming claims with a model served from Databricks', 'Production'],
  ['Fraudulent claims found only after payout', 'Streaming anomaly detection on claim events', 'Pilot'],
  ['Quotes priced from stale breed risk tables', 'Weekly retrained risk model with feature store', 'Production'],
  ['Churn is noticed at renewal, too late', 'Churn propensity in Power BI for retention teams', 'Discovery'],
  ['Month-end close depends on 40 spreadsheets', 'Governed gold tables feeding Fabric reports', 'Pilot'],
  ['Clinic capacity planned by phone calls', 'Daily visit forecasts per clinic', 'Discovery'],
];
const useCases = accounts.flatMap((a, i) =>
  [0, 1].map((k) => {
    const [problem, solution, status] = useCaseTexts[(i + k * 3) % useCaseTexts.length];
    return {
      id: `sample-use-case-${a.bsnid}-${k}`,
      accountBsnid: a.bsnid,
      problem,
      solution,
      leader: a.admin,
      status,
      enablementTier: k === 0 ? 'Tier 1' : 'Tier 2',
      platform: MAJOR_PLATFORMS[(i + k) % MAJOR_PLATFORMS.length],
    };
  }),
);

const updateTexts = [
  'Kick-off with the platform team; workspace access requested.',
  'First pipeline in production; data quality checks added.',
  'Demoed the dashboard to the VP; next step is self-service.',
];
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const updates = accounts.flatMap((a, i) =>
  updateTexts.map((description, k) => ({
    id: `sample-update-${a.bsnid}-${k}`,
    accountBsnid: a.bsnid,
    author: k === 1 ? a.vp : a.admin,
    // Oldest first: a timeline in date order.
    date: day(30 - k * 10 - i),
    platform: MAJOR_PLATFORMS[k % MAJOR_PLATFORMS.length],
    description,
  })),
);

const SAMPLES: [CrmTable, CrmRow[]][] = [
  [ACCOUNTS, accounts],
  [PLATFORM_STATUSES, statuses],
  [USE_CASES, useCases],
  [UPDATES, updates],
];

export async function loadSamples(sql: DatabricksSqlClient, ns: CrmNamespace): Promise<void> {
  const { rows } = await sql.query<{ version: unknown }>({
    sql: `DESCRIBE HISTORY ${qualified(ns, ACCOUNTS)} LIMIT 1`,
  });
  if (rows.length !== 1 || Number(rows[0].version) !== 0) return;
  // Inserts only missing rows: a second instance loading at the same time adds nothing.
  for (const [table, data] of SAMPLES) {
    const source = rowsSource(table, data, 's');
    await sql.query({ sql: mergeSql(qualified(ns, table), table, source.sql), params: source.params });
  }
}
