-- Retention of kept live events (Domain: LiveEventRetention.Keeps): an event goes once it is older than the minimum
-- age AND at least the minimum count of its recipient's events are newer; the head remembers the last position pruned
-- so that a cursor before it gets RESYNC_REQUIRED. At most $3 events per call, so one call holds few locks.
-- Returns how many went.
-- $1 minimum age (an interval, against the database's clock, which stamps the events), $2 minimum count, $3 batch size
WITH doomed AS (
    SELECT event.recipient_id, event.position
    FROM live_events event
    JOIN live_event_heads head ON head.user_id = event.recipient_id
    WHERE event.occurred_at < now() - $1::interval AND head.last_position - event.position >= $2
    LIMIT $3
), pruned AS (
    DELETE FROM live_events event USING doomed
    WHERE event.recipient_id = doomed.recipient_id AND event.position = doomed.position
    RETURNING event.recipient_id, event.position
), advanced AS (
    UPDATE live_event_heads head SET pruned_through = GREATEST(head.pruned_through, last_pruned.position)
    FROM (SELECT recipient_id, max(position) AS position FROM pruned GROUP BY recipient_id) last_pruned
    WHERE head.user_id = last_pruned.recipient_id
    RETURNING 1
)
SELECT count(*)::int FROM pruned
