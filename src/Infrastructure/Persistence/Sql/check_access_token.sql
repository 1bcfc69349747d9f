-- Every authenticated request: true when the access token was revoked by a log-out, or its account was deleted.
-- $1 the token's jti, $2 the user id (sub)
SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE token_id = $1)
    OR NOT EXISTS (SELECT 1 FROM users WHERE id = $2)
