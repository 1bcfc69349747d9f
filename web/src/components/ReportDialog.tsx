import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, FieldError, describedBy } from './Field';
import { useMutation } from 'urql';
import { errorCode, errorMessage, fieldErrors } from '../lib/errors';
import { ReportUserDoc } from '../operations';
import { ErrorCode, Limits } from '../lib/contract';
import type { ReportCategory } from '../gql/graphql';

const MAX_REASON = Limits.reportReasonMaxLength;

export const CATEGORIES: { value: ReportCategory; label: string }[] = [
  { value: 'HARASSMENT', label: 'Harassment or threats' },
  { value: 'SPAM_OR_SCAM', label: 'Spam or a scam' },
  { value: 'FAKE_PROFILE', label: 'A fake profile' },
  { value: 'INAPPROPRIATE_PHOTO', label: 'An inappropriate photo' },
  { value: 'UNDERAGE', label: 'Someone under 18' },
  { value: 'OTHER', label: 'Something else' },
];

/**
 * "Report": a modal dialog asking what happened (a category), optional details (needed for "Something else"), and
 * whether to block as well (checked to begin with). The API's confirmation is shown before it closes; after a block
 * the caller leaves the conversation the way Block does. Escape or "Cancel" closes it and focus returns to the opener.
 */
export function ReportDialog({
  open,
  userId,
  name,
  onClose,
  onReported,
}: {
  open: boolean;
  userId: string;
  name: string;
  onClose: () => void;
  onReported: (blocked: boolean) => void;
}) {
  const [, reportUser] = useMutation(ReportUserDoc);
  const ref = useRef<HTMLDialogElement>(null);
  const [category, setCategory] = useState<ReportCategory | null>(null);
  const [reason, setReason] = useState('');
  const [block, setBlock] = useState(true);
  const [errors, setErrors] = useState<{ category?: string[]; reason?: string[] }>({});
  const [general, setGeneral] = useState('');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ confirmation: string; blocked: boolean } | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setErrors({});
      setGeneral('');
      setDone(null);
      dialog.showModal();
      // Straight to the first thing the dialog asks.
      dialog.querySelector<HTMLInputElement>('input[name="report-category"]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (done) ref.current?.querySelector<HTMLButtonElement>('#report-done')?.focus();
  }, [done]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const text = reason.trim();
    setGeneral('');
    const found: { category?: string[]; reason?: string[] } = {};
    if (!category) found.category = ['Choose what happened.'];
    if (text.length > MAX_REASON) found.reason = [`Use at most ${MAX_REASON.toLocaleString()} characters.`];
    else if (!text && category === 'OTHER') found.reason = ['Tell us what happened.'];
    setErrors(found);
    if (found.category || found.reason) {
      ref.current?.querySelector<HTMLElement>(found.category ? 'input[name="report-category"]' : '#report-reason')?.focus();
      return;
    }
    setSending(true);
    const result = await reportUser({ input: { userId, category, reason: text || null, block } });
    setSending(false);
    if (result.data) {
      setReason('');
      setCategory(null);
      setDone({ confirmation: result.data.reportUser.confirmation, blocked: result.data.reportUser.blocked });
      return;
    }
    const fields = errorCode(result.error) === ErrorCode.BadUserInput ? fieldErrors(result.error) : {};
    if (fields.reason) {
      setErrors({ reason: fields.reason });
      document.getElementById('report-reason')?.focus();
    } else {
      setGeneral(errorMessage(result.error));
    }
  }

  return (
    <dialog ref={ref} className="report-dialog" aria-labelledby="report-title" onClose={onClose}>
      {open && done ? (
        <div>
          <h2 id="report-title">Report sent</h2>
          <p role="status">{done.confirmation}</p>
          <div className="actions">
            <button type="button" id="report-done" className="primary" onClick={() => onReported(done.blocked)}>
              Done
            </button>
          </div>
        </div>
      ) : open ? (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <h2 id="report-title">Report {name}</h2>
          <p>Moderators read reports; {name} is not told who sent it.</p>
          <fieldset className="field report-categories" aria-describedby={describedBy(errors.category && 'report-category-error')}>
            <legend>What happened?</legend>
            {CATEGORIES.map((option) => (
              <label key={option.value} className="radio">
                <input
                  type="radio"
                  name="report-category"
                  value={option.value}
                  checked={category === option.value}
                  onChange={() => {
                    setCategory(option.value);
                    setErrors((current) => ({ ...current, category: undefined }));
                  }}
                />
                {option.label}
              </label>
            ))}
            <FieldError id="report-category-error" messages={errors.category} />
          </fieldset>
          <div className="field">
            <label htmlFor="report-reason">Details</label>
            <textarea
              id="report-reason"
              rows={3}
              value={reason}
              maxLength={MAX_REASON}
              onChange={(e) => {
                setReason(e.target.value);
                setErrors((current) => ({ ...current, reason: undefined }));
              }}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={describedBy('report-reason-count', errors.reason && 'report-reason-error')}
            />
            <p className="hint" id="report-reason-count">
              {category === 'OTHER' ? 'Needed for "Something else". ' : 'Optional. '}
              {reason.length} of {MAX_REASON.toLocaleString()} characters.
            </p>
            <FieldError id="report-reason-error" messages={errors.reason} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={block} onChange={(e) => setBlock(e.target.checked)} />
            Also block {name}: you never see each other again and your match ends.
          </label>
          <Alert>{general}</Alert>
          <div className="actions">
            <button type="submit" className="primary" disabled={sending}>
              {sending ? 'Sending report…' : 'Send report'}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
