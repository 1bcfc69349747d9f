import { useState } from 'react';
import { useQuery } from 'urql';
import { Alert } from '../../components/Field';
import { errorMessage } from '../../lib/errors';
import { href } from '../../lib/router';
import { AuditTrail } from './AuditTrail';
import { CaseView } from './CaseView';
import { AppealsList } from './AppealsList';
import { ModerationQueueDoc } from './operations';

type Tab = 'queue' | 'appeals' | 'audit';

/**
 * The moderation console, for moderators only (the API refuses everyone else; this code loads only when a moderator
 * opens it). The queue of reported people, one person's case with the actions, open appeals, and the audit trail.
 */
export default function ModerationScreen({ userId }: { userId?: string }) {
  if (userId) return <CaseView key={userId} userId={userId} />;
  return <Console />;
}

function Console() {
  const [tab, setTab] = useState<Tab>('queue');
  const tabs: { id: Tab; label: string }[] = [
    { id: 'queue', label: 'Queue' },
    { id: 'appeals', label: 'Appeals' },
    { id: 'audit', label: 'Audit trail' },
  ];
  return (
    <section className="screen moderation" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Moderation
      </h1>
      <div className="segmented" role="group" aria-label="Show">
        {tabs.map((item) => (
          <button key={item.id} type="button" aria-pressed={tab === item.id} onClick={() => setTab(item.id)}>
            {item.label}
          </button>
        ))}
      </div>
      {tab === 'queue' && <Queue />}
      {tab === 'appeals' && <AppealsList />}
      {tab === 'audit' && <AuditTrail />}
    </section>
  );
}

function Queue() {
  const [{ data, error, fetching }, reload] = useQuery({ query: ModerationQueueDoc, requestPolicy: 'network-only' });
  if (fetching && !data) return <p role="status">Loading the queue…</p>;
  if (error && !data)
    return (
      <div>
        <Alert>{errorMessage(error)}</Alert>
        <button type="button" onClick={() => reload({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      </div>
    );
  const entries = data?.moderationQueue ?? [];
  return (
    <>
      <h2>Reported people</h2>
      {entries.length === 0 ? (
        <p>Nothing to review. Reports appear here, the most reported first.</p>
      ) : (
        <ul className="queue">
          {entries.map((entry) => (
            <li key={entry.userId}>
              <a className="queue-row" href={href({ name: 'moderation', userId: entry.userId })}>
                <span className="match-name">
                  {entry.displayName ?? 'Deleted account'}
                  {entry.username && <span className="hint"> @{entry.username}</span>}
                </span>
                <span>
                  {entry.openReports} open report{entry.openReports === 1 ? '' : 's'}, {entry.countingReporters} from people who met
                  them
                </span>
                <span>
                  {entry.suspended && <span className="tag">Suspended</span>} {entry.hidden && <span className="tag">Hidden</span>}{' '}
                  <time dateTime={entry.latestReportAt}>{new Date(entry.latestReportAt).toLocaleString()}</time>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
