-- An older page of a conversation, read on the standby (Messaging/StandbyConversationArchive.cs): the messages of match
-- $1 before ($2, $3) in the order GetConversationHandler reads them on the primary (newest first, ties by id), with the
-- sender's display name, but only once this server has replayed everything committed until $2 + $5
-- (IConversationArchive.SettledAfter): the first column says whether it has (always true on a primary). A parity test
-- holds the page to the handler's.
-- $1 match id, $2 before sent at, $3 before id, $4 how many, $5 settled after
WITH settled AS (
    SELECT NOT pg_is_in_recovery() OR coalesce(pg_last_xact_replay_timestamp() > $2::timestamptz + $5::interval, false) AS ok
)
SELECT settled.ok, page.id, page.sender_id, page.display_name, page.body, page.sent_at, page.read_at
FROM settled
LEFT JOIN LATERAL (
    SELECT m.id, m.sender_id, coalesce(p.display_name, '') AS display_name, m.body, m.sent_at, m.read_at
    FROM messages m
    LEFT JOIN profiles p ON p.user_id = m.sender_id
    WHERE settled.ok AND m.match_id = $1::uuid AND (m.sent_at < $2 OR (m.sent_at = $2 AND m.id < $3::uuid))
    ORDER BY m.sent_at DESC, m.id DESC
    LIMIT $4::int
) page ON true
ORDER BY page.sent_at DESC, page.id DESC
