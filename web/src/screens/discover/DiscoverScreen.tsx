import { useEffect, useRef } from 'react';
import { useDrag } from '@use-gesture/react';
import { Alert } from '../../components/Field';
import { FinishProfile } from '../../components/FinishProfile';
import { PersonFacts, PhotoViewer } from '../../components/PersonDetails';
import { href } from '../../lib/router';
import { useSession } from '../../lib/session';
import type { DiscoverQuery, SwipeDecision } from '../../gql/graphql';
import { useDeck } from './useDeck';
import { Limits } from '../../lib/contract';

type Candidate = DiscoverQuery['discover']['nodes'][number];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function DiscoverScreen() {
  const { me, showMatch } = useSession();
  const atWidest = (me.profile?.friendRadiusMiles ?? 0) >= Limits.maxFriendRadiusMiles;
  const { current, loading, error, incomplete, busy, answered, load, answer } = useDeck(me.profileComplete, showMatch);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === 'ArrowRight') {
        event.preventDefault();
        void answer('YES');
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        void answer('NO');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [answer]);

  return (
    <section className="screen discover" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        Discover
      </h1>
      <p className="visually-hidden" role="status">
        {answered}
      </p>
      {incomplete ? (
        <FinishProfile reason="so we can find people near you" />
      ) : loading && !current ? (
        <p role="status" className="loading">
          Looking for people nearby…
        </p>
      ) : current ? (
        <>
          <CandidateCard key={current.id} candidate={current} onSwipe={(decision) => void answer(decision)} />
          <Alert>{error}</Alert>
          <div className="swipe-actions" role="group" aria-label={`Answer ${current.displayName}`}>
            <button type="button" className="no" disabled={busy} onClick={() => void answer('NO')} aria-keyshortcuts="ArrowLeft">
              <span aria-hidden="true">✕ </span>No
            </button>
            <button type="button" className="yes" disabled={busy} onClick={() => void answer('YES')} aria-keyshortcuts="ArrowRight">
              <span aria-hidden="true">♥ </span>Yes
            </button>
          </div>
          <p className="hint center">Keyboard: ← for No, → for Yes.</p>
        </>
      ) : error ? (
        <div className="empty">
          <Alert>{error}</Alert>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : (
        <div className="empty">
          <h2>Nobody new nearby yet</h2>
          {atWidest ? (
            <p>
              Nobody else within {Limits.maxFriendRadiusMiles} miles is here for you right now, the widest radius there
              is. New people join every day: check back later.
            </p>
          ) : (
            <p>
              You have seen everyone within your friend radius. Check back later, or widen your radius in{' '}
              <a href={href({ name: 'profile' })}>your profile</a>.
            </p>
          )}
          <button type="button" onClick={() => void load()}>
            Check again
          </button>
        </div>
      )}
    </section>
  );
}

/** How far (a share of the card's width) a drag must go to count as an answer when it is not a quick flick. */
const SWIPE_SHARE = 0.3;

/**
 * Dragging the card sideways on touch answers like the buttons: right for yes, left for no. The card follows the
 * finger through a CSS variable set on the element (the CSP allows no inline style sheets), and springs back when let
 * go short of the line; vertical moves stay with the browser, so a long card still scrolls.
 */
function useSwipe(onSwipe: (decision: SwipeDecision) => void) {
  const card = useRef<HTMLElement>(null);
  const bind = useDrag(
    ({ active, movement: [dx], swipe: [flick], tap }) => {
      const element = card.current;
      if (!element || tap) return;
      const width = element.offsetWidth || 1;
      const decided = !active && (flick !== 0 || Math.abs(dx) > width * SWIPE_SHARE);
      element.style.setProperty('--drag-x', `${active || decided ? dx : 0}px`);
      element.dataset.leaning = Math.abs(dx) < 24 ? '' : dx > 0 ? 'yes' : 'no';
      element.classList.toggle('dragging', active);
      if (decided) onSwipe((flick || dx) > 0 ? 'YES' : 'NO');
    },
    { axis: 'x', filterTaps: true, pointer: { keys: false } },
  );
  return { card, bind };
}

function CandidateCard({ candidate, onSwipe }: { candidate: Candidate; onSwipe: (decision: SwipeDecision) => void }) {
  const { card, bind } = useSwipe(onSwipe);
  return (
    <article className="card" aria-labelledby="candidate-name" ref={card} {...bind()}>
      <p className="swipe-stamp yes" aria-hidden="true">
        Yes
      </p>
      <p className="swipe-stamp no" aria-hidden="true">
        No
      </p>
      <PhotoViewer person={candidate} />
      {/* Scrolls on its own when a profile is long, so the card and its answers always fit the screen. */}
      <div className="card-body" tabIndex={0} role="group" aria-labelledby="candidate-name">
        <h2 id="candidate-name">{candidate.displayName}</h2>
        <PersonFacts person={candidate} />
      </div>
    </article>
  );
}
