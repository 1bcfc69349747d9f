using FluentValidation;
using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Common.Validation;
using Friender.Application.Profiles.Common;
using Friender.Domain.Profiles;
using Mediator;

namespace Friender.Application.Profiles.UpdateProfile;

public sealed record UpdateProfileCommand(
    string DisplayName,
    [property: MultiLineText] string? Bio,
    IReadOnlyList<string> Hobbies,
    IReadOnlyList<string> Interests,
    string ZipCode,
    int FriendRadiusMiles) : ICommand<UpdateProfileResult>;

public sealed record UpdateProfileResult(ProfileDto Profile);

public sealed class UpdateProfileValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileValidator()
    {
        RuleFor(x => x.DisplayName).Must(name => name?.Trim().Length is > 0 and <= Profile.DisplayNameMaxLength)
            .WithMessage($"A display name is 1-{Profile.DisplayNameMaxLength} characters.");
        RuleFor(x => x.Bio).Must(bio => bio is null || bio.Trim().Length <= Profile.BioMaxLength)
            .WithMessage($"A bio is at most {Profile.BioMaxLength} characters.");
        RuleFor(x => x.Hobbies).Must(BeATagList).WithMessage(TagListMessage("hobbies"));
        RuleFor(x => x.Interests).Must(BeATagList).WithMessage(TagListMessage("interests"));
        RuleFor(x => x.ZipCode).Matches($@"^\d{{{ZipCodeCentroid.Length}}}$").WithMessage($"A ZIP code is {ZipCodeCentroid.Length} digits.");
        RuleFor(x => x.FriendRadiusMiles).InclusiveBetween(Profile.MinFriendRadiusMiles, Profile.MaxFriendRadiusMiles)
            .WithMessage($"The friend radius is {Profile.MinFriendRadiusMiles}-{Profile.MaxFriendRadiusMiles} miles.");
    }

    private static bool BeATagList(IReadOnlyList<string>? tags) => tags is not null && TagList.IsValid(TagList.Normalize(tags));

    private static string TagListMessage(string what) =>
        $"List {TagList.MinCount}-{TagList.MaxCount} {what} (repeats count once), each at most {TagList.MaxLength} characters.";
}

public sealed class UpdateProfileHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<UpdateProfileCommand, UpdateProfileResult>
{
    public async ValueTask<UpdateProfileResult> Handle(UpdateProfileCommand command, CancellationToken cancellationToken)
    {
        var zip = await db.ZipCodes.FindAsync([command.ZipCode], cancellationToken)
            ?? throw new AppException(ErrorCodes.UnknownZipCode, $"{command.ZipCode} is not a US ZIP code we know.");

        var userId = currentUser.Id!.Value;
        var details = new ProfileDetails(command.DisplayName, command.Bio, command.Hobbies, command.Interests, command.FriendRadiusMiles);
        var now = clock.GetUtcNow();
        var profile = await db.Profiles.FindAsync([userId], cancellationToken);
        if (profile is null)
        {
            profile = Profile.Create(userId, details, zip, now);
            db.Profiles.Add(profile);
        }
        else
        {
            profile.Update(details, zip, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            throw new AppException(ErrorCodes.Conflict, "Your profile was changed by another request at the same time; try again.");
        }

        return new UpdateProfileResult(ProfileDto.From(profile));
    }
}
