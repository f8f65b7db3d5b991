/** What changed between two versions of an account: the fields whose values differ, older value first. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

type Snapshot = Record<string, unknown> | null | undefined;

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value));

export function diffVersions(
  older: Snapshot,
  newer: Snapshot,
  ignore: readonly string[] = ['__typename'],
): FieldChange[] {
  const fields = [...new Set([...Object.keys(older ?? {}), ...Object.keys(newer ?? {})])].filter(
    (field) => !ignore.includes(field),
  );
  return fields
    .map((field) => ({ field, before: shown(older?.[field]), after: shown(newer?.[field]) }))
    .filter((change) => change.before !== change.after);
}
