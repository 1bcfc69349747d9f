import { useSyncExternalStore } from 'react';

/**
 * Desktop notifications through the browser's Notifications API, shown only while a Friender tab is open but not in
 * view, and only after the person turned them on in Settings (the browser's permission is asked then, never on load).
 */
const PREFERENCE_KEY = 'friender.desktopNotifications';
const listeners = new Set<() => void>();

export type DesktopNotificationState = 'unsupported' | 'off' | 'on' | 'blocked';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

function wanted(): boolean {
  try {
    return localStorage.getItem(PREFERENCE_KEY) === 'on';
  } catch {
    return false;
  }
}

function getState(): DesktopNotificationState {
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return wanted() && Notification.permission === 'granted' ? 'on' : 'off';
}

function changed() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useDesktopNotifications = (): DesktopNotificationState => useSyncExternalStore(subscribe, getState);

/** Asks the browser (this is the only place that does) and remembers the choice. */
export async function turnOnDesktopNotifications(): Promise<DesktopNotificationState> {
  if (!supported()) return 'unsupported';
  // Granted already (a browser remembers), this answers at once without a prompt.
  const permission = await Notification.requestPermission();
  try {
    if (permission === 'granted') localStorage.setItem(PREFERENCE_KEY, 'on');
  } catch {
    // Without storage the choice lasts as long as the page.
  }
  changed();
  return getState();
}

export function turnOffDesktopNotifications() {
  try {
    localStorage.removeItem(PREFERENCE_KEY);
  } catch {
    // Nothing kept, nothing to remove.
  }
  changed();
}

/** Shows one, when turned on and the page is not in view; a click brings the tab forward and opens where it points. */
export function notifyDesktop(title: string, body: string, tag: string, open: () => void) {
  if (getState() !== 'on' || document.visibilityState === 'visible') return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}
