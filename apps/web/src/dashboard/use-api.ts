import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../lib/api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** The last answer, for the request it answered. */
interface Answer<T> {
  key: string;
  data?: T;
  error?: ApiError;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, String(e)));

/** A request started before any component asked for it, and its answer once it came. */
interface Primed {
  promise: Promise<unknown>;
  settled?: { data?: unknown; error?: ApiError };
}
/** Requests started before any component asked for them (the summary, as the entry script runs: prime.ts), by path. */
const primed = new Map<string, Primed>();

/** Starts a GET now; the first useApi of the same path takes its answer instead of asking again. */
export function prime(path: string): void {
  if (primed.has(path)) return;
  const entry: Primed = { promise: api(path) };
  entry.promise.then(
    (data) => (entry.settled = { data }),
    (e: unknown) => (entry.settled = { error: asApiError(e) }),
  );
  primed.set(path, entry);
}

/** A primed request for the path, used once: a later request of the same path (filters changed back) asks again. */
function takePrimed<T>(path: string): Promise<T> | undefined {
  const p = primed.get(path)?.promise as Promise<T> | undefined;
  // Kept while pending, so that React's development double-run of effects shares it.
  const forget = () => primed.delete(path);
  if (p) p.then(forget, forget);
  return p;
}

/**
 * A GET that follows its path: a new path (filters changed) or a new `nonce` (refresh) loads again,
 * showing the last answer until the new one arrives, and an answer that arrives after a newer
 * request began is dropped. A null path loads nothing.
 */
export function useApi<T>(path: string | null, nonce = 0): Loaded<T> {
  const key = path === null ? null : `${nonce} ${path}`;
  // A primed answer already in is shown on the first render, not one render (and paint) later.
  const [answer, setAnswer] = useState<Answer<T> | null>(() => {
    const settled = key === null ? undefined : primed.get(path!)?.settled;
    return settled ? ({ key, ...settled } as Answer<T>) : null;
  });
  // No path: nothing shown, and when a path comes back it starts empty (adjusting state to a prop, during render).
  if (key === null && answer !== null) setAnswer(null);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    const asked = `${nonce} ${path}`;
    (takePrimed<T>(path) ?? api<T>(path)).then(
      // The same answer as shown already (a primed one) renders nothing again.
      (data) => current && setAnswer((prev) => (prev?.key === asked && prev.data === data ? prev : { key: asked, data })),
      (e: unknown) => current && setAnswer({ key: asked, error: asApiError(e) }),
    );
    return () => {
      current = false;
    };
  }, [path, nonce]);

  if (key === null) return { data: undefined, error: undefined, loading: false };
  return { data: answer?.data, error: answer?.error, loading: answer?.key !== key };
}

/** A counter to pass as `nonce`, and the function that bumps it. */
export function useRefresh(): [number, () => void] {
  const [n, setN] = useState(0);
  return [n, useCallback(() => setN((x) => x + 1), [])];
}
