import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../../components/Field';
import { PersonFacts, PhotoViewer } from '../../components/PersonDetails';
import { client } from '../../lib/client';
import { ErrorCode } from '../../lib/contract';
import { errorCode, errorMessage } from '../../lib/errors';
import { fullTime } from '../../lib/format';
import { onLive } from '../../lib/live';
import { href } from '../../lib/router';
import type { MatchProfileQuery } from '../../gql/graphql';
import { MatchProfileDoc } from './operations';

type Match = MatchProfileQuery['match'];
const ENDED = 'This match has ended. You cannot see their profile or message them any more.';

/** A match's profile, again: photos, bio, hobbies, interests and distance, reached from the chat and the matches list. */
export function MatchProfileScreen({ matchId }: { matchId: string }) {
  const [match, setMatch] = useState<Match | null>(null);
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    setError('');
    const result = await client.query(MatchProfileDoc, { id: matchId }, { requestPolicy: 'network-only' }).toPromise();
    if (result.data) setMatch(result.data.match);
    else setError(errorCode(result.error) === ErrorCode.NotMatched ? ENDED : errorMessage(result.error));
  }, [matchId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      onLive('ended', (event) => {
        if (event.matchId !== matchId) return;
        setMatch(null);
        setError(ENDED);
      }),
    [matchId],
  );

  const name = match?.user.displayName;
  return (
    <section className="screen match-profile" aria-labelledby="screen-title">
      <div className="chat-header">
        <a className="back" href={href(match ? { name: 'chat', matchId } : { name: 'matches' })} aria-label={match ? 'Back to the chat' : 'Back to matches'}>
          ‹
        </a>
        <h1 id="screen-title" tabIndex={-1}>
          {name ?? 'Profile'}
        </h1>
      </div>
      {match ? (
        <article className="card" aria-labelledby="screen-title">
          <PhotoViewer person={match.user} />
          <div className="card-body">
            <PersonFacts person={match.user} />
            <p className="hint">
              You matched on <time dateTime={match.createdAt}>{fullTime(match.createdAt)}</time>.
            </p>
            <a className="button primary" href={href({ name: 'chat', matchId })}>
              Message {name}
            </a>
          </div>
        </article>
      ) : error ? (
        <div className="empty">
          <Alert>{error}</Alert>
          <a href={href({ name: 'matches' })}>Back to your matches</a>
        </div>
      ) : (
        <p role="status" className="loading">
          Loading the profile…
        </p>
      )}
    </section>
  );
}
