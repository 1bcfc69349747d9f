import { useRef, useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { keepSessionInCookie, publicClient, startSession } from '../lib/auth';
import { errorCode, errorMessage, fieldErrors } from '../lib/errors';
import { LogInDoc, SignUpDoc } from '../operations';
import { Alert, FieldError, describedBy } from '../components/Field';
import { PasswordField } from '../components/PasswordField';
import { SuspensionAppeal } from '../components/SuspensionAppeal';
import { ErrorCode, Limits } from '../lib/contract';
import { href, useRoute } from '../lib/router';

type Action = 'logIn' | 'signUp';
const usernamePattern = new RegExp(`^[a-zA-Z0-9_]{${Limits.usernameMinLength},${Limits.usernameMaxLength}}$`);
type Errors = Partial<Record<'username' | 'email' | 'password', string[]>>;

function validate(action: Action, username: string, email: string, password: string): Errors {
  const errors: Errors = {};
  if (!username.trim()) errors.username = [action === 'logIn' ? 'Enter your username or email.' : 'Choose a username.'];
  else if (action === 'signUp' && !usernamePattern.test(username.trim()))
    errors.username = [`Use ${Limits.usernameMinLength} to ${Limits.usernameMaxLength} letters, digits or underscores.`];
  if (action === 'signUp') {
    if (!email.trim()) errors.email = ['Enter your email address to sign up.'];
    else if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = ['That does not look like an email address.'];
  }
  if (!password) errors.password = ['Enter your password.'];
  else if (action === 'signUp' && (password.length < Limits.passwordMinLength || password.length > Limits.passwordMaxLength))
    errors.password = [`Use ${Limits.passwordMinLength} to ${Limits.passwordMaxLength} characters.`];
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

const FIELDS = ['username', 'email', 'password'] as const;

/** Log in and Sign up, each on its own screen (`#/login`, `#/signup`) and linked to each other. */
export function AuthScreen({ notice }: { notice?: string }) {
  const route = useRoute();
  const action: Action = route.name === 'signup' ? 'signUp' : 'logIn';
  return <AuthForm key={action} action={action} notice={action === 'logIn' ? notice : undefined} />;
}

function AuthForm({ action, notice }: { action: Action; notice?: string }) {
  const signingUp = action === 'signUp';
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [suspended, setSuspended] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** Shows what is wrong, moves focus to the first field at fault and says it in the live region. */
  function showErrors(found: Errors, message = '') {
    setErrors(found);
    setGeneral(message);
    const first = FIELDS.find((key) => found[key]);
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`#auth-${first}`)?.focus();
      setAnnouncement(found[first]!.join(' '));
    } else {
      setAnnouncement('');
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = validate(action, username, email, password);
    showErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const result = signingUp
      ? await publicClient.mutation(SignUpDoc, { input: { username: username.trim(), email: email.trim(), password } }, keepSessionInCookie).toPromise()
      : await publicClient.mutation(LogInDoc, { input: { username: username.trim(), password } }, keepSessionInCookie).toPromise();
    setBusy(false);
    if (result.data) {
      startSession('logIn' in result.data ? result.data.logIn : result.data.signUp);
      return;
    }
    if (result.error) {
      setSuspended(errorCode(result.error) === ErrorCode.AccountSuspended);
      const { fields, general: message } = serverErrors(result.error);
      showErrors(fields, message);
    }
  }

  const title = signingUp ? 'Create your account' : 'Log in';
  return (
    <main id="main" className="auth">
      <div className="auth-card">
        <p className="brand-title">Friender</p>
        <p className="tagline">Make friends near you, one yes at a time.</p>
        <h1 id="screen-title">{title}</h1>
        {notice && <p className="notice">{notice}</p>}
        <form ref={form} onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="screen-title">
          <div className="field">
            <label htmlFor="auth-username">{signingUp ? 'Username' : 'Username or email'}</label>
            <input
              id="auth-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={describedBy(signingUp && 'auth-username-hint', errors.username && 'auth-username-error')}
            />
            {signingUp && (
              <p className="hint" id="auth-username-hint">
                {Limits.usernameMinLength} to {Limits.usernameMaxLength} letters, digits or underscores. Others see your
                display name, not this.
              </p>
            )}
            <FieldError id="auth-username-error" messages={errors.username} />
          </div>
          {signingUp && (
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
                Nobody else sees it.
              </p>
              <FieldError id="auth-email-error" messages={errors.email} />
            </div>
          )}
          <PasswordField
            id="auth-password"
            label="Password"
            value={password}
            onChange={setPassword}
            autoComplete={signingUp ? 'new-password' : 'current-password'}
            hint={signingUp ? `At least ${Limits.passwordMinLength} characters.` : undefined}
            errors={errors.password}
          />
          <Alert>{general}</Alert>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {signingUp ? 'Sign up' : 'Log in'}
            </button>
          </div>
          <p role="status" className="status-line">
            {busy ? (signingUp ? 'Creating your account…' : 'Logging in…') : ''}
          </p>
          <p role="status" id="auth-announcement" className="visually-hidden">
            {announcement}
          </p>
        </form>
        {suspended && !signingUp && <SuspensionAppeal username={username} password={password} />}
        <p className="auth-switch">
          {signingUp ? (
            <>
              Already have an account? <a href={href({ name: 'login' })}>Log in</a>
            </>
          ) : (
            <>
              New to Friender? <a href={href({ name: 'signup' })}>Sign up</a>
            </>
          )}
        </p>
      </div>
    </main>
  );
}
