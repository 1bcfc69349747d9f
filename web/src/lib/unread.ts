import { useSyncExternalStore } from 'react';
import { client } from './client';
import { UnreadTotalDoc } from '../operations';

/**
 * How many messages to me are unread across every open match, from the API's unreadTotal (not a sum over one page of
 * matches). Asked again, at most once per burst, after whatever can change it: a message arriving, reading a
 * conversation, a match ending, a reconnect, the tab coming back into view.
 */
let total = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function set(next: number) {
  if (next === total) return;
  total = next;
  for (const listener of listeners) listener();
}

async function load() {
  const result = await client.query(UnreadTotalDoc, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.data) set(result.data.unreadTotal);
}

export function refreshUnread(delayMs = 250) {
  clearTimeout(timer);
  timer = setTimeout(() => void load(), delayMs);
}

/** Forgets the count, on log out. */
export function resetUnread() {
  clearTimeout(timer);
  set(0);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useUnreadTotal = (): number => useSyncExternalStore(subscribe, () => total);
