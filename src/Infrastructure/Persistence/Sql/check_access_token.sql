-- Every authenticated request while the revocation list is not current: whether the access token was revoked by a
-- log-out or its account deleted, and whether the account has a suspension or ban on record.
-- $1 the token's jti, $2 the user id (sub)
SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE token_id = $1)
    OR NOT EXISTS (SELECT 1 FROM users WHERE id = $2),
       EXISTS (SELECT 1 FROM account_suspensions WHERE user_id = $2)
