import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default.js';
import { loadScenario } from './load.js';

describe('loadScenario', () => {
  it('fills defaults into the built-in scenario and merges notebook overrides field by field', async () => {
    const scenario = await loadScenario(undefined, {
      notebooks: {
        '/PetInsure360/01_bronze_ingestion': { forceFailure: true },
        '/Shared/new': { durationSeconds: [1, 2] },
      },
    });
    const bronze = scenario.notebooks['/PetInsure360/01_bronze_ingestion'];
    expect(bronze.forceFailure).toBe(true);
    expect(bronze.durationSeconds).toEqual([45, 120]);
    expect(scenario.notebooks['/Shared/new']).toMatchObject({ durationSeconds: [1, 2], failureRate: 0 });
    expect(scenario.faults).toEqual([]);
  });

  it('reads a scenario file (EMULATOR_SCENARIO) and rejects an invalid one with the reason', async () => {
    const file = join(tmpdir(), `cop-os-scenario-${process.pid}.json`);
    await writeFile(file, JSON.stringify({ ...defaultScenario, workspaceId: '42', jobs: [] }));
    const scenario = await loadScenario(file);
    expect(scenario.workspaceId).toBe('42');
    expect(scenario.jobs).toEqual([]);
    await writeFile(file, JSON.stringify({ ...defaultScenario, workspaceId: 'not-a-number' }));
    await expect(loadScenario(file)).rejects.toThrow(/Invalid emulator scenario.*workspaceId/s);
  });
});
