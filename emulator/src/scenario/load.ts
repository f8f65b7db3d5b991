import { readFile } from 'node:fs/promises';
import { defaultScenario } from './default.js';
import { type Scenario, type ScenarioOverrides, scenarioSchema } from './types.js';

/**
 * Top-level fields replace; notebook behaviours merge field by field (a new path starts from the default
 * notebook) so a test can force one failure.
 */
function applyOverrides(base: Record<string, unknown>, overrides: ScenarioOverrides): Record<string, unknown> {
  const notebooks = { ...(base.notebooks as Record<string, object>) };
  for (const [path, behaviour] of Object.entries(overrides.notebooks ?? {})) {
    notebooks[path] = { ...(notebooks[path] ?? base.defaultNotebook), ...behaviour };
  }
  return { ...base, ...overrides, notebooks };
}

/** The built-in scenario, or the JSON file given, with overrides applied and validated. */
export async function loadScenario(file?: string, overrides: ScenarioOverrides = {}): Promise<Scenario> {
  const base = file ? JSON.parse(await readFile(file, 'utf8')) : defaultScenario;
  const parsed = scenarioSchema.safeParse(applyOverrides(base, overrides));
  if (!parsed.success) throw new Error(`Invalid emulator scenario${file ? ` ${file}` : ''}: ${parsed.error.message}`);
  return parsed.data;
}
