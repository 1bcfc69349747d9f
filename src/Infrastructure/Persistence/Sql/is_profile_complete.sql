-- Before discovery and swiping: whether the person's profile is complete (no row when they have no profile).
-- $1 user id
SELECT completed_at IS NOT NULL FROM profiles WHERE user_id = $1
