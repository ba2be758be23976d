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

/**
 * A GET that follows its path: a new path (filters changed) or a new `nonce` (refresh) loads again,
 * showing the last answer until the new one arrives, and an answer that arrives after a newer
 * request began is dropped. A null path loads nothing.
 */
export function useApi<T>(path: string | null, nonce = 0): Loaded<T> {
  const key = path === null ? null : `${nonce} ${path}`;
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  // No path: nothing shown, and when a path comes back it starts empty (adjusting state to a prop, during render).
  if (key === null && answer !== null) setAnswer(null);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    const asked = `${nonce} ${path}`;
    api<T>(path).then(
      (data) => current && setAnswer({ key: asked, data }),
      (e: unknown) => current && setAnswer({ key: asked, error: e instanceof ApiError ? e : new ApiError(0, String(e)) }),
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
