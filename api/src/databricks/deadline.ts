import { timedOut } from './errors.js';

/**
 * Runs `work` until `deadline` (epoch ms). When the deadline passes first, the returned promise rejects with a
 * `TIMEOUT` DatabricksError and `work`'s signal aborts, so the work can cancel what it started (a statement, a
 * request); whatever it settles with later is ignored.
 */
export async function withDeadline<T>(
  deadline: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const budget = Math.floor(deadline - Date.now());
  if (budget <= 0) throw timedOut(`${what} was not asked: the time for this request was up`);
  const expiry = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = timedOut(`${what} did not answer within ${budget} ms`);
      expiry.abort(error);
      reject(error);
    }, budget);
  });
  try {
    return await Promise.race([work(expiry.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for `pending` unless `signal` aborts first (then rejects with the signal's reason). A value that arrives
 * after the abort goes to `onLate`, so a session or statement opened too late is still closed.
 */
export function unlessAborted<T>(pending: Promise<T>, signal: AbortSignal, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abandon = () => {
      reject(signal.reason);
      pending.then(
        (value) => onLate?.(value),
        () => {},
      );
    };
    if (signal.aborted) return abandon();
    signal.addEventListener('abort', abandon, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', abandon);
        if (!signal.aborted) resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abandon);
        reject(error);
      },
    );
  });
}
