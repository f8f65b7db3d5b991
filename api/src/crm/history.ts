/**
 * An account through time, from Delta's own history: `DESCRIBE HISTORY` of the accounts table gives the
 * versions (time, operation, who), and one statement reads the account in each of the latest ones
 * (`VERSION AS OF`), keeping the versions that changed it. `asOf` reads the account at one version or time.
 */
import { type CrmRecord, inScope, selectRows } from './records.js';
import { toRow } from './statements.js';
import { ACCOUNTS, columnList, qualified } from './tables.js';
import type { CrmWarehouse } from './warehouse.js';

/** Table versions looked at for one account's history (the newest). */
const HISTORY_DEPTH = 50;

export interface AccountVersion {
  version: number;
  timestamp: Date;
  operation: string;
  userName: string | null;
  /** The account as this version left it; null when it deleted the account. */
  account: CrmRecord | null;
}

export type AsOf = { version: number; timestamp?: undefined } | { timestamp: Date; version?: undefined };

export async function accountAsOf(w: CrmWarehouse, bsnid: string, asOf: AsOf): Promise<CrmRecord | undefined> {
  const travel = asOf.version !== undefined ? 'VERSION AS OF :asOf' : 'TIMESTAMP AS OF :asOf';
  const value = asOf.version !== undefined ? asOf.version : asOf.timestamp.toISOString();
  // A version or time outside the table's history is refused by the warehouse (BAD_USER_INPUT).
  const from = `${qualified(w.ns, ACCOUNTS)} ${travel}`;
  return (await selectRows(w, ACCOUNTS, 'WHERE bsnid = :bsnid', { bsnid, asOf: value }, { from }))[0];
}

export async function accountHistory(w: CrmWarehouse, bsnid: string): Promise<AccountVersion[]> {
  const { rows: commits } = await w.sql.query<Record<string, unknown>>({
    sql: `DESCRIBE HISTORY ${qualified(w.ns, ACCOUNTS)} LIMIT ${HISTORY_DEPTH}`,
  });
  const versions = commits.map((c) => Number(c.version)).filter(Number.isSafeInteger);
  if (versions.length === 0) return [];
  const params: Record<string, number | string> = { bsnid };
  const selects = versions.map((version, i) => {
    params[`v${i}`] = version;
    return `SELECT ${i} AS version_index, ${columnList(ACCOUNTS)} FROM ${qualified(w.ns, ACCOUNTS)} VERSION AS OF :v${i} WHERE bsnid = :bsnid`;
  });
  const { rows } = await w.sql.query<Record<string, unknown>>({ sql: selects.join(' UNION ALL '), params });
  const byVersion = new Map(rows.map((raw) => [versions[Number(raw.version_index)], toRow(ACCOUNTS, raw)]));
  const history: AccountVersion[] = [];
  let previous: string | undefined;
  // Oldest first, to see what each version changed.
  for (const commit of [...commits].reverse()) {
    const version = Number(commit.version);
    const row = byVersion.get(version);
    const fingerprint = row ? JSON.stringify(row) : 'absent';
    if (fingerprint !== previous && (row || previous !== undefined)) {
      history.push({
        version,
        timestamp: new Date(commit.timestamp as string | Date),
        operation: String(commit.operation),
        userName: commit.userName === null || commit.userName === undefined ? null : String(commit.userName),
        account: row ? inScope(w, row) : null,
      });
    }
    previous = fingerprint;
  }
  return history.reverse();
}
