-- Each API replica's one listening connection: every live event (notify.sql, append_message.sql,
-- mark_conversation_read.sql). The channel must be RealtimeChannel.Name; a test checks that it is.
LISTEN friender_events
