import { createContext, useContext } from 'react';
import type { MeQuery } from '../gql/graphql';
import type { LiveEvents } from './live';

export type Me = NonNullable<MeQuery['me']>;
export type NewMatch = LiveEvents['match'];

export type SessionContextValue = {
  me: Me;
  reloadMe: () => Promise<void>;
  showMatch: (match: NewMatch) => void;
};

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionContext provider');
  return value;
}
