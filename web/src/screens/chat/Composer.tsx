import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation } from 'urql';
import { Alert } from '../../components/Field';
import { ErrorCode, Limits } from '../../lib/contract';
import { errorCode, errorMessage } from '../../lib/errors';
import { SendMessageDoc } from './operations';
import type { Message } from './useConversation';
import { useTypingSender } from './useTyping';

const MAX_BODY = Limits.messageMaxLength;
/** The length from which the composer shows how much room is left. */
const COUNT_FROM = Math.floor(MAX_BODY * 0.9);

type Props = {
  matchId: string;
  name: string;
  onSent: (message: Message) => void;
  /** The match ended (or is not there): the screen replaces the composer with the reason. */
  onEnded: (reason: string) => void;
};

/** The message box: Enter sends, Shift+Enter starts a new line, a count near the limit, typing told to the other. */
export function Composer({ matchId, name, onSent, onEnded }: Props) {
  const [body, setBody] = useState('');
  const [sendError, setSendError] = useState('');
  const [{ fetching: sending }, sendMessage] = useMutation(SendMessageDoc);
  const typing = useTypingSender(matchId);

  function onChange(value: string) {
    setBody(value);
    setSendError('');
    typing.typed(value);
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const text = body.trim();
    if (!text || sending) return;
    if (text.length > MAX_BODY) {
      setSendError(`Messages can be at most ${MAX_BODY.toLocaleString()} characters.`);
      return;
    }
    const result = await sendMessage({ input: { matchId, body: text } });
    if (result.data) {
      // What went wrong with an earlier try is over once a message went through.
      setSendError('');
      onSent(result.data.sendMessage.message);
      setBody('');
      typing.sent();
      return;
    }
    const code = errorCode(result.error);
    if (code === ErrorCode.NotMatched || code === ErrorCode.NotFound || code === ErrorCode.MatchFrozen) onEnded(errorMessage(result.error));
    else setSendError(errorMessage(result.error));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  const counting = body.length >= COUNT_FROM;
  return (
    <>
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
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={counting ? 'chat-message-hint chat-message-count' : 'chat-message-hint'}
          aria-invalid={sendError ? true : undefined}
        />
        <button type="submit" className="primary" disabled={sending || !body.trim()}>
          Send
        </button>
        <p className="hint visually-hidden" id="chat-message-hint">
          Enter sends, Shift+Enter starts a new line.
        </p>
        {counting && (
          <p className="hint message-count" id="chat-message-count" aria-live="polite">
            {body.length >= MAX_BODY
              ? `${MAX_BODY.toLocaleString()} characters: the most one message can hold.`
              : `${body.length.toLocaleString()} of ${MAX_BODY.toLocaleString()} characters.`}
          </p>
        )}
      </form>
      <Alert>{sendError}</Alert>
    </>
  );
}
