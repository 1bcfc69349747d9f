import { fireEvent, screen, waitFor } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { Limits } from '../../lib/contract';
import { coded, server } from '../../test/server';
import { renderWithClient } from '../../test/render';
import { Composer } from './Composer';

const sent = (body: string) => ({
  sendMessage: { message: { id: 'x1', matchId: 'm1', body, sentAt: '2026-12-02T10:00:00Z', readAt: null, sender: { id: 'me', displayName: 'Me' } } },
});

function setUp(answers: ((body: string) => object)[]) {
  const bodies: string[] = [];
  server.use(
    graphql.mutation('SetTyping', () => HttpResponse.json({ data: { setTyping: { sent: true } } })),
    graphql.mutation('SendMessage', ({ variables }) => {
      const body = (variables as { input: { body: string } }).input.body;
      bodies.push(body);
      return HttpResponse.json(answers[bodies.length - 1](body));
    }),
  );
  const onSent = vi.fn();
  const onEnded = vi.fn();
  renderWithClient(<Composer matchId="m1" name="Ana" onSent={onSent} onEnded={onEnded} />);
  const box = screen.getByRole('textbox', { name: 'Message' });
  return { bodies, onSent, onEnded, box };
}

describe('Composer', () => {
  it('sends the trimmed text on Enter, hands the stored message over and empties the box', async () => {
    const { bodies, onSent, box } = setUp([(body) => ({ data: sent(body) })]);

    fireEvent.change(box, { target: { value: '  Coffee?  ' } });
    fireEvent.keyDown(box, { key: 'Enter' });

    await waitFor(() => expect(onSent).toHaveBeenCalledOnce());
    expect(bodies).toEqual(['Coffee?']);
    expect(onSent.mock.calls[0][0].body).toBe('Coffee?');
    expect(box).toHaveValue('');
  });

  it('says how much room is left from 90% of the limit, and not before', () => {
    const { box } = setUp([]);
    const from = Math.floor(Limits.messageMaxLength * 0.9);

    fireEvent.change(box, { target: { value: 'a'.repeat(from - 1) } });
    expect(screen.queryByText(/characters\./)).toBeNull();
    fireEvent.change(box, { target: { value: 'a'.repeat(from) } });
    expect(screen.getByText(`${from.toLocaleString()} of ${Limits.messageMaxLength.toLocaleString()} characters.`)).toBeInTheDocument();
  });

  it('hands NOT_MATCHED to the screen instead of showing it as a send error', async () => {
    const { onEnded, box } = setUp([() => coded('NOT_MATCHED', 'This match has ended.')]);

    fireEvent.change(box, { target: { value: 'hello?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(onEnded).toHaveBeenCalledWith(expect.stringMatching(/not matched/i)));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('clears the error of a failed try once a resend works', async () => {
    const { box } = setUp([() => coded('INTERNAL', 'Something went wrong.'), (body) => ({ data: sent(body) })]);

    fireEvent.change(box, { target: { value: 'first try' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
    expect(box).toHaveAttribute('aria-invalid', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(box).toHaveValue(''));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
