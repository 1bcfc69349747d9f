import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { getAuthState, subscribeAuth, type AuthState } from './auth';
import { getLiveStatus, subscribeLiveStatus, type LiveStatus } from './client';

export const useAuth = (): AuthState => useSyncExternalStore(subscribeAuth, getAuthState);
export const useLiveStatus = (): LiveStatus => useSyncExternalStore(subscribeLiveStatus, getLiveStatus);

/**
 * While `failing`, calls `retry` when the browser says it is back online, so an error screen that came from a lost
 * network recovers by itself (its "Try again" button stays for everything else).
 */
export function useRetryWhenOnline(failing: boolean, retry: () => unknown) {
  const latest = useRef(retry);
  useEffect(() => {
    latest.current = retry;
  }, [retry]);
  useEffect(() => {
    if (!failing) return;
    const onOnline = () => void latest.current();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [failing]);
}

/** Re-renders every `ms` milliseconds, for relative times. */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
