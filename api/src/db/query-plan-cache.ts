/// <reference path="./prisma-runtime.d.ts" />
// Prisma 6's query compiler (Wasm, on the event loop) compiles every query again, even one it compiled a moment ago:
// about a quarter of a nested read's CPU here. Prisma 7.4 caches plans itself (prisma/orm#29038); until the api
// can move to it, the compiler remembers the plans of the queries it saw last. A plan depends only on the query's
// JSON (values included) and the schema, so an identical query gets an identical plan.
import { QueryCompiler } from '@prisma/client/runtime/query_compiler_bg.postgresql.mjs';

/** Plans kept at most; the oldest go first. */
const MAX_PLANS = 2_000;

interface Compiler {
  compile(query: string): unknown;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

let installed = false;

/** Makes every Prisma query compiler of the process reuse the plan of a query it compiled before. */
export function cacheQueryPlans(): void {
  if (installed) return;
  installed = true;
  const prototype = QueryCompiler.prototype as Compiler;
  const compile = prototype.compile;
  const plans = new WeakMap<Compiler, Map<string, unknown>>();
  prototype.compile = function compileOnce(this: Compiler, query: string): unknown {
    let cache = plans.get(this);
    if (!cache) {
      cache = new Map();
      plans.set(this, cache);
    }
    const known = cache.get(query);
    if (known !== undefined) {
      // Most recently used last, so the oldest is the first to go.
      cache.delete(query);
      cache.set(query, known);
      return known;
    }
    // Frozen: the plan is shared by later calls, so nothing may change it.
    const plan = deepFreeze(compile.call(this, query));
    if (cache.size >= MAX_PLANS) cache.delete(cache.keys().next().value!);
    cache.set(query, plan);
    return plan;
  };
}
