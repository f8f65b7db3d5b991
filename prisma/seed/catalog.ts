import type { CopPhase, EventKind, UseCaseStatus } from '@cop-os/api/prisma/enums';

/** The demo tenants and their communities: the fixed, hand-written part of the seed. */
export interface CustomerSpec {
  name: string;
  industry: string;
  businessArea: string;
  vpName: string;
  adminName: string;
  primaryItPartner: string;
  /** E-mail domain of its people (demo accounts are `admin@<domain>`, …). */
  domain: string;
  /** The workspace host used in content deep links. */
  workspaceHost: string;
  /** Catalog prefix of its tenant catalogs. */
  catalog: string;
  /** Names of its demo sign-in accounts. */
  accounts: Record<'admin' | 'engineer' | 'analyst' | 'lead', string>;
  workspaces: { id: string; name: string }[];
  cops: CopSpec[];
}

export interface CopSpec {
  name: string;
  slug: string;
  description: string;
  phase: CopPhase;
  /** How long ago the CoP started. */
  ageDays: number;
  /** Index into the customer's `workspaces`. */
  workspace: number;
  sessions: [title: string, kind: EventKind][];
  useCases: [title: string, problem: string, status: UseCaseStatus, value: number][];
}

export const CUSTOMERS: CustomerSpec[] = [
  {
    name: 'Northwind Pet Insurance',
    industry: 'Insurance',
    businessArea: 'Claims, underwriting and customer analytics (PetInsure360)',
    vpName: 'Margaret Okafor',
    adminName: 'Daniel Reyes',
    primaryItPartner: 'Accenture',
    domain: 'northwind.example',
    workspaceHost: 'northwind-petinsure360.cloud.databricks.com',
    catalog: 'petinsure360',
    accounts: { admin: 'Daniel Reyes', engineer: 'Samir Patel', analyst: 'Lena Fischer', lead: 'Grace Kim' },
    workspaces: [
      { id: '1001001001001001', name: 'northwind-prod' },
      { id: '1001001001001002', name: 'northwind-dev' },
    ],
    cops: [
      {
        name: 'Data Engineering CoP',
        slug: 'data-engineering',
        description: 'Builders of the PetInsure360 lakehouse: ingestion, medallion pipelines, orchestration and cost.',
        phase: 'OPTIMIZATION',
        ageDays: 420,
        workspace: 0,
        sessions: [
          ['Medallion architecture refresher', 'WORKSHOP'],
          ['Lakeflow Jobs: orchestration patterns', 'TRAINING'],
          ['Photon and cluster cost clinic', 'OFFICE_HOURS'],
          ['Bronze-to-gold pipeline showcase', 'SHOWCASE'],
          ['Streaming claims ingestion hackathon', 'HACKATHON'],
          ['Serverless jobs migration office hours', 'OFFICE_HOURS'],
        ],
        useCases: [
          [
            'Claims ingestion in near real time',
            'Claims land in batches every 24 h, delaying fraud checks.',
            'IN_PRODUCTION',
            420000,
          ],
          ['Pipeline cost attribution', 'Nobody knows which team drives the DBU bill.', 'IN_PROGRESS', 150000],
          ['Vet clinic data contracts', 'Clinic feeds change schema without notice.', 'IDEA', 80000],
        ],
      },
      {
        name: 'Claims Analytics CoP',
        slug: 'claims-analytics',
        description: 'Analysts and actuaries sharing DBSQL dashboards, loss-ratio models and claims insights.',
        phase: 'SCALE',
        ageDays: 300,
        workspace: 0,
        sessions: [
          ['DBSQL dashboards for loss ratios', 'WORKSHOP'],
          ['Claims severity deep dive', 'SHOWCASE'],
          ['SQL warehouse office hours', 'OFFICE_HOURS'],
          ['Genie spaces for claims handlers', 'TRAINING'],
          ['Quarterly claims insights meetup', 'MEETUP'],
          ['AI/BI dashboards hands-on', 'WORKSHOP'],
        ],
        useCases: [
          [
            'Loss-ratio dashboard by breed',
            'Underwriting prices breeds from year-old spreadsheets.',
            'IN_PRODUCTION',
            610000,
          ],
          ['Claims triage self-service', 'Claims handlers wait days for ad-hoc reports.', 'IN_PROGRESS', 230000],
          ['Renewal churn early warning', 'Policy lapses are noticed only after renewal fails.', 'ON_HOLD', 175000],
        ],
      },
      {
        name: 'ML & GenAI CoP',
        slug: 'ml-genai',
        description: 'Data scientists taking fraud, pricing and GenAI assistants from notebook to Model Serving.',
        phase: 'GROWTH',
        ageDays: 160,
        workspace: 1,
        sessions: [
          ['MLflow experiment tracking basics', 'TRAINING'],
          ['Fraud model showcase', 'SHOWCASE'],
          ['Model Serving office hours', 'OFFICE_HOURS'],
          ['RAG on policy documents workshop', 'WORKSHOP'],
          ['GenAI hackathon: claims assistant', 'HACKATHON'],
          ['Vector Search in practice', 'TRAINING'],
        ],
        useCases: [
          ['Claims fraud scoring', 'Manual fraud review catches too few suspicious claims.', 'IN_PROGRESS', 900000],
          ['Policy Q&A assistant', 'Agents search 300-page policy PDFs to answer customers.', 'IDEA', 260000],
          ['Dynamic premium pricing', 'Premiums ignore claims history by region.', 'IDEA', 500000],
        ],
      },
      {
        name: 'Data Governance CoP',
        slug: 'data-governance',
        description: 'Stewards rolling out Unity Catalog, lineage, access policies and data quality.',
        phase: 'FOUNDATION',
        ageDays: 45,
        workspace: 1,
        sessions: [
          ['Unity Catalog kickoff', 'MEETUP'],
          ['Access policies and row filters', 'WORKSHOP'],
          ['Lineage and audit office hours', 'OFFICE_HOURS'],
          ['Data quality with expectations', 'TRAINING'],
          ['Tagging PII: a working session', 'WORKSHOP'],
          ['Governance showcase for leadership', 'SHOWCASE'],
        ],
        useCases: [
          ['PII tagging across claims tables', 'Customer PII is spread over untagged tables.', 'IN_PROGRESS', 120000],
          ['Single business glossary', 'Three definitions of "active policy" exist.', 'IDEA', 40000],
          ['Audit-ready access reviews', 'Quarterly access reviews take two weeks.', 'IDEA', 60000],
        ],
      },
    ],
  },
  {
    name: 'Contoso Health',
    industry: 'Healthcare',
    businessArea: 'Clinical operations and population health analytics',
    vpName: 'Priya Raman',
    adminName: 'Tomás Alvarez',
    primaryItPartner: 'Deloitte',
    domain: 'contoso.example',
    workspaceHost: 'contoso-health.cloud.databricks.com',
    catalog: 'contoso_health',
    accounts: { admin: 'Tomás Alvarez', engineer: 'Jordan Lee', analyst: 'Amara Nwosu', lead: 'Hiro Tanaka' },
    workspaces: [{ id: '2002002002002001', name: 'contoso-clinical' }],
    cops: [
      {
        name: 'Clinical Analytics CoP',
        slug: 'clinical-analytics',
        description: 'Clinicians and analysts measuring readmissions, bed occupancy and care pathways.',
        phase: 'SCALE',
        ageDays: 260,
        workspace: 0,
        sessions: [
          ['Readmission dashboard walkthrough', 'SHOWCASE'],
          ['FHIR data on the lakehouse', 'TRAINING'],
          ['SQL office hours for clinicians', 'OFFICE_HOURS'],
          ['Bed occupancy forecasting workshop', 'WORKSHOP'],
          ['Population health meetup', 'MEETUP'],
          ['Care pathway mining hackathon', 'HACKATHON'],
        ],
        useCases: [
          ['30-day readmission risk', 'Readmissions cost the network millions a year.', 'IN_PRODUCTION', 1200000],
          ['Bed occupancy forecast', 'Wards are overbooked on Mondays.', 'IN_PROGRESS', 340000],
          ['Care pathway variance', 'Same diagnosis, very different treatment costs.', 'IDEA', 210000],
        ],
      },
      {
        name: 'Healthcare AI CoP',
        slug: 'healthcare-ai',
        description: 'Responsible AI for clinical notes, imaging triage and patient communication.',
        phase: 'GROWTH',
        ageDays: 120,
        workspace: 0,
        sessions: [
          ['Responsible AI in healthcare', 'TRAINING'],
          ['Clinical notes summarisation demo', 'SHOWCASE'],
          ['Model Serving office hours', 'OFFICE_HOURS'],
          ['De-identification workshop', 'WORKSHOP'],
          ['Patient letter assistant hackathon', 'HACKATHON'],
          ['Evaluating LLMs with MLflow', 'TRAINING'],
        ],
        useCases: [
          ['Discharge summary drafting', 'Doctors spend 40 minutes per discharge letter.', 'IN_PROGRESS', 800000],
          ['Radiology triage', 'Urgent scans wait in the same queue as routine ones.', 'ON_HOLD', 650000],
          ['Patient question routing', 'Portal messages reach the wrong team.', 'IDEA', 150000],
        ],
      },
    ],
  },
];

/** Where every customer's CoPs come from: all six, flattened with their customer. */
export const allCops = () => CUSTOMERS.flatMap((customer) => customer.cops.map((cop) => ({ customer, cop })));
