import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Avatar } from '../components/Avatar';
import { Alert } from '../components/Field';
import { ReportDialog } from '../components/ReportDialog';
import { client } from '../lib/client';
import { errorCode, errorMessage } from '../lib/errors';
import { fullTime, shortTime } from '../lib/format';
import { useNow } from '../lib/hooks';
import { onLive } from '../lib/live';
import { refreshUnread } from '../lib/unread';
import { href, navigate } from '../lib/router';
import { useSession } from '../lib/session';
import type { MatchesQuery, MessageFieldsFragment } from '../gql/graphql';
import { BlockUserDoc, ConversationDoc, MarkReadDoc, MatchesDoc, SendMessageDoc, SetTypingDoc, UnmatchDoc, } from '../operations';
import { ErrorCode, Limits } from '../lib/contract';

type Message = MessageFieldsFragment;
type MatchItem = MatchesQuery['matches']['nodes'][number];

const PAGE = 30;
const TYPING_SHOWN_MS = 3_000;
const TYPING_SENT_EVERY_MS = 1_500;
const MAX_BODY = Limits.messageMaxLength;
/** The length from which the composer shows how much room is left. */
const COUNT_FROM = Math.floor(MAX_BODY * 0.9);

/** Merges by id and keeps the conversation oldest first. */
function merge(current: Message[], incoming: Message[]): Message[] {
  const byId = new Map(current.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
}

export function ChatScreen({ matchId }: { matchId: string }) {
  const { me } = useSession();
  const now = useNow();
  const [match, setMatch] = useState<MatchItem | null | undefined>(undefined);
  const [messages, setMessages] = useState<Message[]>([]);
  const [older, setOlder] = useState<{ has: boolean; cursor: string | null }>({ has: false, cursor: null });
  const [loading, setLoading] = useState(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState('');
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState('');
  const [typing, setTyping] = useState(false);
  const [ended, setEnded] = useState('');
  // Bumped when the server could not replay what was missed: the conversation is loaded again.
  const [generation, setGeneration] = useState(0);
  const [reporting, setReporting] = useState(false);
  const reportButtonRef = useRef<HTMLButtonElement>(null);

  const logRef = useRef<HTMLDivElement>(null);
  const scrollAnchor = useRef<{ height: number; top: number } | null>(null);
  const stickToBottom = useRef(true);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastTypingSent = useRef(0);
  const loadingOlderRef = useRef(false);

  const markRead = useCallback(() => {
    if (document.visibilityState !== 'visible') return;
    void client.mutation(MarkReadDoc, { input: { matchId } }).toPromise().then(() => refreshUnread(0));
  }, [matchId]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [matchesResult, conversationResult] = await Promise.all([
        client.query(MatchesDoc, { first: 50 }).toPromise(),
        client.query(ConversationDoc, { matchId, last: PAGE }).toPromise(),
      ]);
      if (cancelled) return;
      setLoading(false);
      const found = matchesResult.data?.matches.nodes.find((item) => item.id === matchId) ?? null;
      setMatch(found);
      if (conversationResult.data) {
        const page = conversationResult.data.conversation;
        // Merged, not replaced: a message that arrived live while this page loaded must stay.
        setMessages((current) => merge(page.nodes, current.filter((message) => message.matchId === matchId)));
        setOlder({ has: page.pageInfo.hasPreviousPage, cursor: page.pageInfo.startCursor });
        markRead();
      } else {
        const code = errorCode(conversationResult.error);
        setError(
          code === ErrorCode.NotFound || code === ErrorCode.NotMatched || code === ErrorCode.Forbidden
            ? 'This conversation is not available. The match may have ended.'
            : errorMessage(conversationResult.error),
        );
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [matchId, markRead, generation]);

  const loadOlder = useCallback(async () => {
    if (!older.has || !older.cursor || loadingOlderRef.current) return;
    loadingOlderRef.current = true;
    setLoadingOlder(true);
    const result = await client.query(ConversationDoc, { matchId, last: PAGE, before: older.cursor }).toPromise();
    loadingOlderRef.current = false;
    setLoadingOlder(false);
    if (result.data) {
      const log = logRef.current;
      if (log) scrollAnchor.current = { height: log.scrollHeight, top: log.scrollTop };
      const page = result.data.conversation;
      setMessages((current) => merge(current, page.nodes));
      setOlder({ has: page.pageInfo.hasPreviousPage, cursor: page.pageInfo.startCursor });
    } else {
      setError(errorMessage(result.error));
    }
  }, [matchId, older]);

  // Keep the view where it was when older messages land above it, and follow new ones at the bottom.
  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    if (scrollAnchor.current) {
      log.scrollTop = log.scrollHeight - scrollAnchor.current.height + scrollAnchor.current.top;
      scrollAnchor.current = null;
    } else if (stickToBottom.current) {
      log.scrollTop = log.scrollHeight;
    }
  }, [messages, typing]);

  function onScroll() {
    const log = logRef.current;
    if (!log) return;
    stickToBottom.current = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    if (log.scrollTop < 80) void loadOlder();
  }

  useEffect(() => {
    const offMessage = onLive('message', (message) => {
      if (message.matchId !== matchId) return;
      setMessages((current) => merge(current, [message]));
      setTyping(false);
      markRead();
    });
    const offTyping = onLive('typing', (event) => {
      if (event.matchId !== matchId || event.userId === me.id) return;
      setTyping(true);
      clearTimeout(typingTimer.current);
      typingTimer.current = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
    });
    const offRead = onLive('read', (event) => {
      if (event.matchId !== matchId || event.readerId === me.id) return;
      const readAt = Date.parse(event.readAt);
      setMessages((current) =>
        current.map((message) =>
          message.sender.id === me.id && !message.readAt && Date.parse(message.sentAt) <= readAt
            ? { ...message, readAt: event.readAt }
            : message,
        ),
      );
    });
    const offEnded = onLive('ended', (event) => {
      if (event.matchId === matchId) setEnded('This match has ended. No more messages can be sent here.');
    });
    const offResync = onLive('resync', () => setGeneration((current) => current + 1));
    const onVisible = () => markRead();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offMessage();
      offTyping();
      offRead();
      offEnded();
      offResync();
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(typingTimer.current);
    };
  }, [matchId, me.id, markRead]);

  function onBodyChange(value: string) {
    setBody(value);
    setSendError('');
    const nowMs = Date.now();
    if (value.trim() && nowMs - lastTypingSent.current > TYPING_SENT_EVERY_MS) {
      lastTypingSent.current = nowMs;
      void client.mutation(SetTypingDoc, { input: { matchId } }).toPromise();
    }
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const text = body.trim();
    if (!text || sending) return;
    if (text.length > MAX_BODY) {
      setSendError(`Messages can be at most ${MAX_BODY.toLocaleString()} characters.`);
      return;
    }
    setSending(true);
    const result = await client.mutation(SendMessageDoc, { input: { matchId, body: text } }).toPromise();
    setSending(false);
    if (result.data) {
      // What went wrong with an earlier try is over once a message went through.
      setSendError('');
      stickToBottom.current = true;
      setMessages((current) => merge(current, [result.data!.sendMessage.message]));
      setBody('');
      lastTypingSent.current = 0;
    } else {
      const code = errorCode(result.error);
      if (code === ErrorCode.NotMatched || code === ErrorCode.NotFound) setEnded(errorMessage(result.error));
      else setSendError(errorMessage(result.error));
    }
  }

  function onComposerKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  async function unmatch() {
    if (!match || !window.confirm(`Unmatch ${match.user.displayName}? The conversation ends for both of you.`)) return;
    const result = await client.mutation(UnmatchDoc, { input: { matchId } }).toPromise();
    if (result.error) setSendError(errorMessage(result.error));
    else navigate({ name: 'matches' });
  }

  async function block() {
    if (!match || !window.confirm(`Block ${match.user.displayName}? You will never see each other again.`)) return;
    const result = await client.mutation(BlockUserDoc, { input: { userId: match.user.id } }).toPromise();
    if (result.error) setSendError(errorMessage(result.error));
    else navigate({ name: 'matches' });
  }

  const name = match?.user.displayName ?? 'your match';
  const myLast = [...messages].reverse().find((message) => message.sender.id === me.id);

  return (
    <section className="screen chat" aria-labelledby="screen-title">
      <div className="chat-header">
        <a className="back" href={href({ name: 'matches' })} aria-label="Back to matches">
          ‹
        </a>
        {match && (
          <a className="chat-person" href={href({ name: 'matchProfile', matchId })} aria-label={`${match.user.displayName}'s profile`}>
            <Avatar name={match.user.displayName} url={match.user.photos[0]?.url} />
          </a>
        )}
        <h1 id="screen-title" tabIndex={-1}>
          {match ? <a href={href({ name: 'matchProfile', matchId })}>{match.user.displayName}</a> : 'Chat'}
        </h1>
        {match && (
          <div className="chat-tools">
            <button type="button" className="ghost" onClick={() => void unmatch()}>
              Unmatch
            </button>
            <button type="button" className="ghost danger" onClick={() => void block()}>
              Block
            </button>
            <button
              type="button"
              ref={reportButtonRef}
              className="ghost danger"
              aria-haspopup="dialog"
              onClick={() => setReporting(true)}
            >
              Report
            </button>
          </div>
        )}
      </div>

      {match && (
        <ReportDialog
          open={reporting}
          userId={match.user.id}
          name={match.user.displayName}
          onClose={() => {
            setReporting(false);
            reportButtonRef.current?.focus();
          }}
          onReported={() => {
            setReporting(false);
            navigate({ name: 'matches' });
          }}
        />
      )}

      {loading ? (
        <p role="status" className="loading">
          Loading the conversation…
        </p>
      ) : error && messages.length === 0 ? (
        <div className="empty">
          <Alert>{error}</Alert>
          <a href={href({ name: 'matches' })}>Back to matches</a>
        </div>
      ) : (
        <>
          <div
            className="message-log"
            ref={logRef}
            onScroll={onScroll}
            role="log"
            aria-label={`Conversation with ${name}`}
            tabIndex={0}
          >
            {older.has && (
              <div className="older">
                <button type="button" className="ghost" onClick={() => void loadOlder()} disabled={loadingOlder}>
                  {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
                </button>
              </div>
            )}
            {messages.length === 0 && <p className="empty-chat">No messages yet. Say hello to {name}!</p>}
            <ol className="messages">
              {messages.map((message) => {
                const mine = message.sender.id === me.id;
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
          {ended ? (
            <Alert>{ended}</Alert>
          ) : (
            <form className="composer" onSubmit={(e) => void send(e)}>
              <label htmlFor="chat-message" className="visually-hidden">
                Message
              </label>
              <textarea
                id="chat-message"
                rows={2}
                value={body}
                placeholder={`Message ${name}`}
                maxLength={MAX_BODY}
                onChange={(e) => onBodyChange(e.target.value)}
                onKeyDown={onComposerKeyDown}
                aria-describedby={body.length >= COUNT_FROM ? 'chat-message-hint chat-message-count' : 'chat-message-hint'}
                aria-invalid={sendError ? true : undefined}
              />
              <button type="submit" className="primary" disabled={sending || !body.trim()}>
                Send
              </button>
              <p className="hint visually-hidden" id="chat-message-hint">
                Enter sends, Shift+Enter starts a new line.
              </p>
              {body.length >= COUNT_FROM && (
                <p className="hint message-count" id="chat-message-count" aria-live="polite">
                  {body.length >= MAX_BODY
                    ? `${MAX_BODY.toLocaleString()} characters: the most one message can hold.`
                    : `${body.length.toLocaleString()} of ${MAX_BODY.toLocaleString()} characters.`}
                </p>
              )}
            </form>
          )}
          <Alert>{sendError || (messages.length > 0 ? error : '')}</Alert>
        </>
      )}
    </section>
  );
}
