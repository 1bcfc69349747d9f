-- swipe, in one round trip: record the answer and, for a YES, return when the other person said yes to the swiper
-- (null when they have not). A YES first takes a transaction-scoped advisory lock on the pair, so when two people say
-- yes to each other at the same instant the second waits for the first to commit, and its check (a new snapshot, as
-- every statement of a plpgsql function in READ COMMITTED) sees the first yes. The unique pair index on matches still
-- guarantees one match whatever happens. recorded is false when the swiper had already answered.
-- Answers: 0 = NO, 1 = YES (SwipeDecision).
CREATE OR REPLACE FUNCTION record_swipe(swiper uuid, target uuid, answer smallint, answered_at timestamptz)
RETURNS TABLE (recorded boolean, their_yes_at timestamptz)
LANGUAGE plpgsql VOLATILE ROWS 1 AS $$
BEGIN
    IF answer = 1 THEN
        PERFORM pg_advisory_xact_lock(
            hashtextextended(least(swiper, target)::text || greatest(swiper, target)::text, 0));
    END IF;

    INSERT INTO swipes (swiper_id, target_id, decision, created_at)
    VALUES (swiper, target, answer, answered_at)
    ON CONFLICT (swiper_id, target_id) DO NOTHING;
    IF NOT FOUND THEN
        RETURN QUERY SELECT false, NULL::timestamptz;
        RETURN;
    END IF;

    RETURN QUERY SELECT true, (
        SELECT s.created_at FROM swipes s
        WHERE answer = 1 AND s.swiper_id = target AND s.target_id = swiper AND s.decision = 1);
END
$$;
