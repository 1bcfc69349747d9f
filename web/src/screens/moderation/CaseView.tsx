import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, FieldError, describedBy } from '../../components/Field';
import type { ModerationActionKind, ModerationCaseQuery } from '../../gql/graphql';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { href } from '../../lib/router';
import { ACTION_LABELS, categoryLabel, when } from './labels';
import { ModerateDoc, ModerationCaseDoc } from './operations';

type Case = ModerationCaseQuery['moderationCase'];

/** One reported person: what they show, every report with its evidence, what was done before, and the actions. */
export function CaseView({ userId }: { userId: string }) {
  const [{ data, error, fetching }, reload] = useQuery({ query: ModerationCaseDoc, variables: { userId }, requestPolicy: 'network-only' });
  const entry = data?.moderationCase;
  const refresh = () => reload({ requestPolicy: 'network-only' });
  return (
    <section className="screen moderation" aria-labelledby="screen-title">
      <p>
        <a href={href({ name: 'moderation' })}>Back to the queue</a>
      </p>
      <h1 id="screen-title" tabIndex={-1}>
        {entry ? entry.displayName ?? 'Deleted account' : 'Case'}
      </h1>
      {fetching && !entry && <p role="status">Loading the case…</p>}
      {error && !entry && <Alert>{errorMessage(error)}</Alert>}
      {entry && (
        <>
          <Person entry={entry} />
          {entry.username && <ActionForm entry={entry} onDone={refresh} />}
          <Reports entry={entry} />
          <History entry={entry} />
        </>
      )}
    </section>
  );
}

