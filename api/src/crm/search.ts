/**
 * The account list: case-insensitive search (team, business area, VP, admin, and the problems and solutions of
 * the account's use cases) and filters evaluated by the warehouse, with keyset pagination (a cursor is the
 * last row's sort value and bsnid; no OFFSET). Only the clauses asked for are in the statement; every value is
 * a named parameter.
 */
import { CrmError } from './errors.js';
import { type CrmRecord, selectRows } from './records.js';
import type { Params } from './statements.js';
import { ACCOUNTS, type Column, PLATFORM_STATUSES, projection, qualified, USE_CASES } from './tables.js';
import type { CrmWarehouse } from './warehouse.js';

export const ACCOUNT_ORDERS = {
  TEAM_ASC: { column: 'team', direction: 'ASC', type: 'STRING' },
  BUSINESS_AREA_ASC: { column: 'business_area', direction: 'ASC', type: 'STRING' },
  UPDATED_AT_DESC: { column: 'updated_at', direction: 'DESC', type: 'TIMESTAMP' },
} as const;
export type AccountOrder = keyof typeof ACCOUNT_ORDERS;

export interface AccountSearch {
  search?: string | null;
  businessArea?: string | null;
  platform?: string | null;
  status?: string | null;
  orderBy?: AccountOrder | null;
  /** The account fields to read (all when not given); the sort column is read in any case, for the cursor. */
  fields?: ReadonlySet<string>;
  first: number;
  after?: string | null;
}

/** `!` escapes LIKE's wildcards: it means the same in Databricks and DuckDB (a backslash does not). */
const likePattern = (text: string) => `%${text.replace(/[!%_]/g, (ch) => `!${ch}`)}%`;

const encodeCursor = (value: unknown, bsnid: unknown) =>
  Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, bsnid])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) {
      return parsed as [string, string];
    }
  } catch {}
  throw new CrmError('BAD_INPUT', 'That cursor is not one this list gave out.', { field: 'after' });
}

export async function searchAccounts(
  w: CrmWarehouse,
  query: AccountSearch,
): Promise<{ edges: { cursor: string; node: CrmRecord }[]; hasNextPage: boolean; columns: readonly Column[] }> {
  const order = ACCOUNT_ORDERS[query.orderBy ?? 'TEAM_ASC'];
  const where: string[] = [];
  const params: Params = { limit: query.first + 1 };
  const search = query.search?.trim();
  if (search) {
    params.pattern = likePattern(search);
    const like = (column: string) => `${column} ILIKE :pattern ESCAPE '!'`;
    where.push(`(${['a.team', 'a.business_area', 'a.vp', 'a.admin'].map(like).join(' OR ')}
      OR EXISTS (SELECT 1 FROM ${qualified(w.ns, USE_CASES)} AS u
        WHERE u.account_bsnid = a.bsnid AND (${like('u.problem')} OR ${like('u.solution')})))`);
  }
  if (query.businessArea) {
    params.businessArea = query.businessArea;
    where.push('lower(a.business_area) = lower(:businessArea)');
  }
  if (query.platform || query.status) {
    const status: string[] = [];
    if (query.platform) {
      params.platform = query.platform;
      status.push('lower(p.platform) = lower(:platform)');
    }
    if (query.status) {
      params.status = query.status;
      status.push('lower(p.status) = lower(:status)');
    }
    where.push(`EXISTS (SELECT 1 FROM ${qualified(w.ns, PLATFORM_STATUSES)} AS p
      WHERE p.account_bsnid = a.bsnid AND ${status.join(' AND ')})`);
  }
  if (query.after) {
    const [value, bsnid] = decodeCursor(query.after);
    Object.assign(params, { afterValue: value, afterKey: bsnid });
    const beyond = order.direction === 'ASC' ? '>' : '<';
    const sortKey = `CAST(:afterValue AS ${order.type})`;
    where.push(`(a.${order.column} ${beyond} ${sortKey} OR (a.${order.column} = ${sortKey} AND a.bsnid > :afterKey))`);
  }
  const tail = `${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.${order.column} ${order.direction}, a.bsnid ASC LIMIT :limit`;
  const field = ACCOUNTS.columns.find((c) => c.column === order.column)!.field;
  const columns = projection(ACCOUNTS, query.fields && new Set([...query.fields, field]));
  const rows = await selectRows(w, ACCOUNTS, tail, params, { from: `${qualified(w.ns, ACCOUNTS)} AS a`, columns });
  return {
    edges: rows.slice(0, query.first).map((node) => ({ cursor: encodeCursor(node[field], node.bsnid), node })),
    hasNextPage: rows.length > query.first,
    columns,
  };
}
