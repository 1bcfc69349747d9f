-- Who may be shown to whom: VisibilityRule.LetsViewerSee, in SQL, the only place the database states it. One row (true)
-- when the viewer may see the candidate, none otherwise. Every path asks it: the discovery walk, its watermark branch,
-- and swipe's "were they showable?" check; DiscoveryVisibilityParityTests holds it to the C# method case by case.
-- An inlined table function: joined LATERAL, its conditions land in the caller's WHERE, where they filter the index
-- scan itself (under EXISTS they became a subplan per row, and the walk lost its index-only scan). The NOT EXISTS probes carry OFFSET 0 so they stay index probes per person: as anti-joins,
-- PL/pgSQL's cached generic plans chose to scan a heavy swiper's 10,000 answers for every person.
-- candidate_hidden: profiles.hidden_at is set (reported past the threshold, or suspended: Profile.HiddenAt).
-- Answers: 0 = NO, 1 = YES (SwipeDecision).
CREATE OR REPLACE FUNCTION discovery_visible(
  viewer uuid, viewer_radius_miles int,
  candidate uuid, candidate_complete boolean, candidate_radius_miles int,
  distance_m float8, candidate_hidden boolean)
RETURNS SETOF boolean
LANGUAGE sql STABLE PARALLEL SAFE ROWS 1 AS $$
  SELECT true
  WHERE candidate <> viewer
    AND candidate_complete
    AND NOT candidate_hidden
    AND distance_m <= discovery_reach(viewer_radius_miles)
    AND distance_m <= discovery_reach(candidate_radius_miles)
    AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = viewer AND s.target_id = candidate OFFSET 0)
    AND NOT EXISTS (SELECT 1 FROM swipes s WHERE s.swiper_id = candidate AND s.target_id = viewer AND s.decision = 0 OFFSET 0)
    AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = viewer AND b.blocked_id = candidate OFFSET 0)
    AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = candidate AND b.blocked_id = viewer OFFSET 0)
$$;
