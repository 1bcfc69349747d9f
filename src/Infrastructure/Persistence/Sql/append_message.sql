-- sendMessage, in one statement and so one transaction and one round trip: touch the match (lifting it in both people's
-- lists), store the message, and publish the live event for the other person (kept for replay and NOTIFYed:
-- publish_live_event). The match is taken only while it is open to the sender (Match.IsOpenTo: neither ended nor
-- frozen by a suspension, and the sender one of its two people), checked here under the row lock, so that an unmatch or
-- block that commits meanwhile leaves no row to touch and the message is refused; ConversationRuleParityTests holds this
-- to the Domain. The handler does not load the match first: it does so only to explain a refusal.
-- Returns one row (id, the event's position, the sender's display name, the recipient) when stored, none when refused
-- or when a message with this id is already stored (a send run again after its answer was lost: SendMessageHandler
-- finds it).
-- $1 message id, $2 match id, $3 sender id, $4 body, $5 sent at, $6 channel, $7 the event's payload, whose recipient
-- ("r") is set here to the match's other person
WITH touched AS (
    UPDATE matches SET last_activity_at = GREATEST(last_activity_at, $5)
    WHERE id = $2 AND ended_at IS NULL AND frozen_at IS NULL AND $3 IN (user_low_id, user_high_id)
    RETURNING id, CASE WHEN user_low_id = $3 THEN user_high_id ELSE user_low_id END AS recipient_id
), stored AS (
    INSERT INTO messages (id, match_id, sender_id, body, sent_at)
    SELECT $1, id, $3, $4, $5 FROM touched
    ON CONFLICT (id) DO NOTHING
    RETURNING id
)
SELECT stored.id,
       publish_live_event($6, jsonb_set($7::jsonb, '{r}', to_jsonb(touched.recipient_id))),
       (SELECT display_name FROM profiles WHERE user_id = $3),
       touched.recipient_id
FROM stored, touched
