import type { CallCounter } from '../http/pipeline.js';

/** Calls received per route (`METHOD /path/pattern`): the api's batching tests count Databricks calls here. */
export class CallStats implements CallCounter {
  private calls = new Map<string, number>();

  record(routeKey: string): void {
    this.calls.set(routeKey, (this.calls.get(routeKey) ?? 0) + 1);
  }

  snapshot(): { total: number; calls: Record<string, number> } {
    const calls = Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
    return { total: Object.values(calls).reduce((sum, count) => sum + count, 0), calls };
  }

  reset(): void {
    this.calls = new Map();
  }
}
