import { crm } from './crm.js';
import { dataPath } from './data-path.js';
import { datasets } from './datasets.js';
import { emulator } from './emulator.js';
import { fuzz } from './fuzz.js';
import { gatewayOverhead } from './gateway-overhead.js';
import { metrics } from './metrics.js';
import { runFanout } from './run-fanout.js';
import type { Scenario } from './scenario.js';
import { start } from './start.js';
import { syncFaults } from './sync-faults.js';
import { tenantOps } from './tenant-ops.js';

/** Every runnable scenario, by name, in the order `all` runs them. */
export const SCENARIOS: Record<string, Scenario> = {
  [gatewayOverhead.name]: gatewayOverhead,
  [emulator.name]: emulator,
  [runFanout.name]: runFanout,
  [fuzz.name]: fuzz,
  [dataPath.name]: dataPath,
  [start.name]: start,
  [metrics.name]: metrics,
  [tenantOps.name]: tenantOps,
  [crm.name]: crm,
  [datasets.name]: datasets,
  [syncFaults.name]: syncFaults,
};

/** Scenarios reserved for later, by name, with what they will measure (shown by `--help`); none at present. */
export const PLANNED_SCENARIOS: Record<string, string> = {};
