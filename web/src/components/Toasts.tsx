import { useEffect, useRef, useState } from 'react';
import { notifyDesktop } from '../lib/desktopNotifications';
import { onLive } from '../lib/live';
import { href, navigate } from '../lib/router';
import { refreshUnread } from '../lib/unread';

type Toast = { id: string; title: string; body: string; matchId: string };

/** How long a toast stays, unless the pointer or focus is on the toasts. */
const TOAST_MS = 8_000;
const MAX_TOASTS = 3;

function preview(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * A new message shows as a toast on any screen but its own open chat (a desktop notification too when the tab is not
 * in view and the person turned them on), and the unread count is asked again. Toasts are plain elements styled
 * by the app's style sheet: the CSP allows no injected styles.
 */
export function Toasts({ openChat }: { openChat: string | null }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const openChatRef = useRef(openChat);
  const paused = useRef(false);

  useEffect(() => {
    openChatRef.current = openChat;
    if (openChat) setToasts((current) => current.filter((toast) => toast.matchId !== openChat));
  }, [openChat]);

  useEffect(() => {
    const offMessage = onLive('message', (message) => {
      refreshUnread();
      const inView = document.visibilityState === 'visible';
      if (inView && openChatRef.current === message.matchId) return;
      const title = `New message from ${message.sender.displayName}`;
      notifyDesktop(title, preview(message.body), `chat:${message.matchId}`, () => navigate({ name: 'chat', matchId: message.matchId }));
      setToasts((current) =>
        [...current.filter((toast) => toast.matchId !== message.matchId), { id: message.id, title, body: preview(message.body), matchId: message.matchId }].slice(-MAX_TOASTS),
      );
    });
    const offMatch = onLive('match', (match) =>
      notifyDesktop(`You matched with ${match.user.displayName}`, 'Say hi while it is fresh.', `match:${match.id}`, () => navigate({ name: 'chat', matchId: match.id })),
    );
    const offOthers = (['ended', 'resync'] as const).map((kind) => onLive(kind, () => refreshUnread()));
    return () => {
      offMessage();
      offMatch();
      for (const off of offOthers) off();
    };
  }, []);

  useEffect(() => {
    if (!toasts.length) return;
    const timer = setInterval(() => {
      if (paused.current) return;
      setToasts((current) => current.slice(1));
    }, TOAST_MS);
    return () => clearInterval(timer);
  }, [toasts.length]);

  const dismiss = (id: string) => setToasts((current) => current.filter((toast) => toast.id !== id));

  return (
    <section
      className="toasts"
      aria-label="New activity"
      onMouseEnter={() => (paused.current = true)}
      onMouseLeave={() => (paused.current = false)}
      onFocus={() => (paused.current = true)}
      onBlur={() => (paused.current = false)}
    >
      <div role="status">
        <ul>
          {toasts.map((toast) => (
            <li key={toast.id} className="toast">
              <p>
                <strong>{toast.title}</strong>
                <br />
                {toast.body}
              </p>
              <a href={href({ name: 'chat', matchId: toast.matchId })} onClick={() => dismiss(toast.id)}>
                Open chat
              </a>
              <button type="button" className="ghost toast-close" aria-label={`Dismiss: ${toast.title}`} onClick={() => dismiss(toast.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
