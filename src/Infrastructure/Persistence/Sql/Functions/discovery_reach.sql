-- How far a friend radius reaches, in metres: Distance.MetersPerMile, in SQL. Multiplied as float8 so that
-- the edge of a radius falls on exactly the same metre as in C# (the parity tests put someone on it).
CREATE OR REPLACE FUNCTION discovery_reach(radius_miles int)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT radius_miles * 1609.344::float8
$$;
