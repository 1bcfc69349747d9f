-- A page of one person's kept live events after a position, oldest first, each row with where the person's sequence
-- stands (last position given out, last position pruned). No row when the person never had an event; one row with a
-- null position when nothing comes after $2.
-- $1 recipient, $2 after position, $3 page size
SELECT head.last_position, head.pruned_through, kept.position, kept.event::text
FROM live_event_heads head
LEFT JOIN LATERAL (
    SELECT position, event FROM live_events
    WHERE recipient_id = head.user_id AND position > $2
    ORDER BY position
    LIMIT $3
) kept ON true
WHERE head.user_id = $1
ORDER BY kept.position
