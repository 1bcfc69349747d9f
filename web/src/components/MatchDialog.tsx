import { useEffect, useRef } from 'react';
import type { NewMatch } from '../lib/session';
import { href } from '../lib/router';
import { Avatar } from './Avatar';

/** "It's a match!": a modal dialog that keeps focus inside until it is closed (Escape closes it too). */
export function MatchDialog({ match, onClose }: { match: NewMatch | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (match && !dialog.open) dialog.showModal();
    if (!match && dialog.open) dialog.close();
  }, [match]);

  return (
    <dialog ref={ref} className="match-dialog" aria-labelledby="match-title" onClose={onClose}>
      {match && (
        <>
          <Avatar name={match.user.displayName} url={match.user.photos[0]?.url} size="large" />
          <h2 id="match-title">It's a match!</h2>
          <p>You and {match.user.displayName} both said yes. Say hello while it's fresh.</p>
          <div className="actions">
            <a className="button primary" href={href({ name: 'chat', matchId: match.id })} onClick={onClose}>
              Send a message
            </a>
            <button type="button" className="secondary" onClick={onClose}>
              Keep browsing
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
