import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { Alert } from '../../components/Field';
import { PersonFacts, PhotoViewer } from '../../components/PersonDetails';
import { ErrorCode } from '../../lib/contract';
import { errorCode, errorMessage } from '../../lib/errors';
import { useRetryWhenOnline } from '../../lib/hooks';
import { fullTime } from '../../lib/format';
import { onLive } from '../../lib/live';
import { href } from '../../lib/router';
import type { MatchProfileQuery } from '../../gql/graphql';
import { MatchProfileDoc } from './operations';

type Match = MatchProfileQuery['match'];
const ENDED = 'This match has ended. You cannot see their profile or message them any more.';

/** A match's profile, again: photos, bio, hobbies, interests and distance, reached from the chat and the matches list. */
export function MatchProfileScreen({ matchId }: { matchId: string }) {
  // Fresh every time: photos' URLs expire, and the match may have ended since.
  const [{ data, error: failure }, reexecute] = useQuery({ query: MatchProfileDoc, variables: { id: matchId }, requestPolicy: 'network-only' });
  const [endedLive, setEndedLive] = useState(false);
  const match: Match | null = endedLive ? null : (data?.match ?? null);
  const error = endedLive || errorCode(failure) === ErrorCode.NotMatched ? ENDED : failure ? errorMessage(failure) : '';
  useRetryWhenOnline(Boolean(failure) && !endedLive, () => reexecute({ requestPolicy: 'network-only' }));

  useEffect(
    () =>
      onLive('ended', (event) => {
        if (event.matchId === matchId) setEndedLive(true);
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
            <h2 className="visually-hidden">About {name}</h2>
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
