import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { name: 'discover' }
  | { name: 'matches' }
  | { name: 'profile' }
  | { name: 'settings' }
  | { name: 'moderation'; userId?: string }
  | { name: 'chat'; matchId: string }
  | { name: 'matchProfile'; matchId: string }
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'home' };

function parse(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [first, second] = path.split('/');
  if (first === 'discover' || first === 'matches' || first === 'profile' || first === 'settings') return { name: first };
  if (first === 'login' || first === 'signup') return { name: first };
  if (first === 'chat' && second) return { name: 'chat', matchId: decodeURIComponent(second) };
  if (first === 'match' && second) return { name: 'matchProfile', matchId: decodeURIComponent(second) };
  if (first === 'moderation') return second ? { name: 'moderation', userId: decodeURIComponent(second) } : { name: 'moderation' };
  return { name: 'home' };
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const getHash = () => window.location.hash;

/** The route of the address, the same object until the address changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return useMemo(() => parse(hash), [hash]);
}

export function href(route: Route): string {
  if (route.name === 'chat') return `#/chat/${encodeURIComponent(route.matchId)}`;
  if (route.name === 'matchProfile') return `#/match/${encodeURIComponent(route.matchId)}`;
  if (route.name === 'moderation') return route.userId ? `#/moderation/${encodeURIComponent(route.userId)}` : '#/moderation';
  return `#/${route.name === 'home' ? '' : route.name}`;
}

export function navigate(route: Route) {
  window.location.hash = href(route);
}
