/** The editable fields of a workspace mapping, as the form holds them (empty string = not set). */
export interface MappingFields {
  workspaceName: string;
  workspaceUrl: string;
  workspaceId: string;
  copId: string;
  defaultCatalog: string;
  defaultSchema: string;
}

export type MappingProblems = Partial<Record<keyof MappingFields, string>>;

const UC_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** The api's rules for a mapping (api/src/schema/workspace-mapping.ts), checked before sending. */
export function validateMapping(fields: MappingFields): MappingProblems {
  const problems: MappingProblems = {};
  if (fields.workspaceName.trim().length < 2) problems.workspaceName = 'A workspace name needs at least 2 characters.';
  if (!isHttpsUrl(fields.workspaceUrl.trim()))
    problems.workspaceUrl = 'The workspace URL must be an https:// URL, e.g. https://adb-123.4.azuredatabricks.net.';
  if (!/^\d{1,20}$/.test(fields.workspaceId.trim()))
    problems.workspaceId = 'A workspace id is the number in the workspace URL (?o=…).';
  if (fields.defaultCatalog && !UC_NAME.test(fields.defaultCatalog))
    problems.defaultCatalog = 'Letters, digits, _ or - (a Unity Catalog name).';
  if (fields.defaultSchema && !UC_NAME.test(fields.defaultSchema))
    problems.defaultSchema = 'Letters, digits, _ or - (a Unity Catalog name).';
  return problems;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
