/**
 * Unity Catalog's permissions API (`/api/2.1/unity-catalog/permissions/{securable_type}/{full_name}`): GET
 * the direct grants on a catalog, schema, table or volume; PATCH `changes: [{principal, add, remove}]`.
 * Each call runs as its caller through the warehouse's own `SHOW GRANTS` / `GRANT` / `REVOKE`, so the REST
 * and SQL paths share one set of grants and one rule of who may change them.
 */
import type { SqlEngine } from '../contracts.js';
import { DatabricksApiError, invalidParameter, type Route } from '../http/types.js';

const TYPES: Record<string, string> = { catalog: 'CATALOG', schema: 'SCHEMA', table: 'TABLE', volume: 'VOLUME' };
const quote = (part: string) => `\`${part.replaceAll('`', '``')}\``;

/** The warehouse's error classes as the REST API reports them. */
function restError(error: Error, type: string, fullName: string): DatabricksApiError {
  const message = error.message;
  if (message.startsWith('[INSUFFICIENT_PERMISSIONS]')) {
    return new DatabricksApiError(
      403,
      'PERMISSION_DENIED',
      message.replace(/^\[\w+\] Insufficient privileges:\n/, '').replace(/ SQLSTATE: \w+$/, ''),
    );
  }
  if (/_NOT_FOUND\]/.test(message)) {
    return new DatabricksApiError(
      404,
      `${type.toUpperCase()}_DOES_NOT_EXIST`,
      `${TYPES[type][0]}${type.slice(1)} '${fullName}' does not exist.`,
    );
  }
  if (message.startsWith('[PRINCIPAL_DOES_NOT_EXIST]')) {
    return new DatabricksApiError(400, 'PRINCIPAL_DOES_NOT_EXIST', message.replace(/^\[\w+\] /, ''));
  }
  return invalidParameter(message.replace(/^\[\w+\] /, ''));
}

export function createPermissionsService({ engine }: { engine: SqlEngine }): Route[] {
  const path = '/api/2.1/unity-catalog/permissions/:securable_type/:full_name';
  const target = (params: Record<string, string>) => {
    const type = params.securable_type.toLowerCase();
    if (!TYPES[type]) throw invalidParameter(`Unsupported securable type ${params.securable_type}.`);
    const fullName = params.full_name;
    return { type, fullName, sql: `${TYPES[type]} ${fullName.split('.').map(quote).join('.')}` };
  };

  const assignments = async (on: ReturnType<typeof target>, principal: string) => {
    const result = await engine
      .execute(`SHOW GRANTS ON ${on.sql}`, {}, { principal })
      .catch((error: Error) => Promise.reject(restError(error, on.type, on.fullName)));
    const byPrincipal = new Map<string, string[]>();
    for (const [grantee, action] of result.rows as string[][]) {
      byPrincipal.set(grantee, [...(byPrincipal.get(grantee) ?? []), action.replaceAll(' ', '_')]);
    }
    return {
      privilege_assignments: [...byPrincipal].map(([grantee, privileges]) => ({ principal: grantee, privileges })),
    };
  };

  return [
    { method: 'GET', path, handler: ({ params, principal }) => assignments(target(params), principal.userName) },
    {
      method: 'PATCH',
      path,
      handler: async ({ params, body, principal }) => {
        const on = target(params);
        const changes = Array.isArray(body.changes) ? body.changes : [];
        const statements: string[] = [];
        for (const change of changes as { principal?: unknown; add?: unknown; remove?: unknown }[]) {
          if (typeof change.principal !== 'string' || !change.principal)
            throw invalidParameter('Each change needs a principal.');
          const grantee = quote(change.principal);
          const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
          if (list(change.add).length)
            statements.push(`GRANT ${list(change.add).join(', ')} ON ${on.sql} TO ${grantee}`);
          if (list(change.remove).length)
            statements.push(`REVOKE ${list(change.remove).join(', ')} ON ${on.sql} FROM ${grantee}`);
        }
        for (const statement of statements) {
          await engine
            .execute(statement, {}, { principal: principal.userName })
            .catch((error: Error) => Promise.reject(restError(error, on.type, on.fullName)));
        }
        return assignments(on, principal.userName);
      },
    },
  ];
}
