import { Client, fetchExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient, type ExecutionResult } from 'graphql-ws';
import { ensureFreshToken, getAccessToken, getAuthState, refreshSession } from './auth';
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

async function isUnauthenticated(response: Response): Promise<boolean> {
  try {
    const body = (await response.clone().json()) as { errors?: { extensions?: { code?: unknown } }[] };
    return body.errors?.some((error) => error.extensions?.code === ErrorCode.Unauthenticated) ?? false;
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
  return createWsClient({
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
      connecting: (isRetry) => setLiveStatus(isRetry ? 'reconnecting' : 'connecting'),
      connected: () => setLiveStatus('connected'),
      closed: (event) => {
        const code = (event as { code?: number } | undefined)?.code;
        // Renew only if the rejected token is still ours; a timer may have renewed it already.
        if (code === TOKEN_REJECTED && socketToken !== null && socketToken === getAccessToken()) renewBeforeConnect = true;
        setLiveStatus(getAuthState().status === 'signedIn' ? 'reconnecting' : 'offline');
      },
    },
  });
}

function liveSocket(): WsClient {
  socket ??= openSocket();
  return socket;
}

/**
 * Subscribes on the session's live connection (opened on first use); next gets each result. graphql-ws subscribes
 * again with the same payload after a reconnect, serialising it then. Returns the unsubscribe function.
 */
export function subscribeLive<D>(
  payload: { query: string; variables?: Record<string, unknown> },
  next: (result: ExecutionResult<D, { cursor?: unknown }>) => void,
): () => void {
  return liveSocket().subscribe<D, { cursor?: unknown }>(payload, { next, error: () => {}, complete: () => {} });
}

/** Closes the live connection, on log out. */
export function closeLive() {
  socket?.dispose();
  socket = null;
  socketToken = null;
  renewBeforeConnect = false;
  setLiveStatus('offline');
}

export const client = new Client({
  url: '/graphql',
  preferGetMethod: false,
  requestPolicy: 'network-only',
  fetch: authorizedFetch,
  exchanges: [fetchExchange],
});
