-- discover: the nearest visible candidates after a cursor, with what is shown of each, in one statement.
-- discovery_candidates (Functions/discovery_candidates.sql) walks the grid cells in reach nearest first from the
-- viewer's point (a parameter, so the cell index can be used) and keeps those discovery_visible lets through; with a
-- watermark it starts there. Each profile is then fetched by key: the OFFSET 0 keeps the lateral subquery a probe per
-- person (as a plain join, a town of a few thousand people was hash-joined against a scan of every profile).
-- Photos come as four parallel arrays in position order, all null for someone without photos; photos hidden by
-- moderation (Photo.HiddenAt) are left out.
-- $1 viewer id, $2 $3 the viewer's longitude and latitude, $4 radius in miles,
-- $5 $6 $7 the cursor (distance in metres, cell key, user id; -1 when none),
-- $8 $9 $10 $11 the watermark (distance, cell key, user id, taken at; -1 and null when none), $12 how many
SELECT c.user_id, c.distance_meters, c.cell_key, p.display_name, p.bio, p.hobbies, p.interests,
       ph.ids, ph.keys, ph.widths, ph.heights
FROM discovery_candidates($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     WITH ORDINALITY AS c(user_id, distance_meters, cell_key, position)
CROSS JOIN LATERAL (
  SELECT x.display_name, x.bio, x.hobbies, x.interests FROM profiles x WHERE x.user_id = c.user_id OFFSET 0
) p
LEFT JOIN LATERAL (
  SELECT array_agg(x.id ORDER BY x.position) AS ids, array_agg(x.storage_key ORDER BY x.position) AS keys,
         array_agg(x.width ORDER BY x.position) AS widths, array_agg(x.height ORDER BY x.position) AS heights
  FROM photos x WHERE x.user_id = c.user_id AND x.hidden_at IS NULL
) ph ON true
ORDER BY c.position
