import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage, fieldErrors } from '../lib/errors';
import { useSession } from '../lib/session';
import { AcknowledgeWarningDoc, AppealDecisionDoc } from '../operations';
import { Alert, FieldError, describedBy } from './Field';

/** A moderator's warning, shown when the app opens until the person says they have read it; it can be appealed once. */
export function Warnings() {
  const { me, reloadMe } = useSession();
  const warning = me.warnings[0];
  const [, acknowledge] = useMutation(AcknowledgeWarningDoc);
  const [, appeal] = useMutation(AppealDecisionDoc);
  const [appealing, setAppealing] = useState(false);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string[] | undefined>();
  const [error, setError] = useState('');
  const [sent, setSent] = useState('');
  if (!warning) return null;

  async function onAcknowledge() {
    const result = await acknowledge({ input: { warningId: warning.id } });
    if (result.error) setError(errorMessage(result.error));
    else {
      setSent('');
      setAppealing(false);
      await reloadMe();
    }
  }

  async function onAppeal(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      setTextError(['Say why the warning was wrong.']);
      return;
    }
    const result = await appeal({ input: { actionId: warning.id, text: text.trim() } });
    if (result.data) {
      setSent(result.data.appealDecision.confirmation);
      setAppealing(false);
      return;
    }
    const fields = fieldErrors(result.error);
    setTextError(fields.text);
    setError(fields.text ? '' : errorMessage(result.error));
  }

  return (
    <section className="warning-banner" aria-labelledby="warning-title">
      <h2 id="warning-title">A moderator has warned you</h2>
      <p>{warning.reason}</p>
      <p className="hint">
        Given <time dateTime={warning.createdAt}>{new Date(warning.createdAt).toLocaleDateString()}</time>. Friender is for
        making friends: keep to what the people you meet would welcome.
      </p>
      {sent && <p role="status">{sent}</p>}
      <Alert>{error}</Alert>
      {appealing ? (
        <form onSubmit={(event) => void onAppeal(event)} noValidate aria-label="Appeal the warning">
          <div className="field">
            <label htmlFor="warning-appeal">Why was the warning wrong?</label>
            <textarea
              id="warning-appeal"
              rows={3}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={textError ? true : undefined}
              aria-describedby={describedBy(textError && 'warning-appeal-error')}
            />
            <FieldError id="warning-appeal-error" messages={textError} />
          </div>
          <div className="actions">
            <button type="submit">Send appeal</button>
            <button type="button" className="ghost" onClick={() => setAppealing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void onAcknowledge()}>
            I understand
          </button>
          {!warning.appealed && !sent && (
            <button type="button" onClick={() => setAppealing(true)}>
              Appeal
            </button>
          )}
        </div>
      )}
    </section>
  );
}
