-- discover: the viewer's own point, radius and tags (no row until their profile has a location).
-- $1 user id
SELECT location, friend_radius_miles, hobbies, interests FROM profiles WHERE user_id = $1 AND location IS NOT NULL
