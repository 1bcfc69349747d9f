-- logIn, before the password is checked: count one attempt against the account and the client address together, in
-- fixed windows; a window older than the throttle's window starts again at 1. Returns each key's window and count.
-- $1 now, $2 windows started at or before this are stale, $3 the two keys ('account:…', 'address:…')
INSERT INTO login_attempt_windows AS w (key, window_started_at, attempts)
SELECT k, $1::timestamptz, 1 FROM unnest($3::text[]) AS k
ON CONFLICT (key) DO UPDATE SET
    attempts = CASE WHEN w.window_started_at <= $2::timestamptz THEN 1 ELSE w.attempts + 1 END,
    window_started_at = CASE WHEN w.window_started_at <= $2::timestamptz THEN $1::timestamptz ELSE w.window_started_at END
RETURNING w.key, w.window_started_at, w.attempts
