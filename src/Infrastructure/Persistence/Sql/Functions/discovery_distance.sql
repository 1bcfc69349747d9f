-- The one distance between two people: metres on the sphere between their snapped points (a profile's location is
-- its grid cell's centre, see LocationGrid). Discovery orders, filters and pages by it, and whole miles of it are all
-- another person ever learns (Distance.ShownMiles). Every caller passes the candidate first and the viewer
-- second, so the same pair always gives the same last bit. Inlined wherever it is used.
CREATE OR REPLACE FUNCTION discovery_distance(a geography, b geography)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT a <-> b
$$;
