import { DBSQLClient } from '@databricks/sql';
import { EMULATOR_WAREHOUSE_ID } from './databricks.js';

/**
 * Statements straight to the test emulator's warehouse through the official driver (no gateway in between): the
 * hand-written SQL a test compares the gateway's figures with, or uses to put rows into the system tables.
 */
export function directWarehouse(emulatorUrl: string, token: string) {
  const driver = new DBSQLClient();
  const url = new URL(emulatorUrl);
  return {
    async query<T>(sql: string, namedParameters: Record<string, string | number> = {}): Promise<T[]> {
      const connection = await driver.connect({
        host: url.hostname,
        port: Number(url.port),
        path: `/sql/1.0/warehouses/${EMULATOR_WAREHOUSE_ID}`,
        token,
      });
      const session = await connection.openSession();
      try {
        const operation = await session.executeStatement(sql, { namedParameters });
        const rows = (await operation.fetchAll()) as T[];
        await operation.close();
        return rows;
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}

/** A timestamp as the warehouse casts it (UTC). */
export const sqlTimestamp = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
