-- swipe: whether the viewer already answered the candidate, and whether discovery_visible lets the viewer see them, so
-- that a swipe can only answer someone discovery could have shown. No row when either has no profile.
-- $1 viewer id, $2 candidate id
SELECT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = v.user_id AND s.target_id = c.user_id),
       EXISTS (SELECT FROM discovery_visible(
         v.user_id, v.friend_radius_miles, c.user_id, c.completed_at IS NOT NULL, c.friend_radius_miles,
         discovery_distance(c.location, v.location), c.hidden_at IS NOT NULL))
FROM profiles v, profiles c
WHERE v.user_id = $1 AND c.user_id = $2
