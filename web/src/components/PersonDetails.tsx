import { useState } from 'react';
import { milesAway } from '../lib/format';

/** What anyone may see of another person: the same for a card in the deck and a match's profile. */
export type Person = {
  displayName: string;
  distanceMiles: number;
  bio?: string | null;
  hobbies: string[];
  interests: string[];
  sharedHobbies: string[];
  sharedInterests: string[];
  photos: { id: string; url: string }[];
};

/** One photo at a time, with previous and next buttons when there are several. */
export function PhotoViewer({ person }: { person: Person }) {
  const [index, setIndex] = useState(0);
  const photos = person.photos;
  const photo = photos[index];
  return (
    <div className="card-photo">
      {photo ? (
        <img src={photo.url} alt={`${person.displayName}, ${index + 1} of ${photos.length}`} width={480} height={480} />
      ) : (
        <div className="no-photo" role="img" aria-label={`${person.displayName} has no photos yet`}>
          {person.displayName.slice(0, 1).toUpperCase()}
        </div>
      )}
      {photos.length > 1 && (
        <div className="photo-nav">
          <button type="button" aria-label="Previous photo" disabled={index === 0} onClick={() => setIndex((i) => Math.max(0, i - 1))}>
            ‹
          </button>
          <span aria-hidden="true">
            {index + 1} / {photos.length}
          </span>
          <button
            type="button"
            aria-label="Next photo"
            disabled={index === photos.length - 1}
            onClick={() => setIndex((i) => Math.min(photos.length - 1, i + 1))}
          >
            ›
          </button>
        </div>
      )}
    </div>
  );
}

function Tags({ title, values, shared, noun }: { title: string; values: string[]; shared: string[]; noun: string }) {
  if (!values.length) return null;
  const sharedSet = new Set(shared.map((value) => value.toLowerCase()));
  return (
    <>
      <h3>{title}</h3>
      <ul className="tags">
        {values.map((value) => {
          const isShared = sharedSet.has(value.toLowerCase());
          return (
            <li key={value} className={isShared ? 'tag shared' : 'tag'}>
              {isShared && <span aria-hidden="true">★ </span>}
              {value}
              {isShared && <span className="visually-hidden"> (you share this {noun})</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Distance, what is shared, the bio, hobbies and interests (the name is the caller's heading). */
export function PersonFacts({ person }: { person: Person }) {
  const sharedCount = person.sharedHobbies.length + person.sharedInterests.length;
  return (
    <>
      <p className="distance">{milesAway(person.distanceMiles)}</p>
      {sharedCount > 0 && (
        <p className="shared-summary">
          You have {sharedCount} thing{sharedCount === 1 ? '' : 's'} in common.
        </p>
      )}
      {person.bio && <p className="bio">{person.bio}</p>}
      <Tags title="Hobbies" values={person.hobbies} shared={person.sharedHobbies} noun="hobby" />
      <Tags title="Interests" values={person.interests} shared={person.sharedInterests} noun="interest" />
    </>
  );
}
