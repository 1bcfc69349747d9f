-- swipe: store the answer, and for a YES learn whether the other person said yes too (Functions/record_swipe.sql).
-- $1 swiper, $2 target, $3 answer (0 NO, 1 YES), $4 answered at
SELECT recorded, their_yes_at FROM record_swipe($1, $2, $3, $4)
