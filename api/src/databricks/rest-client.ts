import type { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { BrokenCircuitError, BulkheadRejectedError, CircuitState } from 'cockatiel';
import { type Dispatcher, Pool } from 'undici';
import type { CredentialProvider } from './credentials.js';
import { withDeadline } from './deadline.js';
import { DatabricksError, errorFromResponse, timedOut, unavailable } from './errors.js';
import { createWorkspacePolicy, DEFAULT_RESILIENCE, type ResilienceOptions } from './resilience.js';
import { type ConnectorStats, outcomeOfStatus } from './stats.js';

export interface RestClientOptions {
  /** Workspace URL, e.g. https://adb-1.2.azuredatabricks.net */
  host: string;
  credentials: CredentialProvider;
  /** Longest wait for one attempt. */
  attemptTimeoutMs?: number;
  /** Longest wait for a call, retries included: a slow workspace never holds a request longer. */
  deadlineMs?: number;
  /** Extra CA (PEM) to trust, e.g. the emulator's self-signed certificate. */
  caPem?: string;
  resilience?: ResilienceOptions;
  /** Where attempts, retries and circuit breaks are counted for `/metrics`. */
  stats?: ConnectorStats;
}

const CIRCUIT_STATE_NAMES = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'halfOpen',
  [CircuitState.Isolated]: 'isolated',
} as const;

export type Query = Record<string, string | number | boolean | undefined>;

export interface CallOptions {
  /** Epoch ms after which the caller no longer waits (the request's deadline), earlier than the call's own. */
  deadline?: number;
  /** Longest wait for one attempt and for the whole call, when the defaults are too short (large uploads). */
  timeoutMs?: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A JSON body, or raw bytes opened afresh for every attempt (a retried upload reads its file again). */
type Payload = { json: unknown } | { open: () => Readable } | undefined;

/**
 * One workspace's REST API over a keep-alive undici pool, with deadlines, retries, a circuit breaker
 * and bounded concurrency. Knows nothing of GraphQL: failures are `DatabricksError`s.
 */
export class DatabricksRestClient {
  readonly host: string;
  /** Calls that reached the network, by `METHOD path` (used by tests and metrics). */
  readonly calls = new Map<string, number>();
  private readonly pool: Pool;
  private readonly guarded: ReturnType<typeof createWorkspacePolicy>;
  private readonly attemptTimeoutMs: number;
  private readonly deadlineMs: number;

  constructor(private readonly options: RestClientOptions) {
    this.host = options.host.replace(/\/+$/, '');
    const resilience = options.resilience ?? DEFAULT_RESILIENCE;
    this.pool = new Pool(this.host, {
      connections: resilience.maxConcurrent,
      keepAliveTimeout: 30_000,
      connect: options.caPem ? { ca: [...rootCertificates, options.caPem] } : undefined,
    });
    this.guarded = createWorkspacePolicy(resilience, options.stats);
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
    this.deadlineMs = options.deadlineMs ?? 8_000;
  }

  /** The dispatcher, for other HTTP calls to the same host (token endpoint). */
  get dispatcher(): Dispatcher {
    return this.pool;
  }

  get circuitState(): 'closed' | 'open' | 'halfOpen' | 'isolated' {
    return CIRCUIT_STATE_NAMES[this.guarded.breaker.state];
  }

  get<T>(path: string, query: Query = {}, options: CallOptions = {}): Promise<T> {
    return this.call<T>('GET', withQuery(path, query), undefined, options);
  }

  post<T>(path: string, body: unknown = {}, options: CallOptions = {}): Promise<T> {
    return this.call<T>('POST', path, { json: body }, options);
  }

  patch<T>(path: string, body: unknown = {}, options: CallOptions = {}): Promise<T> {
    return this.call<T>('PATCH', path, { json: body }, options);
  }

  delete<T>(path: string, query: Query = {}, options: CallOptions = {}): Promise<T> {
    return this.call<T>('DELETE', withQuery(path, query), undefined, options);
  }

  /** Sends raw bytes (the Files API): `open` is called once per attempt, so retries resend the whole body. */
  put<T>(path: string, query: Query, open: () => Readable, options: CallOptions = {}): Promise<T> {
    return this.call<T>('PUT', withQuery(path, query), { open }, options);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async call<T>(method: Method, path: string, body: Payload, options: CallOptions): Promise<T> {
    const own = options.timeoutMs ?? this.deadlineMs;
    const deadline = Math.min(Date.now() + own, options.deadline ?? Number.POSITIVE_INFINITY);
    const attemptTimeoutMs = options.timeoutMs ?? this.attemptTimeoutMs;
    try {
      // The deadline covers the queue, every attempt and the back-off between them.
      return await withDeadline(deadline, 'Databricks', (signal) =>
        this.guarded.policy.execute(() => this.attempt<T>(method, path, body, signal, attemptTimeoutMs), signal),
      );
    } catch (error) {
      if (error instanceof DatabricksError) throw error;
      if (error instanceof BrokenCircuitError)
        throw unavailable(`${this.host} is failing; calls paused for a few seconds`, error);
      if (error instanceof BulkheadRejectedError)
        throw new DatabricksError('RATE_LIMITED', 'Too many calls in flight to this workspace');
      throw unavailable((error as Error).message, error);
    }
  }

  private async attempt<T>(
    method: Method,
    path: string,
    body: Payload,
    deadlineSignal: AbortSignal,
    attemptTimeoutMs: number,
    retriedAuth = false,
  ): Promise<T> {
    if (deadlineSignal.aborted) throw deadlineSignal.reason;
    const attemptSignal = AbortSignal.timeout(attemptTimeoutMs);
    const signal = AbortSignal.any([deadlineSignal, attemptSignal]);
    const key = `${method} ${path.split('?')[0]}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    let response: Dispatcher.ResponseData;
    try {
      response = await this.pool.request({
        method,
        path,
        headers: {
          authorization: await this.options.credentials.authorization(),
          ...(body === undefined
            ? {}
            : { 'content-type': 'json' in body ? 'application/json' : 'application/octet-stream' }),
        },
        body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : body.open(),
        signal,
      });
    } catch (error) {
      if (error instanceof DatabricksError) throw error;
      this.options.stats?.restAttempt(signal.aborted ? 'timeout' : 'network');
      if (signal.aborted) throw timedOut(`Databricks did not answer within ${attemptTimeoutMs} ms`, error);
      throw unavailable(`Databricks unreachable: ${(error as Error).message}`, error);
    }
    this.options.stats?.restAttempt(outcomeOfStatus(response.statusCode));
    const text = await response.body.text().catch(() => '');
    if (signal.aborted) throw timedOut(`Databricks did not finish answering within ${attemptTimeoutMs} ms`);
    const payload = parseJson(text);
    if (response.statusCode < 400) return payload as T;
    const failure = errorFromResponse(
      response.statusCode,
      payload,
      response.headers['retry-after'] as string | undefined,
    );
    // An expired OAuth token: fetch a fresh one and try once more.
    if (
      failure.kind === 'AUTH' &&
      response.statusCode === 401 &&
      !retriedAuth &&
      this.options.credentials.scheme !== 'PAT'
    ) {
      this.options.credentials.invalidate();
      return this.attempt<T>(method, path, body, deadlineSignal, attemptTimeoutMs, true);
    }
    throw failure;
  }
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const encoded = params.toString();
  return encoded ? `${path}?${encoded}` : path;
}

function parseJson(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}
