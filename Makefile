.PHONY: run test build bench clean

# Installs what is missing, starts Postgres+PostGIS and s3rver under .data/, migrates, seeds demo users and serves
# http://localhost:5000/graphql (Banana Cake Pop at /graphql/ui/). Ctrl-C stops everything; data survives.
run:
	@bash scripts/run.sh

# Starts throwaway Postgres and s3rver on free ports, runs every test suite, stops them, fails on any failure.
test:
	@bash scripts/test.sh

build:
	dotnet build Friender.sln -c Release
