/**
 * The value a notebook hands to `dbutils.notebook.exit`, when it passes a plain string literal: what a run of it
 * returns through `runs/get-output` (`notebook_output.result`). Computed values (`json.dumps(…)`) cannot be known
 * without running Python, so those notebooks fall back to their scenario's output.
 */
const EXIT_CALL = /dbutils\.notebook\.exit\(\s*(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*\)/g;

export function literalExitValue(source: string): string | undefined {
  const last = [...source.matchAll(EXIT_CALL)].at(-1);
  if (!last) return undefined;
  return (last[1] ?? last[2] ?? '').replace(/\\(.)/g, '$1');
}
