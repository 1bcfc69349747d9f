import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, FieldError, describedBy } from './Field';
import { useMutation } from 'urql';
import { errorCode, errorMessage, fieldErrors } from '../lib/errors';
import { ReportUserDoc } from '../operations';
import { ErrorCode, Limits } from '../lib/contract';

const MAX_REASON = Limits.reportReasonMaxLength;

/**
 * "Report": a modal dialog with a "Reason" (1-1000 characters). reportUser also blocks, so on success the caller
 * leaves the conversation the way Block does. Escape or "Cancel" closes it and focus returns to the opener.
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
  onReported: () => void;
}) {
  const [, reportUser] = useMutation(ReportUserDoc);
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const [general, setGeneral] = useState('');
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReasonError(undefined);
      setGeneral('');
      dialog.showModal();
      // Straight to the one thing the dialog asks for.
      dialog.querySelector<HTMLTextAreaElement>('#report-reason')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const text = reason.trim();
    setGeneral('');
    if (!text || text.length > MAX_REASON) {
      setReasonError([text ? `Use at most ${MAX_REASON.toLocaleString()} characters.` : 'Tell us what happened.']);
      document.getElementById('report-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    setSending(true);
    const result = await reportUser({ input: { userId, reason: text } });
    setSending(false);
    if (result.data) {
      setReason('');
      onReported();
      return;
    }
    const fields = errorCode(result.error) === ErrorCode.BadUserInput ? fieldErrors(result.error) : {};
    if (fields.reason) {
      setReasonError(fields.reason);
      document.getElementById('report-reason')?.focus();
    } else {
      setGeneral(errorMessage(result.error));
    }
  }

  return (
    <dialog ref={ref} className="report-dialog" aria-labelledby="report-title" onClose={onClose}>
      {open && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <h2 id="report-title">Report {name}</h2>
          <p>Moderators read reports; {name} is not told who sent it. Reporting also blocks {name}.</p>
          <div className="field">
            <label htmlFor="report-reason">Reason</label>
            <textarea
              id="report-reason"
              rows={4}
              value={reason}
              maxLength={MAX_REASON}
              required
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(undefined);
              }}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={describedBy('report-reason-count', reasonError && 'report-reason-error')}
            />
            <p className="hint" id="report-reason-count">
              {reason.length} of {MAX_REASON.toLocaleString()} characters.
            </p>
            <FieldError id="report-reason-error" messages={reasonError} />
          </div>
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
      )}
    </dialog>
  );
}
