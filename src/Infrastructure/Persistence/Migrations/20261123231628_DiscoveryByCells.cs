using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Friender.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DiscoveryByCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "cell_key",
                table: "profiles",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "grid_cells",
                columns: table => new
                {
                    cell_key = table.Column<long>(type: "bigint", nullable: false),
                    location = table.Column<Point>(type: "geography (point, 4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grid_cells", x => x.cell_key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_profiles_discovery",
                table: "profiles",
                columns: new[] { "cell_key", "user_id" },
                filter: "completed_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "friend_radius_miles" });

            migrationBuilder.CreateIndex(
                name: "ix_profiles_updated_at",
                table: "profiles",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_grid_cells_location",
                table: "grid_cells",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            // The walk: cells in range nearest-first, each cell's people in id order, until there are enough. Two
            // inlinable SQL functions (EXPLAIN shows their plans) and a PL/pgSQL loop. The NOT EXISTS subqueries carry
            // OFFSET 0 so they stay index probes per person: as anti-joins, PL/pgSQL's cached generic plans chose to
            // scan a heavy swiper's 10,000 answers for every person (360 ms per cell instead of 8 ms). The start is a
            // single range (>=) so a cell is read in index order and left at LIMIT; an OR there made Postgres read and
            // sort the whole cell (16 ms for 1,500 people).
            migrationBuilder.Sql("""
                CREATE FUNCTION discovery_cells(lon float8, lat float8, radius_m float8, from_distance float8, from_cell bigint)
                RETURNS TABLE (cell_key bigint, distance float8)
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT g.cell_key, g.location <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography
                  FROM grid_cells g
                  WHERE g.location && _ST_Expand(ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, radius_m)
                    AND g.location <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography <= radius_m
                    AND (g.location <-> ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, g.cell_key) >= (from_distance, from_cell)
                  ORDER BY 2, 1
                $$;

                CREATE FUNCTION discovery_people_in_cell(
                  viewer uuid, cell bigint, cell_distance float8, from_user uuid, include_from boolean, wanted int)
                RETURNS TABLE (user_id uuid)
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT p.user_id
                  FROM profiles p
                  WHERE p.cell_key = cell
                    AND p.completed_at IS NOT NULL
                    AND p.user_id >= from_user
                    AND (include_from OR p.user_id <> from_user)
                    AND p.user_id <> viewer
                    AND cell_distance <= p.friend_radius_miles * 1609.344
                    AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = viewer AND s.target_id = p.user_id OFFSET 0)
                    AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = p.user_id AND s.target_id = viewer AND s.decision = 0 OFFSET 0)
                    AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = viewer AND b.blocked_id = p.user_id OFFSET 0)
                    AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = viewer OFFSET 0)
                  ORDER BY p.user_id
                  LIMIT wanted
                $$;

                -- after_*: the client's cursor (exclusive). mark_*: the viewer's watermark, before which everyone was
                -- found unshowable at changed_since; from it only people who changed since then are looked at again
                -- (found through ix_profiles_updated_at; with more than 1,000 changes the watermark is not trusted).
                CREATE FUNCTION discovery_candidates(
                  viewer uuid, lon float8, lat float8, radius_m float8,
                  after_distance float8, after_cell bigint, after_user uuid,
                  mark_distance float8, mark_cell bigint, mark_user uuid, changed_since timestamptz,
                  wanted int)
                RETURNS TABLE (user_id uuid, distance_meters float8, cell_key bigint)
                LANGUAGE plpgsql STABLE AS $$
                #variable_conflict use_column
                DECLARE
                  keys bigint[];
                  distances float8[];
                  i int;
                  found_rows int;
                  from_distance float8 := after_distance;
                  from_cell bigint := after_cell;
                  from_user uuid := after_user;
                  include_from boolean := false;
                BEGIN
                  SELECT coalesce(array_agg(c.cell_key ORDER BY c.distance, c.cell_key), '{}'), coalesce(array_agg(c.distance ORDER BY c.distance, c.cell_key), '{}')
                  INTO keys, distances
                  FROM discovery_cells(lon, lat, radius_m, after_distance, after_cell) c;

                  IF changed_since IS NOT NULL AND (mark_distance, mark_cell, mark_user) > (after_distance, after_cell, after_user)
                     AND (SELECT count(*) FROM (SELECT 1 FROM profiles p WHERE p.updated_at >= changed_since LIMIT 1001) recent) <= 1000 THEN
                    RETURN QUERY
                      SELECT p.user_id, c.distance, c.cell_key
                      FROM (SELECT p.user_id, p.cell_key, p.friend_radius_miles, p.completed_at FROM profiles p
                            WHERE p.updated_at >= changed_since ORDER BY p.updated_at LIMIT 1000) p
                      JOIN unnest(keys, distances) AS c(cell_key, distance) ON c.cell_key = p.cell_key
                      WHERE p.completed_at IS NOT NULL
                        AND p.user_id <> viewer
                        AND (c.distance, c.cell_key, p.user_id) > (after_distance, after_cell, after_user)
                        AND (c.distance, c.cell_key, p.user_id) < (mark_distance, mark_cell, mark_user)
                        AND c.distance <= p.friend_radius_miles * 1609.344
                        AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = viewer AND s.target_id = p.user_id OFFSET 0)
                        AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = p.user_id AND s.target_id = viewer AND s.decision = 0 OFFSET 0)
                        AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = viewer AND b.blocked_id = p.user_id OFFSET 0)
                        AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = viewer OFFSET 0)
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

                  FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
                    CONTINUE WHEN (distances[i], keys[i]) < (from_distance, from_cell);
                    RETURN QUERY
                      SELECT people.user_id, distances[i], keys[i]
                      FROM discovery_people_in_cell(
                        viewer, keys[i], distances[i],
                        CASE WHEN distances[i] = from_distance AND keys[i] = from_cell
                             THEN from_user ELSE '00000000-0000-0000-0000-000000000000'::uuid END,
                        distances[i] = from_distance AND keys[i] = from_cell AND include_from,
                        wanted) people;
                    GET DIAGNOSTICS found_rows = ROW_COUNT;
                    wanted := wanted - found_rows;
                    EXIT WHEN wanted <= 0;
                  END LOOP;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION discovery_candidates(uuid, float8, float8, float8, float8, bigint, uuid, float8, bigint, uuid, timestamptz, int);
                DROP FUNCTION discovery_people_in_cell(uuid, bigint, float8, uuid, boolean, int);
                DROP FUNCTION discovery_cells(float8, float8, float8, float8, bigint);
                """);

            migrationBuilder.DropTable(
                name: "grid_cells");

            migrationBuilder.DropIndex(
                name: "ix_profiles_discovery",
                table: "profiles");

            migrationBuilder.DropIndex(
                name: "ix_profiles_updated_at",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "cell_key",
                table: "profiles");
        }
    }
}
