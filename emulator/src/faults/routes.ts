import { invalidParameter, type Route } from '../http/types.js';
import type { FaultInjector } from './injector.js';
import { faultRequestSchema } from './rules.js';
import type { CallStats } from './stats.js';

/** The emulator's control API under `/emulator/`: fault rules and call statistics. */
export function createFaultAdminRoutes(faults: FaultInjector, stats: CallStats): Route[] {
  return [
    { method: 'GET', path: '/emulator/faults', handler: () => ({ rules: faults.list() }) },
    {
      method: 'POST',
      path: '/emulator/faults',
      handler: (req) => {
        const parsed = faultRequestSchema.safeParse(req.body);
        if (!parsed.success) throw invalidParameter(`Invalid fault rule: ${parsed.error.message}`);
        faults.add('rules' in parsed.data ? parsed.data.rules : [parsed.data]);
        return { rules: faults.list() };
      },
    },
    {
      method: 'DELETE',
      path: '/emulator/faults',
      handler: () => {
        faults.clear();
        return { rules: [] };
      },
    },
    { method: 'GET', path: '/emulator/stats', handler: () => stats.snapshot() },
    {
      method: 'POST',
      path: '/emulator/stats/reset',
      handler: () => {
        stats.reset();
        return {};
      },
    },
  ];
}
