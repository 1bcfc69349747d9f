using Friender.Domain.Common;
using NetTopologySuite.Geometries;

namespace Friender.Domain.Profiles;

/// <summary>
/// What a person shows others and where they look for friends. Their location is a ZIP code, stored only as the
/// snapped centre of its cell (see <see cref="LocationGrid"/>); nobody else ever sees the ZIP code or the point.
/// </summary>
public sealed class Profile
{
    public const int DisplayNameMaxLength = 50;
    public const int BioMaxLength = 500;
    public const int MinFriendRadiusMiles = 1;
    public const int MaxFriendRadiusMiles = 100;
    public const int MaxZipChangesPerDay = 3;

    private static readonly TimeSpan ZipChangeWindow = TimeSpan.FromDays(1);

    private Profile()
    {
    }

    public Guid UserId { get; private set; }

    public string DisplayName { get; private set; } = null!;

    public string? Bio { get; private set; }

    public IReadOnlyList<string> Hobbies { get; private set; } = [];

    public IReadOnlyList<string> Interests { get; private set; } = [];

    public string? ZipCode { get; private set; }

    public Point? Location { get; private set; }

    /// <summary>The grid cell of <see cref="Location"/>, the unit discovery walks through.</summary>
    public long? CellKey { get; private set; }

    public int FriendRadiusMiles { get; private set; }

    /// <summary>When the ZIP code was changed (not first set), for the daily limit.</summary>
    public IReadOnlyList<DateTimeOffset> ZipChanges { get; private set; } = [];

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Set while the person is kept out of every deck: reported by enough people who met them, or suspended, until a
    /// moderator decides. Stated with the other conditions in VisibilityRule.
    /// </summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    public void Hide(DateTimeOffset now) => HiddenAt ??= now;

    /// <summary>
    /// Back in decks. <see cref="UpdatedAt"/> moves too, so that viewers whose discovery watermark passed them while they
    /// were hidden look at them again.
    /// </summary>
    public void Unhide(DateTimeOffset now)
    {
        if (HiddenAt is null)
            return;
        HiddenAt = null;
        if (now > UpdatedAt)
            UpdatedAt = now;
    }

    public bool IsComplete =>
        Hobbies.Count > 0 && Interests.Count > 0 && ZipCode is not null && Location is not null && CellKey is not null
        && FriendRadiusMiles is >= MinFriendRadiusMiles and <= MaxFriendRadiusMiles;

    public static Profile Create(Guid userId, ProfileDetails details, ZipCodeCentroid zip, DateTimeOffset now)
    {
        var profile = new Profile { UserId = userId };
        profile.Update(details, zip, now);
        return profile;
    }

    public void Update(ProfileDetails details, ZipCodeCentroid zip, DateTimeOffset now)
    {
        var displayName = details.DisplayName.Trim();
        if (displayName.Length is 0 or > DisplayNameMaxLength)
            throw Invalid($"A display name is 1-{DisplayNameMaxLength} characters.");

        var bio = string.IsNullOrWhiteSpace(details.Bio) ? null : details.Bio.Trim();
        if (bio?.Length > BioMaxLength)
            throw Invalid($"A bio is at most {BioMaxLength} characters.");

        var hobbies = TagList.Normalize(details.Hobbies);
        var interests = TagList.Normalize(details.Interests);
        if (!TagList.IsValid(hobbies) || !TagList.IsValid(interests))
            throw Invalid($"Hobbies and interests are each {TagList.MinCount}-{TagList.MaxCount} entries of at most {TagList.MaxLength} characters.");

        if (details.FriendRadiusMiles is < MinFriendRadiusMiles or > MaxFriendRadiusMiles)
            throw Invalid($"The friend radius is {MinFriendRadiusMiles}-{MaxFriendRadiusMiles} miles.");

        if (ZipCode is not null && ZipCode != zip.Code)
            RecordZipChange(now);

        DisplayName = displayName;
        Bio = bio;
        Hobbies = hobbies;
        Interests = interests;
        FriendRadiusMiles = details.FriendRadiusMiles;
        ZipCode = zip.Code;
        var cell = LocationGrid.CellOf(zip.Location);
        Location = cell.Centre;
        CellKey = cell.Key;
        UpdatedAt = now;
        if (IsComplete)
            CompletedAt ??= now;
    }

    private void RecordZipChange(DateTimeOffset now)
    {
        var recent = ZipChanges.Where(change => change > now - ZipChangeWindow).ToList();
        if (recent.Count >= MaxZipChangesPerDay)
        {
            var retryAt = recent.Min() + ZipChangeWindow;
            throw DomainException.TooOften($"The ZIP code can change {MaxZipChangesPerDay} times a day; try again after {retryAt:u}.");
        }

        recent.Add(now);
        ZipChanges = recent;
    }

    private static DomainException Invalid(string message) => DomainException.InvalidInput(message);
}
