-- logIn succeeded: forget the account's failed attempts, and take one off the address's count.
-- $1 the account key, $2 the address key
WITH cleared AS (
    DELETE FROM login_attempt_windows WHERE key = $1
)
UPDATE login_attempt_windows SET attempts = greatest(attempts - 1, 0) WHERE key = $2
