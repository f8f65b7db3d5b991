import { z } from 'zod';

export const UNITY_NAME = /^[a-z_][a-z0-9_]{0,127}$/;
const unityName = z.string().regex(UNITY_NAME, 'a lower-case Unity Catalog name (letters, digits, _)');

/**
 * The plain settings of a Databricks integration (`Integration.config`). Credentials never live here:
 * they are in `Integration.secrets`, each value sealed with `SecretBox` (see `secret-fields.ts`).
 */
export const databricksConfigSchema = z.object({
  /** Workspace URL, e.g. https://adb-123.4.azuredatabricks.net or the emulator's https://127.0.0.1:8443 */
  host: z.string().url(),
  authType: z.enum(['PAT', 'OAUTH_M2M', 'AZURE_SP']),
  /** Service principal application id (OAuth M2M and Azure AD). */
  clientId: z.string().optional(),
  /** Azure AD tenant (directory) id, for AZURE_SP. */
  azureTenantId: z.string().optional(),
  /** Azure AD authority base URL; defaults to https://login.microsoftonline.com (the emulator serves one in tests). */
  azureAuthority: z.string().url().optional(),
  /** SQL warehouse used for system tables and the CRM tables. */
  warehouseId: z.string().optional(),
  /** The multi-task pipeline job and the notebooks behind each layer. */
  pipelineJobId: z.string().optional(),
  notebookPaths: z.object({ bronze: z.string(), silver: z.string(), gold: z.string() }).partial().optional(),
  /** Model serving endpoints for the AI advisor and the survey summarizer. */
  servingEndpoints: z.object({ advisor: z.string(), summarizer: z.string() }).partial().optional(),
  /** Prefix of tenant catalogs (`<prefix>_<tenant>`). */
  catalogPrefix: z.string().optional(),
  /** Where the CRM's Delta tables live (default `edip_crm.main`); plain identifiers, as they go into DDL. */
  crm: z.object({ catalog: unityName, schema: unityName }).partial().optional(),
  /** The Databricks account the workspace belongs to (account-level APIs, billing), e.g. a UUID. */
  accountId: z.string().optional(),
  /** The account console, e.g. https://accounts.cloud.databricks.com or https://accounts.azuredatabricks.net. */
  accountConsoleUrl: z.string().url().optional(),
  /** The cloud region of the workspace, e.g. us-east-1 or westeurope. */
  region: z.string().optional(),
});

export type DatabricksConfig = z.infer<typeof databricksConfigSchema>;
