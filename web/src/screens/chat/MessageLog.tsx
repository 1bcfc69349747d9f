import { useLayoutEffect, useRef } from 'react';
import { fullTime, shortTime } from '../../lib/format';
import { useNow } from '../../lib/hooks';
import type { Message } from './useConversation';

type Props = {
  messages: Message[];
  meId: string;
  name: string;
  typing: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: (beforeInsert?: () => void) => Promise<void>;
};

/**
 * The conversation, oldest first: older pages load when scrolled to the top (or by the button) without moving what is
 * on screen, new messages are followed while the reader is at the bottom, and my last message says Sent or Read.
 */
export function MessageLog({ messages, meId, name, typing, hasOlder, loadingOlder, loadOlder }: Props) {
  const now = useNow();
  const logRef = useRef<HTMLDivElement>(null);
  const scrollAnchor = useRef<{ height: number; top: number } | null>(null);
  const stickToBottom = useRef(true);
  const lastId = useRef<string | undefined>(undefined);

  const older = () =>
    void loadOlder(() => {
      const log = logRef.current;
      if (log) scrollAnchor.current = { height: log.scrollHeight, top: log.scrollTop };
    });

  useLayoutEffect(() => {
    const log = logRef.current;
    const last = messages.at(-1);
    // A message I just sent always brings me down to it.
    const sentByMe = last !== undefined && last.id !== lastId.current && last.sender.id === meId;
    lastId.current = last?.id;
    if (!log) return;
    if (scrollAnchor.current) {
      log.scrollTop = log.scrollHeight - scrollAnchor.current.height + scrollAnchor.current.top;
      scrollAnchor.current = null;
    } else if (stickToBottom.current || sentByMe) {
      log.scrollTop = log.scrollHeight;
      stickToBottom.current = true;
    }
  }, [messages, typing, meId]);

  function onScroll() {
    const log = logRef.current;
    if (!log) return;
    stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    if (log.scrollTop < 80) older();
  }

  const myLast = [...messages].reverse().find((message) => message.sender.id === meId);
  return (
    <>
      <div className="message-log" ref={logRef} onScroll={onScroll} role="log" aria-label={`Conversation with ${name}`} tabIndex={0}>
        {hasOlder && (
          <div className="older">
            <button type="button" className="ghost" onClick={older} disabled={loadingOlder}>
              {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
            </button>
          </div>
        )}
        {messages.length === 0 && <p className="empty-chat">No messages yet. Say hello to {name}!</p>}
        <ol className="messages">
          {messages.map((message) => {
            const mine = message.sender.id === meId;
            return (
              <li key={message.id} className={mine ? 'message mine' : 'message theirs'}>
                <span className="visually-hidden">{mine ? 'You' : message.sender.displayName}: </span>
                <p className="message-body">{message.body}</p>
                <time dateTime={message.sentAt} title={fullTime(message.sentAt)}>
                  {shortTime(message.sentAt, now)}
                </time>
                {message === myLast && <span className="receipt">{message.readAt ? 'Read' : 'Sent'}</span>}
              </li>
            );
          })}
        </ol>
      </div>
      <p className="typing" aria-live="polite">
        {typing ? `${name} is typing…` : ''}
      </p>
    </>
  );
}
