import { useState } from 'react';
import {
  turnOffDesktopNotifications,
  turnOnDesktopNotifications,
  useDesktopNotifications,
} from '../../lib/desktopNotifications';

/** Desktop notifications are asked for here and only here: a browser's permission prompt never greets anyone on load. */
export function NotificationsSection() {
  const state = useDesktopNotifications();
  const [asking, setAsking] = useState(false);

  return (
    <section className="settings-section" aria-labelledby="settings-notifications-title">
      <h2 id="settings-notifications-title">Notifications</h2>
      <p>
        New messages show at the bottom of any screen while Friender is open. With desktop notifications on, your
        computer also tells you when Friender is open in a tab you are not looking at.
      </p>
      {state === 'unsupported' ? (
        <p>This browser cannot show desktop notifications.</p>
      ) : state === 'blocked' ? (
        <p>
          Desktop notifications are blocked for Friender in this browser. To get them, allow notifications for this site
          in the browser&apos;s site settings, then come back here.
        </p>
      ) : (
        <div className="actions">
          {state === 'on' ? (
            <button type="button" onClick={turnOffDesktopNotifications}>
              Turn off desktop notifications
            </button>
          ) : (
            <button
              type="button"
              disabled={asking}
              onClick={() => {
                setAsking(true);
                void turnOnDesktopNotifications().finally(() => setAsking(false));
              }}
            >
              Turn on desktop notifications
            </button>
          )}
        </div>
      )}
      <p role="status" className="status-line">
        {state === 'on' ? 'Desktop notifications are on.' : ''}
      </p>
    </section>
  );
}
