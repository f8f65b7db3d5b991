import { describe, expect, it } from 'vitest';
import { literalExitValue } from './notebook-exit.js';

describe('literalExitValue', () => {
  it('reads the last string literal a notebook exits with, in either quote', () => {
    expect(literalExitValue(`x = 1\ndbutils.notebook.exit('{"total": 42}')`)).toBe('{"total": 42}');
    expect(literalExitValue(`dbutils.notebook.exit("first")\n\ndbutils.notebook.exit( "it's \\"done\\"" )`)).toBe(
      `it's "done"`,
    );
  });

  it('knows nothing of computed exit values or notebooks that do not exit', () => {
    expect(literalExitValue('dbutils.notebook.exit(json.dumps({"n": n}))')).toBeUndefined();
    expect(literalExitValue('print(1)')).toBeUndefined();
  });
});
