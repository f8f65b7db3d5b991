import { describe, expect, it } from 'vitest';
import { draftInput, draftOf, newTask, parseParameters } from './pipeline-draft';

describe('pipeline drafts', () => {
  it('sends only the fields of each task’s type, and parameters as an object', () => {
    const sql = { ...newTask(0), key: ' report ', type: 'SQL' as const, query: 'SELECT 1', warehouseId: 'w1' };
    const notebook = {
      ...sql,
      key: 'load',
      type: 'NOTEBOOK' as const,
      notebookPath: '/x',
      parameters: 'a=1\n\n b = two=2 ',
    };
    const input = draftInput({
      name: ' nightly ',
      workspaceId: 'ws',
      tasks: [sql, notebook],
      schedule: { enabled: false, quartzCron: '0 0 6 ? * *', timezone: 'UTC', paused: false },
    });
    expect(input).toEqual({
      name: 'nightly',
      schedule: null,
      tasks: [
        { key: 'report', type: 'SQL', dependsOn: [], parameters: null, query: 'SELECT 1', warehouseId: 'w1' },
        { key: 'load', type: 'NOTEBOOK', dependsOn: [], parameters: { a: '1', b: 'two=2' }, notebookPath: '/x' },
      ],
    });
  });

  it('reads a saved pipeline back into the same draft', () => {
    const draft = draftOf({
      name: 'nightly',
      workspace: { id: 'ws' },
      tasks: [{ key: 'a', type: 'PYTHON', dependsOn: [], pythonFile: '/a.py', parameters: { n: '1' } }],
      schedule: { quartzCron: '0 0 6 ? * *', timezone: 'Europe/Paris', paused: true },
    });
    expect(draft.tasks[0]).toMatchObject({ pythonFile: '/a.py', parameters: 'n=1', notebookPath: '' });
    expect(draft.schedule).toEqual({
      enabled: true,
      quartzCron: '0 0 6 ? * *',
      timezone: 'Europe/Paris',
      paused: true,
    });
    expect(draftInput(draft).tasks[0]).toEqual({
      key: 'a',
      type: 'PYTHON',
      dependsOn: [],
      parameters: { n: '1' },
      pythonFile: '/a.py',
    });
  });

  it('reads no parameters from blank text', () => {
    expect(parseParameters(' \n ')).toBeNull();
  });
});
