-- The discovery walk can run on a standby, which sees the primary a moment late: the people it found, checked again on
-- the primary by the same rule (discovery_visible), so someone the viewer just answered or blocked, or who just
-- blocked them, is never shown. Returns those still visible.
-- $1 viewer id, $2 candidate ids
SELECT c.user_id
FROM profiles v, profiles c
WHERE v.user_id = $1 AND c.user_id = ANY($2)
  AND EXISTS (SELECT FROM discovery_visible(
    v.user_id, v.friend_radius_miles, c.user_id, c.completed_at IS NOT NULL, c.friend_radius_miles,
    discovery_distance(c.location, v.location), c.hidden_at IS NOT NULL))
