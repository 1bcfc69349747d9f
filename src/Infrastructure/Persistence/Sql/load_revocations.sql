-- The listening connection, right after each LISTEN (RevocationList): every revocation still in force. One row per
-- revoked access token (false, token id, until) and per revoked account (true, user id, until).
-- $1 now
SELECT false, token_id, expires_at FROM revoked_access_tokens WHERE expires_at > $1::timestamptz
UNION ALL
SELECT true, user_id, until FROM revoked_accounts WHERE until > $1::timestamptz
