/** How a call to Databricks ended, as `/metrics` counts it. */
export type CallOutcome = '2xx' | '3xx' | '4xx' | '5xx' | 'timeout' | 'network';

/**
 * The connector's traffic, counted in plain numbers (the hot path pays a map increment) and read by the
 * metrics endpoint when it is scraped. One instance per process, shared by every workspace connection, and one
 * per connection (its integration's figures in `opsMetrics.gateway`) that counts into the process's as well.
 */
export class ConnectorStats {
  /** When counting began: the process's start, or the connection's (a changed integration reconnects). */
  readonly since = new Date();

  constructor(private readonly parent?: ConnectorStats) {}

  /** REST attempts by outcome (a retried call counts each attempt). */
  readonly restAttempts = new Map<CallOutcome, number>();
  /** SQL statements by outcome ('ok' | 'failed'). */
  readonly sqlStatements = new Map<'ok' | 'failed', number>();
  retries = 0;
  /** Times a circuit breaker opened. */
  circuitBreaks = 0;

  restAttempt(outcome: CallOutcome): void {
    this.restAttempts.set(outcome, (this.restAttempts.get(outcome) ?? 0) + 1);
    this.parent?.restAttempt(outcome);
  }

  sqlStatement(outcome: 'ok' | 'failed'): void {
    this.sqlStatements.set(outcome, (this.sqlStatements.get(outcome) ?? 0) + 1);
    this.parent?.sqlStatement(outcome);
  }

  retry(): void {
    this.retries++;
    this.parent?.retry();
  }

  circuitBreak(): void {
    this.circuitBreaks++;
    this.parent?.circuitBreak();
  }
}

export function outcomeOfStatus(statusCode: number): CallOutcome {
  if (statusCode >= 500) return '5xx';
  if (statusCode >= 400) return '4xx';
  return statusCode >= 300 ? '3xx' : '2xx';
}
