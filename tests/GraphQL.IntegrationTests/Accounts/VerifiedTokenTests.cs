using Friender.Infrastructure.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Friender.GraphQL.IntegrationTests.Accounts;

/// <summary>The token service keeps tokens it verified; keeping one must never stretch what it accepts.</summary>
public sealed class VerifiedTokenTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly JwtTokenService _tokens;

    public VerifiedTokenTests()
    {
        var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(value => (byte)value).ToArray());
        _tokens = new JwtTokenService(Options.Create(new JwtOptions { SigningKey = key }), _clock);
    }

    [Fact]
    public async Task AKeptToken_ShouldReadTheSame_AndBeRefusedOncePastItsExpiry()
    {
        var issued = _tokens.Issue(Guid.NewGuid(), _clock.GetUtcNow(), _clock.GetUtcNow());

        var first = await _tokens.ReadAsync(issued.Value);
        var again = await _tokens.ReadAsync(issued.Value);
        _clock.Advance(TimeSpan.FromMinutes(15) + JwtTokenService.ClockSkew + TimeSpan.FromSeconds(1));
        var expired = await _tokens.ReadAsync(issued.Value);

        Assert.NotNull(first);
        Assert.Equal(first, again);
        Assert.Null(expired);
    }

    [Fact]
    public async Task ATamperedCopyOfAKeptToken_ShouldStillBeRefused()
    {
        var issued = _tokens.Issue(Guid.NewGuid(), _clock.GetUtcNow(), null);
        Assert.NotNull(await _tokens.ReadAsync(issued.Value));
        var parts = issued.Value.Split('.');
        var forged = string.Join('.', parts[0], parts[1], parts[2][..^2] + (parts[2][^2] == 'A' ? "BA" : "AA"));

        Assert.Null(await _tokens.ReadAsync(forged));
        Assert.Null(await _tokens.ReadAsync(forged));
    }

    [Fact]
    public async Task ManyTokens_ShouldAllStillBeRead_PastWhatIsKept()
    {
        var issued = Enumerable.Range(0, JwtTokenService.VerifiedTokensKept + 10)
            .Select(_ => _tokens.Issue(Guid.NewGuid(), _clock.GetUtcNow(), null))
            .ToList();

        foreach (var token in issued)
            Assert.Equal(token.Id, (await _tokens.ReadAsync(token.Value))?.TokenId);
        Assert.Equal(issued[0].Id, (await _tokens.ReadAsync(issued[0].Value))?.TokenId);
    }
}
