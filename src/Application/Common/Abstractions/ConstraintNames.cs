namespace Friender.Application.Common.Abstractions;

/// <summary>
/// Names of the database constraints that persistence creates and use cases tell apart when a save breaks one
/// (<see cref="Exceptions.UniqueConstraintViolationException.ConstraintName"/>).
/// </summary>
public static class ConstraintNames
{
    public const string UsernameIndex = "ix_users_username";
    public const string EmailIndex = "ix_users_normalized_email";
    public const string MatchPairIndex = "ux_matches_pair";
    public const string MatchPairOrderCheck = "ck_matches_ordered_pair";
    public const string SwipesPrimaryKey = "pk_swipes";

    /// <summary>UNIQUE (user_id, position), deferred to commit; created by a migration, not by the EF model.</summary>
    public const string PhotoPositionUnique = "ux_photos_user_position";
    public const string PhotoPositionCheck = "ck_photos_position";
    public const string AppealActionUnique = "ux_appeals_action_id";
    public const string ModeratorsPrimaryKey = "pk_moderators";
    public const string FriendRadiusCheck = "ck_profiles_friend_radius_miles";
}
