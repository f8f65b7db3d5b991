import { invalidParameter, type Route } from '../http/types.js';
import { notebookBehaviourSchema, type Scenario } from './types.js';

/**
 * `/emulator/scenario`: read the live scenario, and change how a notebook behaves (duration, output,
 * forced failure) for the runs that start afterwards.
 */
export function createScenarioAdminRoutes(scenario: Scenario): Route[] {
  return [
    { method: 'GET', path: '/emulator/scenario', handler: () => scenario },
    {
      method: 'POST',
      path: '/emulator/scenario/notebooks',
      handler: (req) => {
        const { path, ...changes } = req.body;
        if (typeof path !== 'string' || !path.startsWith('/')) throw invalidParameter('path must be a workspace path');
        const current = scenario.notebooks[path] ?? scenario.defaultNotebook;
        const parsed = notebookBehaviourSchema.safeParse({ ...current, ...changes });
        if (!parsed.success) throw invalidParameter(`Invalid notebook behaviour: ${parsed.error.message}`);
        scenario.notebooks[path] = parsed.data;
        return { path, ...parsed.data };
      },
    },
  ];
}
