-- discover: the nearest people the viewer may see after a cursor, at most `wanted`, nearest first. It walks the cells
-- in reach nearest-first (discovery_cells) and each cell's people in id order (discovery_people_in_cell) until it has
-- enough; sort key (distance, cell, person).
-- after_*: the client's cursor (exclusive). mark_*: the viewer's watermark, before which everyone was found
-- unshowable at changed_since; from it only people who changed since then are looked at again (found through
-- ix_profiles_updated_at; with more than 1,000 changes the watermark is not trusted). Blocks and answers only ever
-- hide people, so they need no second look.
-- ROWS 50: the planner otherwise assumes 1,000 rows and, in a town of 10,000, joins them to every profile by a scan.
CREATE OR REPLACE FUNCTION discovery_candidates(
  viewer uuid, lon float8, lat float8, viewer_radius_miles int,
  after_distance float8, after_cell bigint, after_user uuid,
  mark_distance float8, mark_cell bigint, mark_user uuid, changed_since timestamptz,
  wanted int)
RETURNS TABLE (user_id uuid, distance_meters float8, cell_key bigint)
LANGUAGE plpgsql STABLE ROWS 50 AS $$
#variable_conflict use_column
DECLARE
  keys bigint[];
  distances float8[];
  i int;
  batch int := 1;
  found_rows int;
  from_distance float8 := after_distance;
  from_cell bigint := after_cell;
  from_user uuid := after_user;
  include_from boolean := false;
BEGIN
  SELECT coalesce(array_agg(c.cell_key ORDER BY c.distance, c.cell_key), '{}'), coalesce(array_agg(c.distance ORDER BY c.distance, c.cell_key), '{}')
  INTO keys, distances
  FROM discovery_cells(lon, lat, viewer_radius_miles, after_distance, after_cell) c;

  IF changed_since IS NOT NULL AND (mark_distance, mark_cell, mark_user) > (after_distance, after_cell, after_user)
     AND (SELECT count(*) FROM (SELECT 1 FROM profiles p WHERE p.updated_at >= changed_since LIMIT 1001) recent) <= 1000 THEN
    RETURN QUERY
      SELECT p.user_id, c.distance, c.cell_key
      FROM (SELECT p.user_id, p.cell_key, p.friend_radius_miles, p.completed_at, p.hidden_at FROM profiles p
            WHERE p.updated_at >= changed_since ORDER BY p.updated_at LIMIT 1000) p
      JOIN unnest(keys, distances) AS c(cell_key, distance) ON c.cell_key = p.cell_key
      CROSS JOIN LATERAL discovery_visible(
        viewer, viewer_radius_miles, p.user_id, p.completed_at IS NOT NULL, p.friend_radius_miles, c.distance, p.hidden_at IS NOT NULL) visible
      WHERE (c.distance, c.cell_key, p.user_id) > (after_distance, after_cell, after_user)
        AND (c.distance, c.cell_key, p.user_id) < (mark_distance, mark_cell, mark_user)
      ORDER BY 2, 3, 1
      LIMIT wanted;
    GET DIAGNOSTICS found_rows = ROW_COUNT;
    wanted := wanted - found_rows;
    IF wanted <= 0 THEN
      RETURN;
    END IF;
    from_distance := mark_distance;
    from_cell := mark_cell;
    from_user := mark_user;
    include_from := true;
  END IF;

  -- Cells in batches, nearest first: one cell at a time while cells have people (a city, a country), doubling the
  -- batch after each batch with nobody in it (a town, where most cells are empty), so a page is a few statements
  -- whatever the density. Within a batch the people come in (cell, id) order and the LIMIT stops the scan early.
  i := 1;
  WHILE i <= coalesce(array_length(keys, 1), 0) LOOP
    IF (distances[i], keys[i]) < (from_distance, from_cell) THEN
      i := i + 1;
      CONTINUE;
    END IF;
    RETURN QUERY
      SELECT people.user_id, c.distance, c.cell_key
      FROM unnest(keys[i:i + batch - 1], distances[i:i + batch - 1]) WITH ORDINALITY AS c(cell_key, distance, n)
      CROSS JOIN LATERAL discovery_people_in_cell(
        viewer, viewer_radius_miles, c.cell_key, c.distance,
        CASE WHEN c.distance = from_distance AND c.cell_key = from_cell
             THEN from_user ELSE '00000000-0000-0000-0000-000000000000'::uuid END,
        c.distance = from_distance AND c.cell_key = from_cell AND include_from,
        wanted) people
      ORDER BY c.n, people.user_id
      LIMIT wanted;
    GET DIAGNOSTICS found_rows = ROW_COUNT;
    wanted := wanted - found_rows;
    EXIT WHEN wanted <= 0;
    i := i + batch;
    IF found_rows = 0 THEN
      batch := least(batch * 2, 64);
    END IF;
  END LOOP;
END
$$;
