import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/Field';
import { PasswordField } from '../../components/PasswordField';
import { endSession } from '../../lib/auth';
import { useMutation } from 'urql';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { freshLogin } from './freshLogin';
import { DeleteAccountDoc } from './operations';

export function DeleteAccountSection() {
  const { me } = useSession();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string[] | undefined>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [, deleteAccount] = useMutation(DeleteAccountDoc);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError('');
    if (!password) {
      setPasswordError(['Enter your password to delete your account.']);
      document.getElementById('settings-delete-password')?.focus();
      return;
    }
    setPasswordError(undefined);
    setBusy(true);
    const login = await freshLogin(me.username, password);
    if (!login.ok) {
      setBusy(false);
      if (login.passwordError) {
        setPasswordError([login.passwordError]);
        document.getElementById('settings-delete-password')?.focus();
      }
      setError(login.error ?? '');
      return;
    }
    const result = await deleteAccount({});
    if (result.data?.deleteAccount.deleted) {
      endSession('Your account is deleted. Everything that was yours on Friender is gone.', true);
      return;
    }
    setBusy(false);
    setError(errorMessage(result.error));
  }

  return (
    <section className="settings-section danger-zone" aria-labelledby="settings-delete-title">
      <h2 id="settings-delete-title">Delete account</h2>
      <p>Deleting your account cannot be undone. It removes, at once and for good:</p>
      <ul>
        <li>your account, profile and photos (the files too);</li>
        <li>every yes and no you gave;</li>
        <li>your matches and every message in them: the conversations end for the other person too;</li>
        <li>the blocks and reports you made.</li>
      </ul>
      <p>Every device you are logged in on is logged out. Download your data first if you want a copy.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <PasswordField
          id="settings-delete-password"
          label="Your password, to confirm"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          errors={passwordError}
        />
        <Alert>{error}</Alert>
        <div className="actions">
          <button type="submit" className="danger" disabled={busy}>
            Delete my account
          </button>
        </div>
        <p role="status" className="status-line">
          {busy ? 'Deleting your account…' : ''}
        </p>
      </form>
    </section>
  );
}
