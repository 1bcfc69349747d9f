-- A live event about stored data (a message, a match, a read receipt, an ended match), called in the transaction that
-- stores the data: it takes the next position in its recipient's sequence (the head row stays locked until commit, so
-- one person's events commit in the order of their positions and a replay after position N misses none), keeps the
-- event for replay, and NOTIFYs every API replica with the position added as "s". Returns the position.
-- channel: the NOTIFY channel, or NULL when the API sends the event itself after commit (Redis fan-out).
-- event: RealtimeChannel's wire payload ({"k": kind, "r": recipient, ...}).
CREATE OR REPLACE FUNCTION publish_live_event(channel text, event jsonb)
RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    recipient uuid := (event->>'r')::uuid;
    taken bigint;
BEGIN
    INSERT INTO live_event_heads AS head (user_id, last_position, pruned_through) VALUES (recipient, 1, 0)
    ON CONFLICT (user_id) DO UPDATE SET last_position = head.last_position + 1
    RETURNING head.last_position INTO taken;

    INSERT INTO live_events (recipient_id, position, event) VALUES (recipient, taken, event);
    IF channel IS NOT NULL THEN
        PERFORM pg_notify(channel, jsonb_set(event, '{s}', to_jsonb(taken))::text);
    END IF;
    RETURN taken;
END
$$;
