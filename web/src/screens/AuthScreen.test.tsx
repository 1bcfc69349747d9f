import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { graphql, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { coded, server } from '../test/server';
import { AuthScreen } from './AuthScreen';

describe('AuthScreen', () => {
  it('logs in without an Email field, and links to Sign up', () => {
    window.location.hash = '#/login';
    render(<AuthScreen />);

    expect(screen.getByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign up' })).toHaveAttribute('href', '#/signup');
  });

  it('moves focus to a taken username and says so in a live region', async () => {
    window.location.hash = '#/signup';
    server.use(graphql.mutation('SignUp', () => HttpResponse.json(coded('USERNAME_TAKEN', 'That username is taken. Pick another one.'))));
    render(<AuthScreen />);

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ana@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveFocus());
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(document.getElementById('auth-announcement')).toHaveTextContent(/taken/i);
    expect(document.getElementById('auth-announcement')).toHaveAttribute('role', 'status');
  });

  it('checks the rules before sending, with focus on the first field at fault', () => {
    window.location.hash = '#/signup';
    render(<AuthScreen />);

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'ok_name' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the password on request', () => {
    render(<AuthScreen />);
    const toggle = screen.getByRole('button', { name: 'Show password' });

    fireEvent.click(toggle);

    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });
});
