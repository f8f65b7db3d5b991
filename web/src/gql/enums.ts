/** JOB_FAILURES: failed job runs in the window ≥ threshold. DAILY_DBU_OVER_BUDGET: today’s cost (UTC) > the monthly budget’s daily share × threshold. SERVING_P95: serving latency p95 over the window > threshold ms. */
export type AlertKind =
  | 'DAILY_DBU_OVER_BUDGET'
  | 'JOB_FAILURES'
  | 'SERVING_P95';

export type AlertState =
  | 'FIRING'
  | 'RESOLVED';

export type AssetType =
  | 'CATALOG'
  | 'DBSQL_DASHBOARD'
  | 'DOC'
  | 'NOTEBOOK'
  | 'REPO'
  | 'VIDEO';

/** Where an asset lives: a Databricks workspace on AWS or Azure, or elsewhere (docs, videos, …). */
export type ContentPlatform =
  | 'DATABRICKS_AWS'
  | 'DATABRICKS_AZURE'
  | 'EXTERNAL';

export type CopPhase =
  | 'FOUNDATION'
  | 'GROWTH'
  | 'OPTIMIZATION'
  | 'SCALE';

/** How `Customer.cost` groups DBUs and cost. */
export type CostDimension =
  | 'DAY'
  | 'PRODUCT'
  | 'SKU'
  | 'WORKSPACE';

export type CrmAccountOrder =
  | 'BUSINESS_AREA_ASC'
  | 'TEAM_ASC'
  | 'UPDATED_AT_DESC';

export type CrmExportFormat =
  | 'CSV'
  | 'JSON';

/** PAT: personal access token; OAUTH_M2M: Databricks service principal; AZURE_SP: Azure AD service principal. */
export type DatabricksAuthType =
  | 'AZURE_SP'
  | 'OAUTH_M2M'
  | 'PAT';

export type DatasetQuerySource =
  /** The SQL warehouse, on the Delta table. */
  | 'DATABRICKS'
  /** The local Parquet copy. */
  | 'LOCAL';

/** What went wrong, in `extensions.code` of a GraphQL error. A code outside this list (INTERNAL_SERVER_ERROR, GRAPHQL_VALIDATION_FAILED, …) means an unexpected failure or a malformed request. */
export type ErrorCode =
  /** The model answered something unusable; asking again may succeed. */
  | 'AI_BAD_RESPONSE'
  /** An argument was not accepted; the message says why and `extensions.fields` names the inputs. */
  | 'BAD_USER_INPUT'
  /** The item’s state does not allow this now (a closed survey, an answer given already, a stale CRM write: `extensions.current` holds the row as it is now). */
  | 'CONFLICT'
  /** The workspace refused the integration’s credentials: a customer admin must update them. */
  | 'DATABRICKS_AUTH'
  /** The workspace asked to slow down; `extensions.retryAfterMs` says when to try again. */
  | 'DATABRICKS_RATE_LIMITED'
  /** The workspace did not answer within the deadline (the request’s or the call’s); a statement was cancelled. */
  | 'DATABRICKS_TIMEOUT'
  /** The workspace did not answer (down, 5xx, dropped connection, circuit open); only remote fields are null. */
  | 'DATABRICKS_UNAVAILABLE'
  /** The viewer’s role or tenant does not allow this (HTTP 403). */
  | 'FORBIDDEN'
  /** The item does not exist, or not for this viewer’s tenant; `extensions.reason` may say which. */
  | 'NOT_FOUND'
  /** The request body is larger than the api accepts (HTTP 413). */
  | 'PAYLOAD_TOO_LARGE'
  /** Too many attempts (failed sign-ins); `extensions.retryAfterMs` says when to try again (HTTP 429). */
  | 'RATE_LIMITED'
  /** No valid session or service token: sign in (HTTP 401). */
  | 'UNAUTHENTICATED';

