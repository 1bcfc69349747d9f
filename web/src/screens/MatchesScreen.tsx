import { useCallback, useEffect, useState } from 'react';
import { Avatar } from '../components/Avatar';
import { Alert } from '../components/Field';
import { FinishProfile } from '../components/FinishProfile';
import { client } from '../lib/client';
import { ErrorCode } from '../lib/contract';
import { errorCode, errorMessage } from '../lib/errors';
import { fullTime, shortTime } from '../lib/format';
import { useNow } from '../lib/hooks';
import { onLive } from '../lib/live';
import { href } from '../lib/router';
import { useSession } from '../lib/session';
import type { MatchesQuery } from '../gql/graphql';
import { MatchesDoc } from '../operations';

type MatchItem = MatchesQuery['matches']['nodes'][number];

export function MatchesScreen() {
  const { me } = useSession();
  const now = useNow();
  const [matches, setMatches] = useState<MatchItem[] | null>(null);
  const [error, setError] = useState('');
  const [incomplete, setIncomplete] = useState(false);

  const load = useCallback(async () => {
    const result = await client.query(MatchesDoc, { first: 50 }).toPromise();
    setIncomplete(errorCode(result.error) === ErrorCode.ProfileIncomplete);
    if (result.data) {
      setMatches(result.data.matches.nodes);
      setError('');
    } else {
      setError(errorMessage(result.error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // New messages reorder the list and change unread counts; new matches add to it, ended ones leave it.
  useEffect(() => {
    const offs = (['message', 'match', 'ended', 'resync'] as const).map((kind) => onLive(kind, () => void load()));
    return () => {
      for (const off of offs) off();
    };
  }, [load]);

  return (
    <section className="screen matches" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Matches
      </h1>
      {incomplete && <FinishProfile reason="to meet people and match with them" />}
      {!incomplete && <Alert>{error}</Alert>}
      {error && !incomplete && !matches && (
        <button type="button" onClick={() => void load()}>
          Try again
        </button>
      )}
      {!matches && !error && (
        <p role="status" className="loading">
          Loading your matches…
        </p>
      )}
      {matches && matches.length === 0 && (
        <div className="empty">
          <h2>No matches yet</h2>
          <p>When someone you said yes to says yes back, they show up here.</p>
          <a className="button primary" href={href({ name: 'discover' })}>
            Discover people
          </a>
        </div>
      )}
      {matches && matches.length > 0 && (
        <ul className="match-list">
          {matches.map((match) => {
            const last = match.lastMessage;
            const mine = last?.sender.id === me.id;
            return (
              <li key={match.id}>
                <a className="match-row" href={href({ name: 'chat', matchId: match.id })}>
                  <Avatar name={match.user.displayName} url={match.user.photos[0]?.url} />
                  <span className="match-text">
                    <span className="match-name">{match.user.displayName}</span>
                    <span className={`match-preview${match.unreadCount ? ' unread' : ''}`}>
                      {last ? `${mine ? 'You: ' : ''}${last.body}` : 'New match. Say hello!'}
                    </span>
                  </span>
                  <span className="match-meta">
                    <time dateTime={last?.sentAt ?? match.createdAt} title={fullTime(last?.sentAt ?? match.createdAt)}>
                      {shortTime(last?.sentAt ?? match.createdAt, now)}
                    </time>
                    {match.unreadCount > 0 && (
                      <span className="badge">
                        {match.unreadCount}
                        <span className="visually-hidden"> unread</span>
                      </span>
                    )}
                  </span>
                </a>
                <a className="match-profile-link" href={href({ name: 'matchProfile', matchId: match.id })}>
                  Profile<span className="visually-hidden"> of {match.user.displayName}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
