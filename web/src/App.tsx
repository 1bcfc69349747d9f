import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { AuthScreen } from './screens/AuthScreen';
import { ProfileScreen } from './screens/ProfileScreen';
import { DiscoverScreen } from './screens/discover/DiscoverScreen';
import { MatchesScreen } from './screens/matches/MatchesScreen';
import { ChatScreen } from './screens/chat/ChatScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { MatchProfileScreen } from './screens/match-profile/MatchProfileScreen';
import { MatchDialog } from './components/MatchDialog';
import { Toasts } from './components/Toasts';
import { Warnings } from './components/Warnings';
import { Alert } from './components/Field';
import { logOut, type SessionUser } from './lib/auth';
import { errorMessage } from './lib/errors';
import { useAuth, useLiveStatus, useRetryWhenOnline } from './lib/hooks';
import { LiveEvents, onLive } from './lib/live';
import { href, useRoute, type Route } from './lib/router';
import { refreshUnread, useUnreadTotal } from './lib/unread';
import { SessionContext, type Me, type NewMatch, type SessionContextValue } from './lib/session';
import { MeDoc } from './operations';

// Moderators only: its code is fetched when a moderator opens it, never part of the first screen.
const ModerationScreen = lazy(() => import('./screens/moderation/ModerationScreen'));

export function App() {
  const auth = useAuth();
  if (auth.status === 'restoring') {
    return (
      <main id="main" className="centered">
        <p role="status">Loading Friender…</p>
      </main>
    );
  }
  if (auth.status === 'signedOut') return <AuthScreen notice={auth.notice} />;
  return <SignedIn key={auth.user.id} user={auth.user} />;
}

const ROUTE_OWNER_KEY = 'friender.routeOwner';

/**
 * The address (a chat, say) belongs to whoever was logged in when it was opened: after a log-out the next person to
 * log in on this tab starts at home, while the same person coming back after an expired session returns to it.
 */
function claimRoute(userId: string) {
  try {
    const owner = sessionStorage.getItem(ROUTE_OWNER_KEY);
    if (owner && owner !== userId) window.location.replace(href({ name: 'home' }));
    sessionStorage.setItem(ROUTE_OWNER_KEY, userId);
  } catch {
    // Storage can be off; the address then stays as it is.
  }
}

