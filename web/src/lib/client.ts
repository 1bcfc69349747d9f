import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange, type SubscriptionForwarder } from 'urql';
import { accessTokenExpiresSoon, ensureFreshToken, getAccessToken, getAuthState, refreshSession } from './auth';
import { ErrorCode } from './contract';

export type LiveStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting';

/** The server closes a socket with this code when its access token expired or was revoked. */
const TOKEN_REJECTED = 4403;

let liveStatus: LiveStatus = 'offline';
const liveListeners = new Set<() => void>();

function setLiveStatus(next: LiveStatus) {
  if (next === liveStatus) return;
  liveStatus = next;
  for (const listener of liveListeners) listener();
}

export const getLiveStatus = (): LiveStatus => liveStatus;
export function subscribeLiveStatus(listener: () => void): () => void {
  liveListeners.add(listener);
  return () => liveListeners.delete(listener);
}

function send(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  const token = getAccessToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

/**
 * The token was refused: revoked or expired (a refresh fixes it), or its account suspended (the refresh then says so,
 * and ends the session with the reason).
 */
const refused = (code: unknown) => code === ErrorCode.Unauthenticated || code === ErrorCode.AccountSuspended;

async function isUnauthenticated(response: Response): Promise<boolean> {
  try {
    const body = (await response.clone().json()) as { errors?: { extensions?: { code?: unknown } }[] };
    return body.errors?.some((error) => refused(error.extensions?.code)) ?? false;
  } catch {
    return false;
  }
}

/**
 * Sends the current access token, renewing it first when it is about to expire. A token the server refused
 * (revoked, or expired while the tab slept) gets one refresh and one retry: nothing ran on the server.
 */
export async function authorizedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  await ensureFreshToken();
  const response = await send(input, init);
  if (getAuthState().status !== 'signedIn' || !(await isUnauthenticated(response))) return response;
  return (await refreshSession()) ? send(input, init) : response;
}

function webSocketUrl(): string {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

let socket: WsClient | null = null;
let socketToken: string | null = null;
let renewBeforeConnect = false;

function openSocket(): WsClient {
  // Events of a socket that closeLive replaced say nothing about the current one.
  const current = () => socket === ws;
  const ws: WsClient = createWsClient({
    url: webSocketUrl,
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => getAuthState().status === 'signedIn',
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(15_000, 500 * 2 ** retries) + Math.random() * 500)),
    // A function, so every reconnect carries the token in force then, not the one of the first connect.
    connectionParams: async () => {
      if (renewBeforeConnect) {
        renewBeforeConnect = false;
        await refreshSession();
      } else {
        await ensureFreshToken();
      }
      socketToken = getAccessToken();
      return { authorization: `Bearer ${socketToken ?? ''}` };
    },
    on: {
      connecting: (isRetry) => current() && setLiveStatus(isRetry ? 'reconnecting' : 'connecting'),
      connected: () => current() && setLiveStatus('connected'),
      closed: (event) => {
        if (!current()) return;
        const code = (event as { code?: number } | undefined)?.code;
        // Renew only if the rejected token is still ours; a timer may have renewed it already.
        if (code === TOKEN_REJECTED && socketToken !== null && socketToken === getAccessToken()) renewBeforeConnect = true;
        setLiveStatus(getAuthState().status === 'signedIn' ? 'reconnecting' : 'offline');
      },
    },
  });
  return ws;
}

function liveSocket(): WsClient {
  socket ??= openSocket();
  return socket;
}

/**
 * urql's subscriptions over the session's live connection, each resumed from the cursor of the last event it received.
 * graphql-ws subscribes again by itself after a dropped connection, serialising the payload then, so `after` is read at
 * that moment: what happened while the socket was down arrives first, in order and once (the server's promise per
 * subscription). The first `after` is the operation's own (the liveCursor read before the screens loaded).
 */
const followFromCursor: SubscriptionForwarder = (request) => {
  let cursor = (request.variables?.after as string | null | undefined) ?? null;
  const payload = {
    query: request.query ?? '',
    variables: {
      ...request.variables,
      get after() {
        return cursor;
      },
    },
  };
  return {
    subscribe(sink) {
      const unsubscribe = liveSocket().subscribe<unknown, { cursor?: unknown }>(payload, {
        next: (result) => {
          if (typeof result.extensions?.cursor === 'string') cursor = result.extensions.cursor;
          sink.next(result as Parameters<typeof sink.next>[0]);
        },
        error: (error) => sink.error(error),
        complete: () => sink.complete(),
      });
      return { unsubscribe };
    },
  };
};

/**
 * Closes the live connection, when the session ends. The next subscription gets a new socket at once (with the next
 * person's token); the old one is disposed a moment later, after urql has torn its subscriptions down. graphql-ws's
 * dispose() waits for a connection still being made and rejects with its close event when that one fails (the
 * session just ended, so it does): that rejection is expected and caught here, not left to the page.
 */
export function closeLive() {
  const old = socket;
  socket = null;
  socketToken = null;
  renewBeforeConnect = false;
  setLiveStatus('offline');
  setTimeout(() => {
    old?.dispose()?.catch(() => {});
  }, 0);
}

/**
 * The session's urql client: the document cache (screens choose their request policy), the access token on every
 * request and one refresh and retry on UNAUTHENTICATED (`@urql/exchange-auth`, refreshing ahead of time when the token
 * is about to run out, since timers sleep in background tabs), HTTP for queries and mutations and the WebSocket for
 * subscriptions.
 */
export const client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'cache-first',
  exchanges: [
    cacheExchange,
    authExchange(async (utils) => ({
      addAuthToOperation(operation) {
        const token = getAccessToken();
        return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
      },
      willAuthError: () => getAuthState().status === 'signedIn' && accessTokenExpiresSoon(),
      didAuthError: (error) =>
        getAuthState().status === 'signedIn' && error.graphQLErrors.some((e) => refused(e.extensions?.code)),
      refreshAuth: async () => {
        await refreshSession();
      },
    })),
    fetchExchange,
    subscriptionExchange({ forwardSubscription: followFromCursor }),
  ],
});
