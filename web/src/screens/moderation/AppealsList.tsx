import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../../components/Field';
import { errorMessage } from '../../lib/errors';
import { href } from '../../lib/router';
import type { ModerationAppealsQuery } from '../../gql/graphql';
import { ACTION_LABELS, when } from './labels';
import { AnswerAppealDoc, ModerationAppealsDoc } from './operations';

type OpenAppeal = ModerationAppealsQuery['moderationAppeals'][number];

/** Appeals nobody has answered, oldest first; granting one against a suspension or ban lifts it. */
export function AppealsList() {
  const [{ data, error, fetching }, reload] = useQuery({ query: ModerationAppealsDoc, requestPolicy: 'network-only' });
  if (fetching && !data) return <p role="status">Loading appeals…</p>;
  if (error && !data) return <Alert>{errorMessage(error)}</Alert>;
  const appeals = data?.moderationAppeals ?? [];
  return (
    <>
      <h2>Open appeals</h2>
      {appeals.length === 0 ? (
        <p>No open appeals.</p>
      ) : (
        <ul className="reports">
          {appeals.map((appeal) => (
            <AppealItem key={appeal.id} appeal={appeal} onDone={() => reload({ requestPolicy: 'network-only' })} />
          ))}
        </ul>
      )}
    </>
  );
}

function AppealItem({ appeal, onDone }: { appeal: OpenAppeal; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [{ fetching }, answer] = useMutation(AnswerAppealDoc);
  const id = `appeal-${appeal.id}`;

  async function decide(grant: boolean) {
    if (!reason.trim()) {
      setError('Say why: every answer is recorded with its reason.');
      return;
    }
    const result = await answer({ input: { appealId: appeal.id, grant, reason: reason.trim() } });
    if (result.error) setError(errorMessage(result.error));
    else onDone();
  }

  return (
    <li>
      <p>
        Against <a href={href({ name: 'moderation', userId: appeal.userId })}>{ACTION_LABELS[appeal.action.kind].toLowerCase()}</a>{' '}
        ({appeal.action.reason}), sent <time dateTime={appeal.createdAt}>{when(appeal.createdAt)}</time>:
      </p>
      <blockquote>{appeal.text}</blockquote>
      <div className="field">
        <label htmlFor={id}>Your answer</label>
        <textarea id={id} rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <Alert>{error}</Alert>
      <div className="actions">
        <button type="button" className="primary" disabled={fetching} onClick={() => void decide(true)}>
          Grant
        </button>
        <button type="button" disabled={fetching} onClick={() => void decide(false)}>
          Refuse
        </button>
      </div>
    </li>
  );
}