export type EventKind =
  | 'HACKATHON'
  | 'MEETUP'
  | 'OFFICE_HOURS'
  | 'SHOWCASE'
  | 'TRAINING'
  | 'WORKSHOP';

export type IntegrationType =
  | 'DATABRICKS'
  | 'SLACK'
  | 'TEAMS';

export type JobRunKind =
  | 'JOB'
  | 'NOTEBOOK'
  | 'PIPELINE';

/** Who wrote a KPI value: a person, the gateway from its own records, the platform sync, the usage job. */
export type KpiSource =
  | 'COMPUTED'
  | 'MANUAL'
  | 'PLATFORM_SYNC'
  | 'USAGE_REPORT';

export type MembershipRole =
  | 'CHAMPION'
  | 'LEAD'
  | 'MEMBER';

export type NotebookLanguage =
  | 'PYTHON'
  | 'R'
  | 'SCALA'
  | 'SQL';

export type NotebookSyncDirection =
  /** Take the workspace’s cells. */
  | 'PULL'
  /** Write these cells to the workspace. */
  | 'PUSH';

export type PipelineLayer =
  | 'ALL'
  | 'BRONZE'
  | 'GOLD'
  | 'SILVER';

export type PipelineTaskType =
  /** A workspace notebook (`notebookPath`). */
  | 'NOTEBOOK'
  /** A Python file (`pythonFile`), parameters passed as `--name value`. */
  | 'PYTHON'
  /** A SQL query on a SQL warehouse (`query`, `warehouseId`). */
  | 'SQL';

export type QuestionType =
  | 'CHOICE'
  | 'FREE_TEXT'
  | 'NPS'
  | 'RATING';

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'CUSTOMER_ADMIN'
  | 'DATABRICKS_INTERNAL'
  | 'DATA_ENGINEER'
  | 'MEMBER'
  | 'SYSTEM';

export type RunEventType =
  | 'RUN_CANCELED'
  | 'RUN_COMPLETED'
  | 'RUN_FAILED'
  | 'RUN_PROGRESS'
  | 'RUN_STARTED';

export type SecurableType =
  | 'CATALOG'
  | 'SCHEMA'
  | 'TABLE'
  | 'VOLUME';

/** SYSTEM: a customer’s job; DATABRICKS_INTERNAL: the platform’s own automation (platform admins only). */
export type ServiceTokenRole =
  | 'DATABRICKS_INTERNAL'
  | 'SYSTEM';

/** What a service token may do; it can do nothing else. */
export type ServiceTokenScope =
  /** Report and sync platform usage (ingestUsage, syncPlatformUsage, the REST usage endpoint). */
  | 'USAGE_WRITE';

export type SkillLevel =
  | 'ADVANCED'
  | 'BEGINNER'
  | 'INTERMEDIATE';

/** SYNCED: the Databricks copy matches; PENDING: queued for Databricks; LOCAL_ONLY: Databricks could not be reached, retried with back-off; FAILED: Databricks refused, retried with back-off; DISABLED: Databricks is off for the customer, the resource is local only. */
export type SyncStatus =
  | 'DISABLED'
  | 'FAILED'
  | 'LOCAL_ONLY'
  | 'PENDING'
  | 'SYNCED';

export type TenantCatalogDriftKind =
  | 'EXTRA_PRIVILEGE'
  | 'MISSING_PRIVILEGE'
  | 'MISSING_SECURABLE';

/** OK: initialized and exactly as designed; DRIFT: initialized but something differs; NOT_INITIALIZED. */
export type TenantCatalogStatus =
  | 'DRIFT'
  | 'NOT_INITIALIZED'
  | 'OK';

/** DAILY: each finished day once, from 03:00 UTC. HOURLY: also today’s figures, every hour. */
export type UsageSchedule =
  | 'DAILY'
  | 'HOURLY';

export type UseCaseStatus =
  | 'IDEA'
  | 'IN_PRODUCTION'
  | 'IN_PROGRESS'
  | 'ON_HOLD';
