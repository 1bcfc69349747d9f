-- Seeding ZIP codes at start-up: replicas starting together must not both load the table.
LOCK TABLE zip_codes IN EXCLUSIVE MODE
