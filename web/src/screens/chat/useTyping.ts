import { useCallback, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { onLive } from '../../lib/live';
import { SetTypingDoc } from './operations';

const TYPING_SHOWN_MS = 3_000;
const TYPING_SENT_EVERY_MS = 1_500;

/** Whether the other person is typing: shown for 3 s after each `typing` event, hidden when their message arrives. */
export function useOtherTyping(matchId: string, meId: string): boolean {
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offTyping = onLive('typing', (event) => {
      if (event.matchId !== matchId || event.userId === meId) return;
      setTyping(true);
      clearTimeout(timer);
      timer = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
    });
    const offMessage = onLive('message', (message) => {
      if (message.matchId === matchId) setTyping(false);
    });
    return () => {
      offTyping();
      offMessage();
      clearTimeout(timer);
    };
  }, [matchId, meId]);
  return typing;
}

/** Tells the other person I am typing, at most every 1.5 s; `sent` starts the count again after a message. */
export function useTypingSender(matchId: string) {
  const [, setTyping] = useMutation(SetTypingDoc);
  const last = useRef(0);
  const typed = useCallback(
    (text: string) => {
      const now = Date.now();
      if (!text.trim() || now - last.current <= TYPING_SENT_EVERY_MS) return;
      last.current = now;
      void setTyping({ input: { matchId } });
    },
    [matchId, setTyping],
  );
  const sent = useCallback(() => {
    last.current = 0;
  }, []);
  return { typed, sent };
}
