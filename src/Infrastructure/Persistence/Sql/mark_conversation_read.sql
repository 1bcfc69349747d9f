-- markConversationRead: mark the sender's unread messages in the match read up to $3, and tell the sender only when
-- something was marked (a kept live event: publish_live_event). Returns how many were, and the event's position (NULL
-- when nothing was marked).
-- $1 match id, $2 sender id (the other person), $3 read at, $4 channel, $5 notification payload
WITH marked AS (
    UPDATE messages SET read_at = $3
    WHERE match_id = $1 AND sender_id = $2 AND read_at IS NULL AND sent_at <= $3
    RETURNING 1
), counted AS (
    SELECT count(*)::int AS marked FROM marked
)
SELECT marked, (SELECT publish_live_event($4, $5::jsonb) WHERE counted.marked > 0) FROM counted
