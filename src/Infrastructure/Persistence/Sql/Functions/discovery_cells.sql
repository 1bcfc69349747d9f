-- The grid cells within the viewer's reach, nearest first, from a (distance, cell) position on. The cell index finds
-- them by bounding box; discovery_distance then orders them. Inlined into discovery_candidates.
CREATE OR REPLACE FUNCTION discovery_cells(lon float8, lat float8, radius_miles int, from_distance float8, from_cell bigint)
RETURNS TABLE (cell_key bigint, distance float8)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 200 AS $$
  SELECT g.cell_key, discovery_distance(g.location, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography)
  FROM grid_cells g
  WHERE g.location && _ST_Expand(ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, discovery_reach(radius_miles))
    AND discovery_distance(g.location, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) <= discovery_reach(radius_miles)
    AND (discovery_distance(g.location, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography), g.cell_key) >= (from_distance, from_cell)
  ORDER BY 2, 1
$$;