function Person({ entry }: { entry: Case }) {
  return (
    <section aria-labelledby="person-title">
      <h2 id="person-title">Profile</h2>
      <dl className="facts">
        <dt>Username</dt>
        <dd>{entry.username ? `@${entry.username}` : 'The account has been deleted; its reports stay as evidence.'}</dd>
        {entry.accountCreatedAt && (
          <>
            <dt>Joined</dt>
            <dd>{when(entry.accountCreatedAt)}</dd>
          </>
        )}
        <dt>Standing</dt>
        <dd>
          {entry.suspension
            ? entry.suspension.until
              ? `Suspended until ${when(entry.suspension.until)}: ${entry.suspension.reason}`
              : `Banned: ${entry.suspension.reason}`
            : entry.hidden
              ? 'Hidden from decks by reports, until you decide'
              : 'In good standing'}
        </dd>
        {entry.bio && (
          <>
            <dt>Bio</dt>
            <dd>{entry.bio}</dd>
          </>
        )}
        <dt>Hobbies</dt>
        <dd>{entry.hobbies.join(', ') || 'None'}</dd>
        <dt>Interests</dt>
        <dd>{entry.interests.join(', ') || 'None'}</dd>
      </dl>
      {entry.photos.length > 0 && (
        <ul className="moderation-photos">
          {entry.photos.map((photo, index) => (
            <li key={photo.id}>
              <img src={photo.url} alt={`${entry.displayName ?? "Their"} ${index + 1} of ${entry.photos.length}`} />
              {photo.hidden && <span className="tag">Hidden by reports</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Reports({ entry }: { entry: Case }) {
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">Reports ({entry.reports.length})</h2>
      {entry.reports.length === 0 && <p>No reports.</p>}
      <ul className="reports">
        {entry.reports.map((report) => (
          <li key={report.id} className={report.resolvedAt ? 'decided' : 'open'}>
            <p>
              <strong>{categoryLabel(report.category)}</strong> from {report.reporterName ?? 'a deleted account'},{' '}
              <time dateTime={report.createdAt}>{when(report.createdAt)}</time>
              {report.counts ? ' (had met them)' : ' (had not met them: does not count toward hiding)'}
              {report.resolvedAt ? `; decided ${when(report.resolvedAt)}` : '; open'}
            </p>
            {report.reason && <blockquote>{report.reason}</blockquote>}
            {report.photoId &&
              (report.photo ? (
                <>
                  <img className="evidence-photo" src={report.photo.url} alt="What was reported" />
                  {report.photo.deleted && <p className="hint">Deleted by its owner; this is the copy kept with the report.</p>}
                </>
              ) : (
                <p className="hint">The reported photo is gone: its copy is erased 180 days after the decision.</p>
              ))}
            {report.conversation.length > 0 && (
              <ol className="evidence" aria-label="The reported message and the messages around it">
                {report.conversation.map((message) => (
                  <li key={message.id} className={message.isReported ? 'reported' : undefined}>
                    <span className="hint">{message.fromReportedPerson ? entry.displayName ?? 'Them' : 'Reporter'}: </span>
                    {message.body}
                    {message.isReported && <span className="tag"> Reported</span>}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ entry }: { entry: Case }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">Earlier actions and appeals</h2>
      {entry.actions.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {entry.actions.map((action) => (
            <li key={action.id}>
              {ACTION_LABELS[action.kind]} by @{action.moderatorUsername}, <time dateTime={action.createdAt}>{when(action.createdAt)}</time>:{' '}
              {action.reason}
            </li>
          ))}
        </ul>
      )}
      {entry.appeals.map((appeal) => (
        <p key={appeal.id}>
          Appeal against &ldquo;{ACTION_LABELS[appeal.action.kind]}&rdquo;: {appeal.text}{' '}
          {appeal.answeredAt ? (appeal.granted ? '(granted)' : '(refused)') : '(open: answer it under Appeals)'}
        </p>
      ))}
    </section>
  );
}

const ACTIONS: { value: ModerationActionKind; label: string }[] = [
  { value: 'DISMISS', label: 'Dismiss the reports' },
  { value: 'WARN', label: 'Warn' },
  { value: 'SUSPEND', label: 'Suspend' },
  { value: 'BAN', label: 'Ban' },
  { value: 'REMOVE_PHOTO', label: 'Remove a photo' },
  { value: 'LIFT', label: 'Lift the suspension or ban' },
];

const DURATIONS = [
  { days: 1, label: '1 day' },
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
];

function ActionForm({ entry, onDone }: { entry: Case; onDone: () => void }) {
  const [action, setAction] = useState<ModerationActionKind>('DISMISS');
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(7);
  const [photoId, setPhotoId] = useState(entry.photos[0]?.id ?? '');
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [{ fetching }, moderate] = useMutation(ModerateDoc);
  const available = ACTIONS.filter((item) =>
    item.value === 'LIFT' ? Boolean(entry.suspension) : item.value === 'REMOVE_PHOTO' ? entry.photos.length > 0 : true,
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(['Say why: every action is recorded with its reason.']);
      document.getElementById('moderate-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    setError('');
    const result = await moderate({
      input: {
        userId: entry.userId,
        action,
        reason: reason.trim(),
        until: action === 'SUSPEND' ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
        photoId: action === 'REMOVE_PHOTO' ? photoId : null,
      },
    });
    if (result.data) {
      setDone(`${ACTIONS.find((item) => item.value === action)?.label ?? action}: done, and on the audit trail.`);
      setReason('');
      onDone();
      return;
    }
    const fields = fieldErrors(result.error);
    setReasonError(fields.reason);
    setError(fields.reason ? '' : errorMessage(result.error));
  }

  return (
    <form className="moderate" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="moderate-title">
      <h2 id="moderate-title">Decide</h2>
      <div className="field">
        <label htmlFor="moderate-action">Action</label>
        <select id="moderate-action" value={action} onChange={(e) => setAction(e.target.value as ModerationActionKind)}>
          {available.map((item) => (
            <option key={item.value} value={item.value}>
              {item.label}
            </option>
          ))}
        </select>
      </div>
      {action === 'SUSPEND' && (
        <div className="field">
          <label htmlFor="moderate-days">For</label>
          <select id="moderate-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {DURATIONS.map((item) => (
              <option key={item.days} value={item.days}>
                {item.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {action === 'REMOVE_PHOTO' && (
        <div className="field">
          <label htmlFor="moderate-photo">Photo</label>
          <select id="moderate-photo" value={photoId} onChange={(e) => setPhotoId(e.target.value)}>
            {entry.photos.map((photo, index) => (
              <option key={photo.id} value={photo.id}>
                Photo {index + 1}
                {photo.hidden ? ' (hidden by reports)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="moderate-reason">Reason</label>
        <textarea
          id="moderate-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={describedBy('moderate-reason-hint', reasonError && 'moderate-reason-error')}
        />
        <p className="hint" id="moderate-reason-hint">
          Recorded on the audit trail; the person sees it when warned, suspended or banned.
        </p>
        <FieldError id="moderate-reason-error" messages={reasonError} />
      </div>
      <Alert>{error}</Alert>
      <p role="status">{done}</p>
      <div className="actions">
        <button type="submit" className={action === 'BAN' || action === 'SUSPEND' ? 'danger' : 'primary'} disabled={fetching}>
          {ACTIONS.find((item) => item.value === action)?.label ?? 'Decide'}
        </button>
      </div>
    </form>
  );
}
