import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, useMutation } from 'urql';
import type { MessageFieldsFragment } from '../../gql/graphql';
import { ErrorCode } from '../../lib/contract';
import { errorCode, errorMessage } from '../../lib/errors';
import { onLive } from '../../lib/live';
import { refreshUnread } from '../../lib/unread';
import { ConversationDoc, MarkReadDoc } from './operations';

export type Message = MessageFieldsFragment;

const PAGE = 30;
export const ENDED = 'This match has ended. No more messages can be sent here.';

/** Merges by id and keeps the conversation oldest first. */
export function mergeMessages(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
}

/** Marks the other person's messages read while this chat is in view: on open, on each arrival, on coming back. */
function useMarkRead(matchId: string): () => void {
  const [, markConversationRead] = useMutation(MarkReadDoc);
  const markRead = useCallback(() => {
    if (document.visibilityState !== 'visible') return;
    void markConversationRead({ input: { matchId } }).then(() => refreshUnread(0));
  }, [matchId, markConversationRead]);
  useEffect(() => {
    const onVisible = () => markRead();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [markRead]);
  return markRead;
}

/**
 * One conversation as the chat shows it: the newest page, older pages on demand, messages and read receipts as they
 * arrive live, and whether the match has ended. Pages are fetched fresh (never from the cache): a chat must show what
 * the server has now.
 */
export function useConversation(matchId: string, meId: string) {
  const client = useClient();
  const markRead = useMarkRead(matchId);
  const [messages, setMessages] = useState<Message[]>([]);
  const [older, setOlder] = useState<{ has: boolean; cursor: string | null }>({ has: false, cursor: null });
  const [loading, setLoading] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState('');
  const [ended, setEnded] = useState('');
  // Bumped when the server could not replay what was missed: the conversation is loaded again.
  const [generation, setGeneration] = useState(0);
  const loadingOlderRef = useRef(false);

  useEffect(() => {
    let cancelled = false;
    void client
      .query(ConversationDoc, { matchId, last: PAGE }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        setLoading(false);
        if (result.data) {
          const page = result.data.conversation;
          // Merged, not replaced: a message that arrived live while this page loaded must stay.
          setMessages((current) => mergeMessages(page.nodes, current.filter((message) => message.matchId === matchId)));
          setOlder({ has: page.pageInfo.hasPreviousPage, cursor: page.pageInfo.startCursor });
          markRead();
          return;
        }
        const code = errorCode(result.error);
        setError(
          code === ErrorCode.NotFound || code === ErrorCode.NotMatched || code === ErrorCode.Forbidden
            ? 'This conversation is not available. The match may have ended.'
            : errorMessage(result.error),
        );
      });
    return () => {
      cancelled = true;
    };
  }, [client, matchId, markRead, generation]);

  /** Fetches the page before the oldest shown; `beforeInsert` runs just before it lands (to keep the scroll place). */
  const loadOlder = useCallback(
    async (beforeInsert?: () => void) => {
      if (!older.has || !older.cursor || loadingOlderRef.current) return;
      loadingOlderRef.current = true;
      setLoadingOlder(true);
      const result = await client
        .query(ConversationDoc, { matchId, last: PAGE, before: older.cursor }, { requestPolicy: 'network-only' })
        .toPromise();
      loadingOlderRef.current = false;
      setLoadingOlder(false);
      if (result.data) {
        const page = result.data.conversation;
        beforeInsert?.();
        setMessages((current) => mergeMessages(current, page.nodes));
        setOlder({ has: page.pageInfo.hasPreviousPage, cursor: page.pageInfo.startCursor });
      } else {
        setError(errorMessage(result.error));
      }
    },
    [client, matchId, older],
  );

  useEffect(() => {
    const offs = [
      onLive('message', (message) => {
        if (message.matchId !== matchId) return;
        setMessages((current) => mergeMessages(current, [message]));
        markRead();
      }),
      onLive('read', (event) => {
        if (event.matchId !== matchId || event.readerId === meId) return;
        const readAt = Date.parse(event.readAt);
        setMessages((current) =>
          current.map((message) =>
            message.sender.id === meId && !message.readAt && Date.parse(message.sentAt) <= readAt ? { ...message, readAt: event.readAt } : message,
          ),
        );
      }),
      onLive('ended', (event) => {
        if (event.matchId === matchId) setEnded(ENDED);
      }),
      onLive('resync', () => setGeneration((current) => current + 1)),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [matchId, meId, markRead]);

  /** A message I sent, as the server stored it. */
  const addSent = useCallback((message: Message) => setMessages((current) => mergeMessages(current, [message])), []);

  return { messages, loading, error, older: older.has, loadingOlder, loadOlder, ended, setEnded, addSent };
}
