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
   * Accounts read otherwise (a list page): their children's `account` fields need no statement of their own —
   * if the page read every column (a projected page would answer those fields with nulls).
   */
  rememberAccounts(scope: string, accounts: CrmRecord[]): void {
    if (!ACCOUNTS.columns.every((c) => accounts[0] && c.field in accounts[0])) return;
    const loader = this.loader(scope, ACCOUNTS, 'bsnid', ACCOUNTS.columns);
    for (const account of accounts) loader.prime(String(account.bsnid), [account]);
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
    const key = `${scope}|${table.name}|${column}|${columns.map((c) => c.column).join(',')}`;
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

  async account(scope: string, bsnid: string): Promise<CrmRecord | undefined> {
    return (await this.rowsOf(scope, ACCOUNTS, 'bsnid', bsnid))[0];
  }

  /** Forgets loaded rows after a write, so that the mutation's answer shows what the warehouse now holds. */
  clear(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }
}
