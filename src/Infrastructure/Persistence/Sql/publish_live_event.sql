-- A kept live event inside the caller's transaction (Functions/publish_live_event.sql): numbered, journaled, notified.
-- $1 channel, $2 payload
SELECT publish_live_event($1, $2::jsonb)
