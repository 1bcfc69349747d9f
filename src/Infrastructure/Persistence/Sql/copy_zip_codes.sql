-- Seeding: the embedded US ZIP centroids, one "zip<TAB>EWKT point" line each.
COPY zip_codes (zip, location) FROM STDIN
