import { href } from '../lib/router';

/** What a screen that needs a complete profile shows instead, with the way to complete it. */
export function FinishProfile({ reason }: { reason: string }) {
  return (
    <div className="empty">
      <h2>Finish your profile first</h2>
      <p>Add your hobbies, interests, ZIP code and friend radius {reason}.</p>
      <a className="button primary" href={href({ name: 'profile' })}>
        Edit profile
      </a>
    </div>
  );
}
