import { Client, fetchExchange, type OperationContext } from '@urql/core';
import type { SessionFieldsFragment } from '../gql/graphql';
import { suspensionMessage } from './errors';
import { ErrorCode } from './contract';

/**
 * The session of this browser, shared by its tabs. The refresh token lives in an HttpOnly cookie that only
 * `/auth/refresh` and `/auth/logout` receive (scripts never see it); each tab keeps its own short-lived access token
 * in memory. Tabs take turns refreshing (a Web Lock), because a refresh token works once and a second use would end
 * the session for all of them; they tell each other about logging in and out on a BroadcastChannel.
 */

/** Refresh this long before the access token runs out. */
const REFRESH_LEAD_MS = 60_000;
/** Not a secret: whether this browser logged in, so that a new tab tries the cookie instead of showing Log in. */
const SIGNED_IN_KEY = 'friender.signedIn';
const LOCK = 'friender-session-refresh';
const CSRF_HEADER = 'X-Friender-CSRF';

export type SessionUser = SessionFieldsFragment['user'];
export type AuthState =
  | { status: 'restoring' }
  | { status: 'signedOut'; notice?: string }
  | { status: 'signedIn'; user: SessionUser };

/** For logIn, signUp and changePassword from this client: the API keeps the new refresh token in the cookie. */
export const keepSessionInCookie: Partial<OperationContext> = { fetchOptions: { headers: { 'X-Friender-Session': 'cookie' } } };

/** For the operations that need no access token: signUp and logIn. */
export const publicClient = new Client({
  url: '/graphql',
  exchanges: [fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'network-only',
});

type Message = { type: 'login'; userId: string } | { type: 'logout' };
const channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('friender-session');

let accessToken: string | null = null;
let expiresAt = 0;
let state: AuthState = readSignedIn() ? { status: 'restoring' } : { status: 'signedOut' };
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
/** Bumped whenever the session ends here: a refresh that started before must not bring it back. */
let epoch = 0;
const listeners = new Set<() => void>();

function readSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeSignedIn(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // Storage can be off (private modes): new tabs then start at Log in, this one keeps its session.
  }
}

function setState(next: AuthState) {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const getAuthState = (): AuthState => state;
export const getAccessToken = (): string | null => accessToken;

type Session = Pick<SessionFieldsFragment, 'accessToken' | 'accessTokenExpiresAt' | 'user'>;

function keep(session: Session) {
  accessToken = session.accessToken;
  expiresAt = Date.parse(session.accessTokenExpiresAt);
  writeSignedIn(true);
  clearTimeout(refreshTimer);
  const delay = Math.max(5_000, expiresAt - Date.now() - REFRESH_LEAD_MS);
  refreshTimer = setTimeout(() => void refreshSession(), delay);
  if (state.status !== 'signedIn' || state.user.id !== session.user.id || state.user.username !== session.user.username) {
    setState({ status: 'signedIn', user: session.user });
  }
}

/**
 * Keeps a session this tab just started (logIn, signUp, changePassword) and tells the other tabs, which take it up
 * from the cookie: a second person logging in replaces the first in every tab.
 */
export function startSession(session: Session) {
  keep(session);
  channel?.postMessage({ type: 'login', userId: session.user.id } satisfies Message);
}

/** Forgets the session in this tab; `everywhere` also tells the other tabs (a log out, a deleted account). */
export function endSession(notice?: string, everywhere = false) {
  epoch += 1;
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  if (everywhere) {
    writeSignedIn(false);
    channel?.postMessage({ type: 'logout' } satisfies Message);
  }
  setState({ status: 'signedOut', notice });
}

/** One request to the session endpoints, with the header that a page on another site cannot send. */
function sessionRequest(path: '/auth/refresh' | '/auth/logout', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { [CSRF_HEADER]: '1', ...headers } });
}

type RefreshAnswer = { data?: Session; errors?: { extensions?: { code?: string; until?: unknown; reason?: unknown } }[] };

/** Runs `work` while no other tab of this browser refreshes (where Web Locks exist; elsewhere, at once). */
function takingTurns<T>(work: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(LOCK, work) as Promise<T>) : work();
}

/**
 * Trades the cookie for a new access token (and a rotated cookie), one tab at a time. Resolves false when the session
 * could not be renewed.
 */
export function refreshSession(): Promise<boolean> {
  const started = epoch;
  refreshing ??= takingTurns(async () => {
    if (started !== epoch) return false;
    let response: Response;
    let answer: RefreshAnswer;
    try {
      response = await sessionRequest('/auth/refresh');
      answer = (await response.json()) as RefreshAnswer;
    } catch {
      return offline();
    }
    if (answer.data) {
      // Logged out (here or in another tab) while this was on its way: the session stays over.
      if (started !== epoch) return false;
      keep(answer.data);
      return true;
    }
    const code = answer.errors?.[0]?.extensions?.code;
    if (code === ErrorCode.AccountSuspended) {
      // Suspended or banned (its sockets closed with 4403, or a request was refused): the session ends here and the
      // log-in screen says why and until when.
      writeSignedIn(false);
      endSession(suspensionMessage(answer.errors?.[0]?.extensions));
      return false;
    }
    if (code === ErrorCode.InvalidRefreshToken || response.status === 401) {
      writeSignedIn(false);
      endSession(state.status === 'signedIn' ? 'Your session has expired. Please log in again.' : undefined);
      return false;
    }
    return offline();
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Offline or a server hiccup: keep what there is and try again soon. */
function offline(): false {
  if (state.status === 'restoring') setState({ status: 'signedOut', notice: 'Cannot reach Friender right now. We will keep trying.' });
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void refreshSession(), 15_000);
  return false;
}

/** Ends the session family of this browser on the server (every tab), then here. */
export async function logOut(): Promise<void> {
  await ensureFreshToken();
  // In turn with every tab's refreshes, so none is on its way with the cookie while the session ends.
  await takingTurns(async () => {
    try {
      await sessionRequest('/auth/logout', accessToken ? { authorization: `Bearer ${accessToken}` } : {});
    } catch {
      // Offline: the cookie stays until it expires or the next refresh; this browser still forgets the session.
    }
  });
  endSession(undefined, true);
}

/** Whether the access token is missing or runs out within 30 seconds (timers sleep in background tabs). */
export const accessTokenExpiresSoon = (): boolean => accessToken === null || expiresAt - Date.now() < 30_000;

/** Before every authenticated request: renew a token that is about to run out (timers sleep in background tabs). */
export async function ensureFreshToken(): Promise<void> {
  if (refreshing) {
    await refreshing;
    return;
  }
  if (accessToken && expiresAt - Date.now() < 30_000) await refreshSession();
}

channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.type === 'logout') {
    if (state.status !== 'signedOut') endSession('You logged out in another tab.');
  } else if (message.type === 'login' && (state.status !== 'signedIn' || state.user.id !== message.userId)) {
    void refreshSession();
  }
});

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && accessToken) void ensureFreshToken();
  });
  // Back online after a failed restore: try the cookie again at once rather than at the next timer.
  window.addEventListener('online', () => {
    if (state.status === 'signedOut' && readSignedIn()) void refreshSession();
  });
}
