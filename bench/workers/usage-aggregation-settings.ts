import { EMULATOR_WAREHOUSE_ID } from '../../api/test/support/databricks.js';
import { SEEDED_WORKSPACE_IDS } from '../../emulator/src/config.js';

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** What the `emulator` scenario aggregates: the emulator's default seed, workspaces and warehouse. */
export const AGGREGATION = {
  seed: 360,
  warehouseId: EMULATOR_WAREHOUSE_ID,
  /** The scenario's own workspace and the demo seed's: every workspace the system tables hold. */
  workspaceIds: ['1444828305810485', ...SEEDED_WORKSPACE_IDS],
  /** The 90 days up to today: the whole span of the generated system tables. */
  range: () => ({
    workspaceIds: AGGREGATION.workspaceIds,
    from: isoDay(new Date(Date.now() - 89 * DAY_MS)),
    to: isoDay(new Date()),
  }),
};

export interface AggregationResult {
  baseline: number[];
  candidate: number[];
  rows: number;
  from: string;
  to: string;
}
