import { Client, fetchExchange, type CombinedError } from '@urql/core';
import { RefreshTokenDoc } from '../operations';
import type { SessionFieldsFragment } from '../gql/graphql';
import { errorCode } from './errors';
import { ErrorCode } from './contract';

/** Refresh this long before the access token runs out. */
const REFRESH_LEAD_MS = 60_000;
const REFRESH_TOKEN_KEY = 'friender.refreshToken';

export type SessionUser = SessionFieldsFragment['user'];
export type AuthState =
  | { status: 'restoring' }
  | { status: 'signedOut'; notice?: string }
  | { status: 'signedIn'; user: SessionUser };

/** For the operations that need no access token: signUp, logIn, refreshToken. */
export const publicClient = new Client({
  url: '/graphql',
  exchanges: [fetchExchange],
  preferGetMethod: false,
  requestPolicy: 'network-only',
});

let accessToken: string | null = null;
let expiresAt = 0;
let state: AuthState = readStoredRefreshToken() ? { status: 'restoring' } : { status: 'signedOut' };
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function readStoredRefreshToken(): string | null {
  try {
    return sessionStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeRefreshToken(token: string | null) {
  try {
    if (token) sessionStorage.setItem(REFRESH_TOKEN_KEY, token);
    else sessionStorage.removeItem(REFRESH_TOKEN_KEY);
  } catch {
    // Storage can be off (private modes); the session then lasts as long as the page.
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
export const getRefreshToken = (): string | null => readStoredRefreshToken();

/** Keeps a fresh session from signUp, logIn or refreshToken. */
export function startSession(payload: SessionFieldsFragment) {
  accessToken = payload.accessToken;
  expiresAt = Date.parse(payload.accessTokenExpiresAt);
  storeRefreshToken(payload.refreshToken);
  clearTimeout(refreshTimer);
  const delay = Math.max(5_000, expiresAt - Date.now() - REFRESH_LEAD_MS);
  refreshTimer = setTimeout(() => void refreshSession(), delay);
  if (state.status !== 'signedIn' || state.user.id !== payload.user.id || state.user.username !== payload.user.username) {
    setState({ status: 'signedIn', user: payload.user });
  }
}

export function endSession(notice?: string) {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  storeRefreshToken(null);
  setState({ status: 'signedOut', notice });
}

/**
 * Trades the stored refresh token for a new pair, once at a time: a refresh token works only once, so two
 * overlapping refreshes would end the session. Resolves false when the session could not be renewed.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = readStoredRefreshToken();
    if (!refreshToken) {
      if (state.status !== 'signedOut') endSession();
      return false;
    }
    const result = await publicClient.mutation(RefreshTokenDoc, { input: { refreshToken } }).toPromise();
    if (result.data) {
      startSession(result.data.refreshToken);
      return true;
    }
    if (isSessionOver(result.error)) {
      endSession(state.status === 'restoring' ? undefined : 'Your session has expired. Please log in again.');
      return false;
    }
    // Offline or a server hiccup: keep the refresh token and try again soon.
    if (state.status === 'restoring') setState({ status: 'signedOut', notice: 'Cannot reach Friender right now. Please log in again when you are back online.' });
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshSession(), 15_000);
    return false;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function isSessionOver(error: CombinedError | undefined): boolean {
  const code = errorCode(error);
  return code === ErrorCode.InvalidRefreshToken || code === ErrorCode.FreshLoginRequired || code === ErrorCode.Unauthenticated || code === ErrorCode.BadUserInput;
}

/** Before every authenticated request: renew a token that is about to run out (timers sleep in background tabs). */
export async function ensureFreshToken(): Promise<void> {
  if (refreshing) {
    await refreshing;
    return;
  }
  if (accessToken && expiresAt - Date.now() < 30_000) await refreshSession();
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && accessToken) void ensureFreshToken();
  });
}
