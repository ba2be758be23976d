import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../lib/api';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * A GET that follows its path: a new path (filters changed) or a new `nonce` (refresh) loads again,
 * and an answer that arrives after a newer request began is dropped. A null path loads nothing.
 */
export function useApi<T>(path: string | null, nonce = 0): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: path !== null });
  useEffect(() => {
    if (path === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (e: unknown) => current && setState({ data: undefined, error: e instanceof ApiError ? e : new ApiError(0, String(e)), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [path, nonce]);
  return state;
}

/** A counter to pass as `nonce`, and the function that bumps it. */
export function useRefresh(): [number, () => void] {
  const [n, setN] = useState(0);
  return [n, useCallback(() => setN((x) => x + 1), [])];
}
