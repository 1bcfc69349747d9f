-- swipe, in one statement and one round trip: answer about someone only when discovery could have shown them
-- (discovery_visible, the one statement of VisibilityRule) and the swiper has not answered them yet, then record the
-- answer (record_swipe: for a YES, also when the other person said yes to the swiper).
-- outcome (SwipeOutcome): 0 = recorded, 1 = already answered (ALREADY_SWIPED), 2 = not showable, or either person
-- without a profile (NOT_FOUND). An earlier answer wins over visibility, as it did when these were two statements:
-- someone answered and then out of range is "already answered".
-- Answers: 0 = NO, 1 = YES (SwipeDecision).
CREATE OR REPLACE FUNCTION swipe_if_showable(swiper uuid, target uuid, answer smallint, answered_at timestamptz)
RETURNS TABLE (outcome smallint, their_yes_at timestamptz)
LANGUAGE plpgsql VOLATILE ROWS 1 AS $$
DECLARE
    answered boolean;
    showable boolean;
BEGIN
    SELECT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = v.user_id AND s.target_id = c.user_id),
           EXISTS (SELECT FROM discovery_visible(
             v.user_id, v.friend_radius_miles, c.user_id, c.completed_at IS NOT NULL, c.friend_radius_miles,
             discovery_distance(c.location, v.location), c.hidden_at IS NOT NULL))
    INTO answered, showable
    FROM profiles v, profiles c
    WHERE v.user_id = swiper AND c.user_id = target;

    IF answered THEN
        RETURN QUERY SELECT 1::smallint, NULL::timestamptz;
    ELSIF showable IS NOT TRUE THEN
        RETURN QUERY SELECT 2::smallint, NULL::timestamptz;
    ELSE
        -- Two requests for the same answer at once both pass the check above; record_swipe keeps the first.
        RETURN QUERY SELECT CASE WHEN r.recorded THEN 0 ELSE 1 END::smallint, r.their_yes_at
                     FROM record_swipe(swiper, target, answer, answered_at) r;
    END IF;
END
$$;
