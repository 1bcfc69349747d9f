-- A live event for every API replica's LISTEN connection (Realtime/RealtimeChannel.cs); inside a transaction it is
-- delivered only if that transaction commits.
-- $1 channel, $2 payload
SELECT pg_notify($1, $2)
