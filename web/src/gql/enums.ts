export type AssetType =
  | 'CATALOG'
  | 'DBSQL_DASHBOARD'
  | 'DOC'
  | 'NOTEBOOK'
  | 'REPO'
  | 'VIDEO';

export type CopPhase =
  | 'FOUNDATION'
  | 'GROWTH'
  | 'OPTIMIZATION'
  | 'SCALE';

/** PAT: personal access token; OAUTH_M2M: Databricks service principal; AZURE_SP: Azure AD service principal. */
export type DatabricksAuthType =
  | 'AZURE_SP'
  | 'OAUTH_M2M'
  | 'PAT';

/** What went wrong, in `extensions.code` of a GraphQL error. A code outside this list (INTERNAL_SERVER_ERROR, GRAPHQL_VALIDATION_FAILED, …) means an unexpected failure or a malformed request. */
export type ErrorCode =
  /** The model answered something unusable; asking again may succeed. */
  | 'AI_BAD_RESPONSE'
  /** An argument was not accepted; the message says why and `extensions.fields` names the inputs. */
  | 'BAD_USER_INPUT'
  /** The item’s state does not allow this now (a closed survey, an answer given already). */
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

export type PipelineLayer =
  | 'ALL'
  | 'BRONZE'
  | 'GOLD'
  | 'SILVER';

export type QuestionType =
  | 'CHOICE'
  | 'FREE_TEXT'
  | 'NPS'
  | 'RATING';

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'CUSTOMER_ADMIN'
  | 'DATA_ENGINEER'
  | 'MEMBER'
  | 'SYSTEM';

export type RunEventType =
  | 'RUN_CANCELED'
  | 'RUN_COMPLETED'
  | 'RUN_FAILED'
  | 'RUN_PROGRESS'
  | 'RUN_STARTED';

/** What a service token may do; it can do nothing else. */
export type ServiceTokenScope =
  /** Report and sync platform usage (ingestUsage, syncPlatformUsage, the REST usage endpoint). */
  | 'USAGE_WRITE';

export type SkillLevel =
  | 'ADVANCED'
  | 'BEGINNER'
  | 'INTERMEDIATE';

/** DAILY: each finished day once, from 03:00 UTC. HOURLY: also today’s figures, every hour. */
export type UsageSchedule =
  | 'DAILY'
  | 'HOURLY';

export type UseCaseStatus =
  | 'IDEA'
  | 'IN_PRODUCTION'
  | 'IN_PROGRESS'
  | 'ON_HOLD';
