import { Avatar } from '../../components/Avatar';
import { Alert } from '../../components/Field';
import { FinishProfile } from '../../components/FinishProfile';
import { fullTime, shortTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import { href } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useMatches } from './useMatches';

export function MatchesScreen() {
  const { me } = useSession();
  const now = useNow();
  const { matches, error, incomplete, reload } = useMatches();

  return (
    <section className="screen matches" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Matches
      </h1>
      {incomplete && <FinishProfile reason="to meet people and match with them" />}
      {!incomplete && <Alert>{error}</Alert>}
      {error && !incomplete && !matches && (
        <button type="button" onClick={reload}>
          Try again
        </button>
      )}
      {!matches && !error && !incomplete && (
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
                    <span className="match-name">
                      {match.user.displayName}
                      {match.state === 'FROZEN' && <span className="tag"> Paused</span>}
                    </span>
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
