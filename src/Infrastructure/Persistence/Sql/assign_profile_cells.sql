-- Seeding: profiles saved before grid cells existed get the cell of their ZIP code and its centre as their location.
-- $1 cell key, $2 the cell's centre as EWKT, $3 ZIP code
UPDATE profiles SET cell_key = $1, location = ST_GeogFromText($2)
WHERE zip_code = $3 AND cell_key IS NULL
