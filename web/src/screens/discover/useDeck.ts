import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import type { DiscoverQuery, SwipeDecision } from '../../gql/graphql';
import { ErrorCode } from '../../lib/contract';
import { errorCode, errorMessage } from '../../lib/errors';
import { useRetryWhenOnline } from '../../lib/hooks';
import type { NewMatch } from '../../lib/session';
import { DiscoverDoc, SwipeDoc } from './operations';

type Candidate = DiscoverQuery['discover']['nodes'][number];
const PAGE = 10;

/**
 * The deck: a queue of people from discover, always fetched fresh (someone shown must still be there to answer), the
 * first one answered at a time. An empty queue asks again, since answered people drop out of discover.
 */
export function useDeck(profileComplete: boolean, showMatch: (match: NewMatch) => void) {
  const client = useClient();
  const [, swipe] = useMutation(SwipeDoc);
  const [queue, setQueue] = useState<Candidate[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [incomplete, setIncomplete] = useState(!profileComplete);
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState('');
  const busyRef = useRef(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError('');
    const result = await client.query(DiscoverDoc, { first: PAGE }, { requestPolicy: 'network-only' }).toPromise();
    setLoading(false);
    if (result.data) {
      setQueue(result.data.discover.nodes);
      setIncomplete(false);
    } else if (errorCode(result.error) === ErrorCode.ProfileIncomplete) {
      setIncomplete(true);
    } else {
      setError(errorMessage(result.error));
    }
  }, [client]);

  useEffect(() => {
    if (profileComplete) void load();
    else setLoading(false);
  }, [load, profileComplete]);

  const current = queue[0];
  useRetryWhenOnline(Boolean(error) && !current, load);

  const answer = useCallback(
    async (decision: SwipeDecision) => {
      if (!current || busyRef.current) return;
      busyRef.current = true;
      setBusy(true);
      setError('');
      const result = await swipe({ input: { userId: current.id, decision } });
      busyRef.current = false;
      setBusy(false);
      const code = errorCode(result.error);
      if (result.error && code !== ErrorCode.AlreadySwiped && code !== ErrorCode.NotFound && code !== ErrorCode.CannotSwipeSelf) {
        setError(errorMessage(result.error));
        return;
      }
      setAnswered(`${decision === 'YES' ? 'You said yes to' : 'You passed on'} ${current.displayName}.`);
      const match = result.data?.swipe.match;
      if (match) showMatch(match);
      const rest = queue.slice(1);
      setQueue(rest);
      if (rest.length === 0) void load();
    },
    [current, queue, load, showMatch, swipe],
  );

  return { current, loading, error, incomplete, busy, answered, load, answer };
}
