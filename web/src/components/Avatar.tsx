import { useState } from 'react';
import { initials } from '../lib/format';

/** A round photo, or the person's initials when there is no photo or it failed to load. Decorative: names are always shown beside it. */
export function Avatar({ name, url, size = 'medium' }: { name: string; url?: string; size?: 'medium' | 'large' }) {
  const [failed, setFailed] = useState(false);
  return (
    <span className={`avatar avatar-${size}`} aria-hidden="true">
      {url && !failed ? <img src={url} alt="" onError={() => setFailed(true)} /> : initials(name)}
    </span>
  );
}
