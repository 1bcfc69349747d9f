import { useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { publicClient, startSession } from '../lib/auth';
import { errorCode, errorMessage, fieldErrors } from '../lib/errors';
import { LogInDoc, SignUpDoc } from '../operations';
import { Alert, FieldError, describedBy } from '../components/Field';
import { ErrorCode } from '../lib/contract';

type Action = 'logIn' | 'signUp';
type Errors = Partial<Record<'username' | 'email' | 'password', string[]>>;

function validate(action: Action, username: string, email: string, password: string): Errors {
  const errors: Errors = {};
  if (!username.trim()) errors.username = [action === 'logIn' ? 'Enter your username or email.' : 'Choose a username.'];
  else if (action === 'signUp' && !/^[a-zA-Z0-9_]{3,30}$/.test(username.trim()))
    errors.username = ['Use 3 to 30 letters, digits or underscores.'];
  if (action === 'signUp') {
    if (!email.trim()) errors.email = ['Enter your email address to sign up.'];
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = ['That does not look like an email address.'];
  }
  if (!password) errors.password = ['Enter your password.'];
  else if (action === 'signUp' && (password.length < 10 || password.length > 128))
    errors.password = ['Use 10 to 128 characters.'];
  return errors;
}

function serverErrors(error: CombinedError): { fields: Errors; general: string } {
  const code = errorCode(error);
  if (code === ErrorCode.UsernameTaken) return { fields: { username: [errorMessage(error)] }, general: '' };
  if (code === ErrorCode.EmailTaken) return { fields: { email: [errorMessage(error)] }, general: '' };
  if (code === ErrorCode.BadUserInput) {
    const fields = fieldErrors(error);
    const known: Errors = { username: fields.username, email: fields.email, password: fields.password };
    const other = Object.entries(fields)
      .filter(([key]) => !(key in known))
      .flatMap(([, messages]) => messages);
    return { fields: known, general: other.length ? other.join(' ') : known.username || known.email || known.password ? '' : errorMessage(error) };
  }
  return { fields: {}, general: errorMessage(error) };
}

export function AuthScreen({ notice }: { notice?: string }) {
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<Action | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState('');

  async function submit(action: Action) {
    const found = validate(action, username, email, password);
    setErrors(found);
    setGeneral('');
    if (Object.keys(found).length) {
      const first = (['username', 'email', 'password'] as const).find((key) => found[key]);
      if (first) document.getElementById(`auth-${first}`)?.focus();
      return;
    }
    setBusy(action);
    const result =
      action === 'logIn'
        ? await publicClient.mutation(LogInDoc, { input: { username: username.trim(), password } }).toPromise()
        : await publicClient
            .mutation(SignUpDoc, { input: { username: username.trim(), email: email.trim(), password } })
            .toPromise();
    setBusy(null);
    if (result.data) {
      startSession('logIn' in result.data ? result.data.logIn : result.data.signUp);
      return;
    }
    if (result.error) {
      const { fields, general: message } = serverErrors(result.error);
      setErrors(fields);
      setGeneral(message);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void submit(submitter?.value === 'signUp' ? 'signUp' : 'logIn');
  }

  return (
    <main id="main" className="auth">
      <div className="auth-card">
        <h1 className="brand-title">Friender</h1>
        <p className="tagline">Make friends near you, one yes at a time.</p>
        {notice && <p className="notice">{notice}</p>}
        <form onSubmit={onSubmit} noValidate aria-describedby="auth-help">
          <p id="auth-help" className="hint">
            Log in with your username (or email) and password, or fill in all three to sign up.
          </p>
          <div className="field">
            <label htmlFor="auth-username">Username</label>
            <input
              id="auth-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={describedBy(errors.username && 'auth-username-error')}
            />
            <FieldError id="auth-username-error" messages={errors.username} />
          </div>
          <div className="field">
            <label htmlFor="auth-email">Email</label>
            <input
              id="auth-email"
              name="email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy('auth-email-hint', errors.email && 'auth-email-error')}
            />
            <p className="hint" id="auth-email-hint">
              Only needed to sign up. Nobody else sees it.
            </p>
            <FieldError id="auth-email-error" messages={errors.email} />
          </div>
          <div className="field">
            <label htmlFor="auth-password">Password</label>
            <input
              id="auth-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={describedBy('auth-password-hint', errors.password && 'auth-password-error')}
            />
            <p className="hint" id="auth-password-hint">
              At least 10 characters.
            </p>
            <FieldError id="auth-password-error" messages={errors.password} />
          </div>
          <Alert>{general}</Alert>
          <div className="actions">
            <button type="submit" value="logIn" className="primary" disabled={busy !== null}>
              Log in
            </button>
            <button type="submit" value="signUp" className="secondary" disabled={busy !== null}>
              Sign up
            </button>
          </div>
          <p role="status" className="status-line">
            {busy === 'logIn' ? 'Logging in…' : busy === 'signUp' ? 'Creating your account…' : ''}
          </p>
        </form>
      </div>
    </main>
  );
}
