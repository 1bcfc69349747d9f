-- The moderation sweep: erases the messages copied into reports decided before the retention (Moderation__EvidenceRetention);
-- the report itself (category, details, who, when, what decided it) stays as the person's report history.
-- $1 decided before
UPDATE reports SET conversation = '[]'::jsonb WHERE resolved_at < $1 AND conversation <> '[]'::jsonb
