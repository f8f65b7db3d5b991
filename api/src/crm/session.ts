/**
 * One request's view of the CRM: each workspace is opened once, and the rows nested selections ask for are
 * batched — every account's statuses (or use cases, or updates) in one statement per relationship, whatever the
 * number of accounts (DataLoader over `account_bsnid IN (…)`).
 */
import DataLoader from 'dataloader';
import { type CrmRecord, rowsWhereIn } from './records.js';
import { ACCOUNTS, type Column, type CrmTable } from './tables.js';
import { type CrmDeps, type CrmWarehouse, openCrm } from './warehouse.js';

export class CrmSession {
  private readonly warehouses = new Map<string, Promise<CrmWarehouse>>();
  private readonly loaders = new Map<string, DataLoader<string, CrmRecord[]>>();
  /** Accounts of a list page, by `<scope>|<bsnid>`, with the columns the page read. */
  private readonly remembered = new Map<string, { account: CrmRecord; columns: ReadonlySet<string> }>();

  constructor(private readonly deps: CrmDeps) {}

  warehouse(scope: string): Promise<CrmWarehouse> {
    let pending = this.warehouses.get(scope);
    if (!pending) {
      pending = openCrm(this.deps, scope);
      this.warehouses.set(scope, pending);
    }
    return pending;
  }

  /**
   * Accounts read otherwise (a list page, of `columns`): their children's `account` fields need no statement of
   * their own when they ask for no other column.
   */
  rememberAccounts(scope: string, accounts: CrmRecord[], columns: readonly Column[]): void {
    const names = new Set(columns.map((c) => c.column));
    for (const account of accounts) this.remembered.set(`${scope}|${account.bsnid}`, { account, columns: names });
  }

  /**
   * The rows of `table` whose `column` equals `value`, loaded together with every other asked for in this tick;
   * only `columns` are read (all by default), so the rows asked for with the same columns share one statement.
   */
  rowsOf(
    scope: string,
    table: CrmTable,
    column: string,
    value: string,
    columns: readonly Column[] = table.columns,
  ): Promise<CrmRecord[]> {
    return this.loader(scope, table, column, columns).load(value);
  }

  private loader(
    scope: string,
    table: CrmTable,
    column: string,
    columns: readonly Column[],
  ): DataLoader<string, CrmRecord[]> {
    const key = `${scope}|${table.name}|${column}|${columnsKey(columns)}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (values) => {
        const rows = await rowsWhereIn(await this.warehouse(scope), table, column, values, columns);
        const field = table.columns.find((c) => c.column === column)!.field;
        const groups = new Map<string, CrmRecord[]>();
        for (const row of rows) {
          const group = groups.get(String(row[field]));
          if (group) group.push(row);
          else groups.set(String(row[field]), [row]);
        }
        return values.map((v) => groups.get(v) ?? []);
      });
      this.loaders.set(key, loader);
    }
    return loader;
  }

  /** An account with (at least) `columns`: from a page read in this request if it has them. */
  async account(
    scope: string,
    bsnid: string,
    columns: readonly Column[] = ACCOUNTS.columns,
  ): Promise<CrmRecord | undefined> {
    const known = this.remembered.get(`${scope}|${bsnid}`);
    if (known && columns.every((c) => known.columns.has(c.column))) return known.account;
    return (await this.rowsOf(scope, ACCOUNTS, 'bsnid', bsnid, columns))[0];
  }

  /** Forgets loaded rows after a write, so that the mutation's answer shows what the warehouse now holds. */
  clear(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
    this.remembered.clear();
  }
}

/** A list of columns as a loader key part, computed once per list (a page asks with the same list per row). */
const columnKeys = new WeakMap<readonly Column[], string>();
function columnsKey(columns: readonly Column[]): string {
  let key = columnKeys.get(columns);
  if (key === undefined) {
    key = columns.map((c) => c.column).join(',');
    columnKeys.set(columns, key);
  }
  return key;
}
