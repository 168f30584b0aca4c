import { useCallback, useEffect, useState } from 'react';
import { type ApiFailure, toApiFailure } from './api/failure';

export interface RequestState<T> {
  data: T | undefined;
  failure: ApiFailure | undefined;
  loading: boolean;
  /** Run the request again (the 重试 button). */
  reload: () => void;
}

/**
 * Loads data for a page: `load` must be stable (useCallback) — it runs again when it changes or on reload().
 * A response arriving after the page moved on to a newer request is ignored. While `enabled` is false nothing
 * is fetched and the state stays loading (a page waiting until it knows what to ask for).
 */
export function useRequest<T>(load: () => Promise<T>, { enabled = true }: { enabled?: boolean } = {}): RequestState<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ data?: T; failure?: ApiFailure; loading: boolean }>({ loading: true });

  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ failure: toApiFailure(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt, enabled]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, failure: state.failure, loading: state.loading, reload };
}
