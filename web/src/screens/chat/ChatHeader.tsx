import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Avatar } from '../../components/Avatar';
import { Alert } from '../../components/Field';
import { ReportDialog } from '../../components/ReportDialog';
import type { ChatMatchQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { href, navigate } from '../../lib/router';
import { BlockUserDoc, UnmatchDoc } from './operations';

type Match = ChatMatchQuery['match'];

/** Back to matches, the other person (their name and avatar lead to their profile), and unmatch, block and report. */
export function ChatHeader({ matchId, match }: { matchId: string; match: Match | null }) {
  const [reporting, setReporting] = useState(false);
  const [error, setError] = useState('');
  const reportButton = useRef<HTMLButtonElement>(null);
  const [, unmatch] = useMutation(UnmatchDoc);
  const [, blockUser] = useMutation(BlockUserDoc);

  async function end(confirmText: string, act: () => Promise<{ error?: Parameters<typeof errorMessage>[0] }>) {
    if (!window.confirm(confirmText)) return;
    const result = await act();
    if (result.error) setError(errorMessage(result.error));
    else navigate({ name: 'matches' });
  }

  return (
    <>
      <div className="chat-header">
        <a className="back" href={href({ name: 'matches' })} aria-label="Back to matches">
          ‹
        </a>
        {match && (
          <a className="chat-person" href={href({ name: 'matchProfile', matchId })} aria-label={`${match.user.displayName}'s profile`}>
            <Avatar name={match.user.displayName} url={match.user.photos[0]?.url} />
          </a>
        )}
        <h1 id="screen-title" tabIndex={-1}>
          {match ? <a href={href({ name: 'matchProfile', matchId })}>{match.user.displayName}</a> : 'Chat'}
        </h1>
        {match && (
          <div className="chat-tools">
            <button
              type="button"
              className="ghost"
              onClick={() =>
                void end(`Unmatch ${match.user.displayName}? The conversation ends for both of you.`, () => unmatch({ input: { matchId } }))
              }
            >
              Unmatch
            </button>
            <button
              type="button"
              className="ghost danger"
              onClick={() =>
                void end(`Block ${match.user.displayName}? You will never see each other again.`, () => blockUser({ input: { userId: match.user.id } }))
              }
            >
              Block
            </button>
            <button type="button" ref={reportButton} className="ghost danger" aria-haspopup="dialog" onClick={() => setReporting(true)}>
              Report
            </button>
          </div>
        )}
      </div>
      <Alert>{error}</Alert>
      {match && (
        <ReportDialog
          open={reporting}
          userId={match.user.id}
          name={match.user.displayName}
          onClose={() => {
            setReporting(false);
            reportButton.current?.focus();
          }}
          onReported={(blocked) => {
            setReporting(false);
            // A block ended the match: the conversation is gone. Otherwise the chat stays as it was.
            if (blocked) navigate({ name: 'matches' });
            else reportButton.current?.focus();
          }}
        />
      )}
    </>
  );
}
