/**
 * `IN (:ws0, :ws1, …)` with one named parameter per value: Databricks' named parameters take no arrays, and
 * values never enter the SQL text.
 */
export function namedInList(
  prefix: string,
  values: readonly string[],
): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  values.forEach((value, index) => {
    params[`${prefix}${index}`] = value;
  });
  return { sql: `(${values.map((_value, index) => `:${prefix}${index}`).join(', ')})`, params };
}
