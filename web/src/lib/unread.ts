import { useEffect } from 'react';
import { useQuery } from 'urql';
import { UnreadTotalDoc } from '../operations';

/** Who wants the count asked again (the one useUnreadTotal of the session), with how long to wait for more news. */
const requests = new Set<(delayMs: number) => void>();

/**
 * Asks the API for the unread total again, at most once per burst: after whatever can change it (a message arriving,
 * reading a conversation, a match ending, a reconnect, the tab coming back into view).
 */
export function refreshUnread(delayMs = 250) {
  for (const request of requests) request(delayMs);
}

/**
 * How many messages to me are unread across every open match, from the API's unreadTotal (not a sum over one page
 * of matches); always from the network, since a stale badge is worse than none.
 */
export function useUnreadTotal(): number {
  const [{ data }, reexecute] = useQuery({ query: UnreadTotalDoc, requestPolicy: 'network-only' });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const request = (delayMs: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), delayMs);
    };
    requests.add(request);
    return () => {
      requests.delete(request);
      clearTimeout(timer);
    };
  }, [reexecute]);
  return data?.unreadTotal ?? 0;
}
