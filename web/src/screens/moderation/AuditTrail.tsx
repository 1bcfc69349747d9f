import { useQuery } from 'urql';
import { Alert } from '../../components/Field';
import { errorMessage } from '../../lib/errors';
import { href } from '../../lib/router';
import { ACTION_LABELS, when } from './labels';
import { ModerationAuditTrailDoc } from './operations';

/** Every moderator action, newest first, as the append-only audit trail keeps it. */
export function AuditTrail() {
  const [{ data, error, fetching }] = useQuery({ query: ModerationAuditTrailDoc, requestPolicy: 'network-only' });
  if (fetching && !data) return <p role="status">Loading the audit trail…</p>;
  if (error && !data) return <Alert>{errorMessage(error)}</Alert>;
  const actions = data?.moderationAuditTrail ?? [];
  return (
    <>
      <h2>Audit trail</h2>
      {actions.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="audit">
            <caption className="visually-hidden">Moderator actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Moderator</th>
                <th scope="col">Action</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((action) => (
                <tr key={action.id}>
                  <td>
                    <time dateTime={action.createdAt}>{when(action.createdAt)}</time>
                  </td>
                  <td>@{action.moderatorUsername}</td>
                  <td>
                    <a href={href({ name: 'moderation', userId: action.subjectId })}>{ACTION_LABELS[action.kind]}</a>
                    {action.until && <> until {when(action.until)}</>}
                    {action.granted != null && (action.granted ? ' (granted)' : ' (refused)')}
                    {action.reportIds.length > 0 && <> ({action.reportIds.length} report{action.reportIds.length === 1 ? '' : 's'})</>}
                  </td>
                  <td>{action.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
