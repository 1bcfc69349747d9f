-- The listening connection, right after each LISTEN (RevocationList): every revocation still in force, and every
-- suspended or banned account. One row per revoked access token (0, token id, until), per revoked account (1, user id,
-- until) and per suspension on record (2, user id, until; infinity for a ban; its end is checked per request).
-- $1 now
SELECT 0, token_id, expires_at FROM revoked_access_tokens WHERE expires_at > $1::timestamptz
UNION ALL
SELECT 1, user_id, until FROM revoked_accounts WHERE until > $1::timestamptz
UNION ALL
SELECT 2, user_id, coalesce(until, 'infinity') FROM account_suspensions
