import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useRefreshOnReturn } from '@/lib/usePageRefresh';
import { type RequestState, useRequest } from '@/lib/useRequest';

/** A whole-list page's request, fresh again on pull-to-refresh (the spinner stops when the answer is in) and on return. */
export function usePulledRequest<T>(load: () => Promise<T>): RequestState<T> {
  const request = useRequest(load);
  const pulling = useRef(false);
  usePullDownRefresh(() => {
    pulling.current = true;
    request.reload();
  });
  useRefreshOnReturn(request.reload);
  useEffect(() => {
    if (!request.loading && pulling.current) {
      pulling.current = false;
      void Taro.stopPullDownRefresh();
    }
  }, [request.loading]);
  return request;
}
