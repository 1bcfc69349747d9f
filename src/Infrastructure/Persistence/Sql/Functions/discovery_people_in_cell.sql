-- One cell's people the viewer may see, in id order from a person on, at most `wanted`. ix_profiles_discovery is
-- partial on completed profiles nobody hid, hence the completed_at and hidden_at conditions beside the rule that also states them. The start is a
-- single range (>=) so the cell is read in index order and left at LIMIT; an OR there made Postgres read and sort the
-- whole cell (16 ms for 1,500 people). Inlined into discovery_candidates.
CREATE OR REPLACE FUNCTION discovery_people_in_cell(
  viewer uuid, viewer_radius_miles int, cell bigint, cell_distance float8, from_user uuid, include_from boolean, wanted int)
RETURNS TABLE (user_id uuid)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 50 AS $$
  SELECT p.user_id
  FROM profiles p
  CROSS JOIN LATERAL discovery_visible(
    viewer, viewer_radius_miles, p.user_id, p.completed_at IS NOT NULL, p.friend_radius_miles, cell_distance, p.hidden_at IS NOT NULL) visible
  WHERE p.cell_key = cell
    AND p.completed_at IS NOT NULL
    AND p.hidden_at IS NULL
    AND p.user_id >= from_user
    AND (include_from OR p.user_id <> from_user)
  ORDER BY p.user_id
  LIMIT wanted
$$;
