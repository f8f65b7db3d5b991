import { describe, expect, it } from 'vitest';
import { distinctWorkspaces } from './distinct-workspaces';

describe('distinctWorkspaces', () => {
  it('merges the mappings of one workspace and keeps every CoP it counts for', () => {
    const merged = distinctWorkspaces([
      { id: 'm1', workspaceId: '1001', cop: { name: 'ML CoP' } },
      { id: 'm2', workspaceId: '2002', cop: null },
      { id: 'm3', workspaceId: '1001', cop: { name: 'Governance CoP' } },
    ]);
    expect(merged.map((workspace) => [workspace.id, workspace.copNames])).toEqual([
      ['m1', ['ML CoP', 'Governance CoP']],
      ['m2', []],
    ]);
  });
});
