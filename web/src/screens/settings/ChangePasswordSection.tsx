import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Field';
import { PasswordField } from '../../components/PasswordField';
import { keepSessionInCookie, startSession } from '../../lib/auth';
import { useMutation } from 'urql';
import { Limits } from '../../lib/contract';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { freshLogin } from './freshLogin';
import { ChangePasswordDoc } from './operations';

type Errors = { current?: string[]; next?: string[] };

export function ChangePasswordSection() {
  const { me } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [, changePassword] = useMutation(ChangePasswordDoc);
  const [done, setDone] = useState('');

  function fail(found: Errors, message = '') {
    setErrors(found);
    setError(message);
    if (found.current) document.getElementById('settings-current-password')?.focus();
    else if (found.next) document.getElementById('settings-new-password')?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setDone('');
    const found: Errors = {};
    if (!current) found.current = ['Enter your current password.'];
    if (next.length < Limits.passwordMinLength || next.length > Limits.passwordMaxLength)
      found.next = [`Use ${Limits.passwordMinLength} to ${Limits.passwordMaxLength} characters.`];
    else if (next === current) found.next = ['That is your current password. Choose a new one.'];
    fail(found);
    if (found.current || found.next) return;

    setBusy(true);
    const login = await freshLogin(me.username, current);
    if (!login.ok) {
      setBusy(false);
      fail(login.passwordError ? { current: [login.passwordError] } : {}, login.error);
      return;
    }
    const result = await changePassword({ input: { newPassword: next } }, keepSessionInCookie);
    setBusy(false);
    if (result.data) {
      startSession(result.data.changePassword);
      setCurrent('');
      setNext('');
      setDone('Your password is changed. Every other device has been logged out.');
      return;
    }
    const fields = fieldErrors(result.error);
    fail(fields.newPassword ? { next: fields.newPassword } : {}, fields.newPassword ? '' : errorMessage(result.error));
  }

  return (
    <section className="settings-section" aria-labelledby="settings-password-title">
      <h2 id="settings-password-title">Change password</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {/* For password managers: which account this form is for. */}
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <PasswordField
          id="settings-current-password"
          label="Current password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          errors={errors.current}
        />
        <PasswordField
          id="settings-new-password"
          label="New password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          hint={`At least ${Limits.passwordMinLength} characters. Other devices are logged out when you change it.`}
          errors={errors.next}
        />
        <Alert>{error}</Alert>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Change password
          </button>
        </div>
        <p role="status" className="status-line">
          {busy ? 'Changing your password…' : done}
        </p>
      </form>
    </section>
  );
}
