using Friender.Domain.Common;
using Friender.Domain.Matching;
using Friender.Domain.Moderation;

namespace Friender.Domain.UnitTests.Moderation;

public sealed class ModerationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Moderator = Guid.CreateVersion7();
    private static readonly Guid Person = Guid.CreateVersion7();

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public void Counts_ShouldNeedTheReporterToHaveMetThePerson(bool answered, bool matched, bool counts) =>
        Assert.Equal(counts, ModerationRules.Counts(answered, matched));

    [Theory]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(1, 1, true)]
    public void Hides_ShouldNeedAsManyDifferentPeopleAsTheThreshold(int people, int threshold, bool hides) =>
        Assert.Equal(hides, ModerationRules.Hides(people, threshold));

    [Fact]
    public void Record_OnTheModeratorThemselves_ShouldBeRefused()
    {
        var refused = Assert.Throws<DomainException>(() => ModerationAction.Record(Moderator, "mia", Moderator, ModerationActionKind.Dismiss, "mine", [], Now));
        Assert.Equal(DomainRefusal.NotAllowed, refused.Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Record_WithoutAReason_ShouldBeRefused(string? reason) =>
        Assert.Throws<DomainException>(() => ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Warn, reason, [], Now));

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(60, true)]
    [InlineData(365 * 24 * 60, true)]
    [InlineData(365 * 24 * 60 + 1, false)]
    public void Record_ASuspension_ShouldEndInTheFutureWithinAYear(int minutes, bool allowed)
    {
        var record = () => ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Suspend, "cool off", [], Now, until: Now.AddMinutes(minutes));
        if (allowed)
            Assert.Equal(Now.AddMinutes(minutes), record().Until);
        else
            Assert.Throws<DomainException>(record);
    }

    [Fact]
    public void ASuspension_ShouldHoldUntilItsEnd_AndABanForGood()
    {
        var suspension = AccountSuspension.From(ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Suspend, "x", [], Now, until: Now.AddHours(1)));
        var ban = AccountSuspension.From(ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Ban, "x", [], Now, until: Now.AddHours(1)));

        Assert.True(suspension.InForce(Now.AddMinutes(59)));
        Assert.False(suspension.InForce(Now.AddHours(1)));
        Assert.True(ban.IsBan);
        Assert.True(ban.InForce(Now.AddYears(50)));
        Assert.Throws<ArgumentException>(() => AccountSuspension.From(ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Warn, "x", [], Now)));
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    [InlineData(60)]
    public void EndedBy_ShouldBeExactlyTheSuspensionsNotInForce(int minutesFromEnd)
    {
        var suspension = AccountSuspension.From(ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Suspend, "x", [], Now, until: Now.AddHours(1)));
        var ban = AccountSuspension.From(ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Ban, "x", [], Now));
        var at = Now.AddHours(1).AddMinutes(minutesFromEnd);
        var ended = AccountSuspension.EndedBy(at).Compile();

        Assert.Equal(!suspension.InForce(at), ended(suspension));
        Assert.Equal(!ban.InForce(at), ended(ban));
    }

    [Fact]
    public void BannedEmail_ShouldHashTheNormalizedAddress_AndNotKeepIt()
    {
        var ban = ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Ban, "x", [], Now);

        var banned = BannedEmail.For(" Ben@Example.com ", ban);

        Assert.Equal(BannedEmail.Hash("ben@example.com"), banned.EmailHash);
        Assert.DoesNotContain("ben", banned.EmailHash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, banned.EmailHash.Length);
    }

    [Fact]
    public void Appeal_ShouldBeOnlyTheSubjectsAndOnlyAboutWarningsSuspensionsAndBans()
    {
        var warn = ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Warn, "x", [], Now);
        var dismiss = ModerationAction.Record(Moderator, "mia", Person, ModerationActionKind.Dismiss, "x", [], Now);

        Assert.Equal(warn.Id, Appeal.Against(warn, Person, " it was a joke ", Now).ActionId);
        Assert.Equal(DomainRefusal.NotFound, Assert.Throws<DomainException>(() => Appeal.Against(warn, Guid.CreateVersion7(), "not mine", Now)).Refusal);
        Assert.Equal(DomainRefusal.NotFound, Assert.Throws<DomainException>(() => Appeal.Against(dismiss, Person, "nothing to appeal", Now)).Refusal);
        Assert.Throws<DomainException>(() => Appeal.Against(warn, Person, new string('x', ModerationRules.AppealMaxLength + 1), Now));
        var appeal = Appeal.Against(warn, Person, "again", Now);
        appeal.Answer(false, Now);
        Assert.Equal(DomainErrorCodes.AlreadyAnswered, Assert.Throws<DomainException>(() => appeal.Answer(true, Now)).Code);
    }

    [Fact]
    public void AFrozenMatch_ShouldBeReadableButNotWritable_AndThawBack()
    {
        var low = Guid.CreateVersion7();
        var high = Guid.CreateVersion7();
        var match = Match.FromMutualYes(Swipe.Create(low, high, SwipeDecision.Yes, Now), Swipe.Create(high, low, SwipeDecision.Yes, Now), Now);

        match.Freeze(Now);

        Assert.Equal(MatchState.Frozen, match.State);
        Assert.False(match.IsOpenTo(low));
        Assert.True(match.IsReadableBy(low));
        Assert.Equal(DomainErrorCodes.MatchFrozen, Assert.Throws<DomainException>(() => match.SendMessage(low, "hello", Now)).Code);
        match.Thaw();
        Assert.Equal(MatchState.Active, match.State);
        Assert.True(match.IsOpenTo(low));
    }
}
