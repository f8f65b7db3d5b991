import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, so a heap reading counts what is still referenced. Works without starting Node
 * with `--expose-gc`: the flag is set at run time and `gc` read from a fresh context, which then has it.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export interface MemoryReading {
  heapUsed: number;
  rss: number;
}

/** This process's heap in use and resident set after a full GC, in bytes. */
export function readMemory(): MemoryReading {
  collectGarbage();
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}
