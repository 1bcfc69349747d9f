-- swipe: check that discovery could show the target and record the answer, in one round trip (Functions/swipe_if_showable.sql).
-- $1 swiper, $2 target, $3 answer (0 NO, 1 YES), $4 answered at
SELECT outcome, their_yes_at FROM swipe_if_showable($1, $2, $3, $4)
