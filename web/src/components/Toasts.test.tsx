import { render, screen, within } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { deliverLive, type LiveEvents } from '../lib/live';
import { server } from '../test/server';
import { Toasts } from './Toasts';

const message = (id: string, matchId: string, body: string): LiveEvents['message'] => ({
  id,
  matchId,
  body,
  sentAt: '2026-12-02T10:00:00Z',
  readAt: null,
  sender: { id: 'ana', displayName: 'Ana' },
});

describe('Toasts', () => {
  beforeEach(() => {
    server.use(graphql.query('UnreadTotal', () => HttpResponse.json({ data: { unreadTotal: 1 } })));
  });

  it('shows a new message on any screen, one toast per conversation with its latest message', async () => {
    render(<Toasts openChat={null} />);

    deliverLive('message', message('1', 'm1', 'Hello there'));
    deliverLive('message', message('2', 'm1', 'Are you around?'));

    const region = screen.getByRole('region', { name: 'New activity' });
    const toasts = await within(region).findAllByRole('listitem');
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toHaveTextContent('New message from Ana');
    expect(toasts[0]).toHaveTextContent('Are you around?');
    expect(within(toasts[0]).getByRole('link', { name: 'Open chat' })).toHaveAttribute('href', '#/chat/m1');
  });

  it('does not toast a message of the chat that is open', () => {
    render(<Toasts openChat="m1" />);

    deliverLive('message', message('3', 'm1', 'Seen already'));

    expect(within(screen.getByRole('region', { name: 'New activity' })).queryAllByRole('listitem')).toHaveLength(0);
  });
});