function SignedIn({ user }: { user: SessionUser }) {
  useState(() => claimRoute(user.id));
  const route = useRoute();
  const live = useLiveStatus();
  const [newMatch, setNewMatch] = useState<NewMatch | null>(null);
  const [loggingOut, setLoggingOut] = useState(false);

  const [{ data: meData, error: meFailure }, reexecuteMe] = useQuery({ query: MeDoc, requestPolicy: 'cache-and-network' });
  const me: Me | null = meData?.me ?? null;
  const meError = me ? '' : meFailure ? errorMessage(meFailure) || 'We could not load your account.' : '';
  const reloadMe = useCallback(async () => reexecuteMe({ requestPolicy: 'network-only' }), [reexecuteMe]);
  useRetryWhenOnline(Boolean(meError), reloadMe);

  // The unread count: on arrival, on reconnect and when the tab comes back into view; in the title while it is not 0.
  const unread = useUnreadTotal();
  useEffect(() => {
    if (live === 'connected') refreshUnread(0);
  }, [live]);
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && refreshUnread(0);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
  useEffect(() => {
    document.title = unread ? `(${unread}) Friender` : 'Friender';
    return () => {
      document.title = 'Friender';
    };
  }, [unread]);
  useEffect(() => onLive('match', setNewMatch), []);

  const landing = route.name === 'home' || route.name === 'login' || route.name === 'signup';
  const incompleteProfile = Boolean(me && !me.profileComplete);
  const screen: Route = useMemo(
    () => (landing ? { name: incompleteProfile ? 'profile' : 'discover' } : route),
    [landing, incompleteProfile, route],
  );

  // Pin the landing screen in the address, so finishing the profile does not swap the screen away mid-edit.
  useEffect(() => {
    // Only while the address still is the landing one: a link followed meanwhile wins.
    if (landing && me && ['', '#', '#/', '#/login', '#/signup'].includes(window.location.hash)) window.location.replace(href(screen));
  }, [landing, me, screen]);

  // Moving between screens moves focus to the new screen's heading, so keyboard and screen reader users land there.
  const screenKey =
    screen.name === 'chat' || screen.name === 'matchProfile' ? `${screen.name}:${screen.matchId}` : screen.name === 'moderation' ? `moderation:${screen.userId ?? ''}` : screen.name;
  const shownScreen = useRef(screenKey);
  useEffect(() => {
    if (shownScreen.current === screenKey) return;
    shownScreen.current = screenKey;
    requestAnimationFrame(() => document.getElementById('screen-title')?.focus());
  }, [screenKey]);

  const context = useMemo<SessionContextValue | null>(
    () => (me ? { me, reloadMe, showMatch: setNewMatch } : null),
    [me, reloadMe],
  );

  const navItems: { route: Route; label: string }[] = [
    { route: { name: 'discover' }, label: 'Discover' },
    { route: { name: 'matches' }, label: 'Matches' },
    { route: { name: 'profile' }, label: 'Profile' },
    { route: { name: 'settings' }, label: 'Settings' },
    ...(me?.isModerator ? [{ route: { name: 'moderation' } as Route, label: 'Moderation' }] : []),
  ];
  const current = screen.name === 'chat' || screen.name === 'matchProfile' ? 'matches' : screen.name;

  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={href({ name: 'home' })}>
          Friender
        </a>
        <nav aria-label="Main">
          <ul>
            {navItems.map((item) => {
              const badge = item.route.name === 'matches' && unread > 0;
              return (
                <li key={item.label}>
                  <a
                    href={href(item.route)}
                    aria-current={current === item.route.name ? 'page' : undefined}
                    aria-describedby={badge ? 'unread-total' : undefined}
                  >
                    {item.label}
                    {badge && (
                      <span className="badge" aria-hidden="true">
                        {unread > 99 ? '99+' : unread}
                      </span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <span id="unread-total" hidden>
          {unread === 1 ? '1 unread message' : `${unread} unread messages`}
        </span>
        <div className="account">
          <span className="username" title={user.email}>
            @{user.username}
          </span>
          <button
            type="button"
            className="ghost"
            disabled={loggingOut}
            onClick={() => {
              setLoggingOut(true);
              void logOut();
            }}
          >
            Log out
          </button>
        </div>
      </header>
      <p className={`live-status live-${live}`} role="status">
        {live === 'reconnecting' ? 'Reconnecting…' : ''}
      </p>
      <main id="main" tabIndex={-1}>
        {context ? (
          <SessionContext.Provider value={context}>
            {screen.name === 'profile' && <ProfileScreen />}
            {screen.name === 'discover' && <DiscoverScreen />}
            {screen.name === 'matches' && <MatchesScreen />}
            <Warnings />
            {screen.name === 'settings' && <SettingsScreen />}
            {screen.name === 'moderation' &&
              (context.me.isModerator ? (
                <Suspense fallback={<p role="status">Loading the moderation console…</p>}>
                  <ModerationScreen userId={screen.userId} />
                </Suspense>
              ) : (
                <Alert>Only moderators can open the moderation console.</Alert>
              ))}
            {screen.name === 'matchProfile' && <MatchProfileScreen key={screen.matchId} matchId={screen.matchId} />}
            {screen.name === 'chat' && <ChatScreen key={screen.matchId} matchId={screen.matchId} />}
            <MatchDialog match={newMatch} onClose={() => setNewMatch(null)} />
            <Toasts openChat={screen.name === 'chat' ? screen.matchId : null} />
            <LiveEvents />
          </SessionContext.Provider>
        ) : meError ? (
          <div className="centered">
            <Alert>{meError}</Alert>
            <button type="button" onClick={() => void reloadMe()}>
              Try again
            </button>
          </div>
        ) : (
          <p role="status" className="centered">
            Loading your profile…
          </p>
        )}
      </main>
    </>
  );
}
