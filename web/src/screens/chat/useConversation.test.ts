import { describe, expect, it } from 'vitest';
import { mergeMessages, type Message } from './useConversation';

const message = (id: string, sentAt: string, body = id): Message => ({
  id,
  matchId: 'm1',
  body,
  sentAt,
  readAt: null,
  sender: { id: 'u1', displayName: 'Ana' },
});

describe('mergeMessages', () => {
  it('keeps each message once, the newer copy winning, oldest first', () => {
    const current = [message('b', '2026-12-02T10:00:02Z'), message('a', '2026-12-02T10:00:01Z', 'old')];
    const merged = mergeMessages(current, [message('a', '2026-12-02T10:00:01Z', 'read now'), message('c', '2026-12-02T10:00:00Z')]);

    expect(merged.map((m) => m.id)).toEqual(['c', 'a', 'b']);
    expect(merged.find((m) => m.id === 'a')?.body).toBe('read now');
  });
});
