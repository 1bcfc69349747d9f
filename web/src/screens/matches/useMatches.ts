import { useCallback, useEffect } from 'react';
import { useQuery } from 'urql';
import { ErrorCode } from '../../lib/contract';
import { errorCode, errorMessage } from '../../lib/errors';
import { useRetryWhenOnline } from '../../lib/hooks';
import { onLive } from '../../lib/live';
import { MatchesDoc } from './operations';

/**
 * My matches, the liveliest first: shown from the cache at once and fetched again every time (cache-and-network),
 * asked again when a message, a match, an ended match or a resync arrives, and when the network comes back after it
 * failed.
 */
export function useMatches() {
  const [{ data, error }, reexecute] = useQuery({ query: MatchesDoc, variables: { first: 50 }, requestPolicy: 'cache-and-network' });
  const reload = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);

  // New messages reorder the list and change unread counts; new matches add to it, ended ones leave it.
  useEffect(() => {
    const offs = (['message', 'match', 'ended', 'resync'] as const).map((kind) => onLive(kind, reload));
    return () => {
      for (const off of offs) off();
    };
  }, [reload]);

  const incomplete = errorCode(error) === ErrorCode.ProfileIncomplete;
  const matches = data?.matches.nodes ?? null;
  useRetryWhenOnline(Boolean(error) && !incomplete, reload);
  return { matches, error: error && !incomplete ? errorMessage(error) : '', incomplete, reload };
}
