-- matches and new matches: named people as the viewer is shown them, in the order given, with the same distance
-- (discovery_distance) and the same columns as discover_candidates.sql; people without a located profile are left out,
-- and so are photos hidden by moderation (Photo.HiddenAt).
-- $1 the people's ids, $2 $3 the viewer's longitude and latitude
SELECT c.user_id, c.distance_meters, c.cell_key, p.display_name, p.bio, p.hobbies, p.interests,
       ph.ids, ph.keys, ph.widths, ph.heights
FROM (
  SELECT x.user_id, discovery_distance(x.location, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography), x.cell_key, n.position
  FROM unnest($1::uuid[]) WITH ORDINALITY AS n(user_id, position)
  JOIN profiles x ON x.user_id = n.user_id AND x.location IS NOT NULL
) AS c(user_id, distance_meters, cell_key, position)
CROSS JOIN LATERAL (
  SELECT x.display_name, x.bio, x.hobbies, x.interests FROM profiles x WHERE x.user_id = c.user_id OFFSET 0
) p
LEFT JOIN LATERAL (
  SELECT array_agg(x.id ORDER BY x.position) AS ids, array_agg(x.storage_key ORDER BY x.position) AS keys,
         array_agg(x.width ORDER BY x.position) AS widths, array_agg(x.height ORDER BY x.position) AS heights
  FROM photos x WHERE x.user_id = c.user_id AND x.hidden_at IS NULL
) ph ON true
ORDER BY c.position
