import { emulator } from './emulator.js';
import { gatewayOverhead } from './gateway-overhead.js';
import type { Scenario } from './scenario.js';

/** Every runnable scenario, by name, in the order `all` runs them. */
export const SCENARIOS: Record<string, Scenario> = {
  [gatewayOverhead.name]: gatewayOverhead,
  [emulator.name]: emulator,
};

/**
 * Scenarios reserved for later. `run-fanout` (delivery latency of live run events to many subscribers) goes in
 * `scenarios/run-fanout.ts`, exporting a `Scenario` named 'run-fanout' that is added to SCENARIOS above and
 * removed from here.
 */
export const PLANNED_SCENARIOS: Record<string, string> = {
  'run-fanout': 'live-runs delivery latency to many subscribers (not written yet)',
};
