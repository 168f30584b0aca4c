import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchMessages } from './api';

/**
 * The signed-in user's unread 消息, for the count in 我的: asked when the page shows (so it drops after reading
 * them), null while unknown. A failure only hides the number: the link itself still works.
 */
export function useUnreadCount(): number | null {
  const [count, setCount] = useState<number | null>(null);
  // The first show and the first effect come together: one request is enough.
  const inFlight = useRef(false);
  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    fetchMessages(null, { limit: 1, background: true })
      .then(
        (page) => setCount(typeof page.unreadCount === 'number' ? page.unreadCount : null),
        () => setCount(null),
      )
      .finally(() => (inFlight.current = false));
  }, []);
  useEffect(refresh, [refresh]);
  useDidShow(refresh);
  return count;
}
