import { useEffect, useState, useSyncExternalStore } from 'react';
import { getAuthState, subscribeAuth, type AuthState } from './auth';
import { getLiveStatus, subscribeLiveStatus, type LiveStatus } from './client';

export const useAuth = (): AuthState => useSyncExternalStore(subscribeAuth, getAuthState);
export const useLiveStatus = (): LiveStatus => useSyncExternalStore(subscribeLiveStatus, getLiveStatus);

/** Re-renders every `ms` milliseconds, for relative times. */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
