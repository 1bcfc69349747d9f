-- Seeding: the grid cells ZIP centroids fall in, one "cell key<TAB>EWKT centre" line each.
COPY grid_cells (cell_key, location) FROM STDIN
