import { useState, type FormEvent } from 'react';
import { publicClient } from '../lib/auth';
import { errorMessage, fieldErrors } from '../lib/errors';
import { AppealSuspensionDoc } from '../operations';
import { Alert, FieldError, describedBy } from './Field';

const MAX = 2000;

/**
 * Shown on the log-in screen when the account is suspended or banned: one appeal per decision, sent with the username
 * and password just entered (the person cannot log in, so that is how the API knows who appeals).
 */
export function SuspensionAppeal({ username, password }: { username: string; password: string }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [textError, setTextError] = useState<string[] | undefined>();
  const [sent, setSent] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setTextError(['Say why the decision was wrong.']);
      return;
    }
    setBusy(true);
    setTextError(undefined);
    const result = await publicClient.mutation(AppealSuspensionDoc, { input: { username: username.trim(), password, text: text.trim() } }).toPromise();
    setBusy(false);
    if (result.data) {
      setSent(result.data.appealSuspension.confirmation);
      return;
    }
    const fields = fieldErrors(result.error);
    setTextError(fields.text);
    setError(fields.text ? '' : errorMessage(result.error));
  }

  if (sent) {
    return (
      <p className="notice" role="status">
        {sent}
      </p>
    );
  }
  return (
    <form className="appeal" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="appeal-title">
      <h2 id="appeal-title">Appeal this decision</h2>
      <div className="field">
        <label htmlFor="appeal-text">Why was it wrong?</label>
        <textarea
          id="appeal-text"
          value={text}
          maxLength={MAX}
          rows={4}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={textError ? true : undefined}
          aria-describedby={describedBy('appeal-hint', textError && 'appeal-text-error')}
        />
        <p className="hint" id="appeal-hint">
          A moderator who did not make the decision reads it. You can appeal each decision once.
        </p>
        <FieldError id="appeal-text-error" messages={textError} />
      </div>
      <Alert>{error}</Alert>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Send appeal
        </button>
      </div>
    </form>
  );
}
