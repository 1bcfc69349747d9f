using FluentValidation;
using Friender.Application.Accounts.SignUp;
using Friender.Application.Common.Behaviors;
using Friender.Application.Common.Exceptions;
using Friender.Application.Accounts.Common;

namespace Friender.Application.UnitTests.Common;

public sealed class ValidationBehaviorTests
{
    private readonly ValidationBehavior<SignUpCommand, AuthResult> _behavior = new([new SignUpValidator()]);

    [Fact]
    public async Task Handle_WithInvalidInput_ShouldReportEveryFieldUnderItsGraphQLName()
    {
        var invalid = new SignUpCommand("x", "nope", "short");

        var error = await Assert.ThrowsAsync<InputValidationException>(async () =>
            await _behavior.Handle(invalid, (_, _) => throw new InvalidOperationException("handler must not run"), CancellationToken.None));

        Assert.Equal(["email", "password", "username"], error.Fields.Keys.Order());
        Assert.Equal("BAD_USER_INPUT", error.Code);
    }

    [Fact]
    public async Task Handle_WithValidInput_ShouldRunTheHandler()
    {
        var valid = new SignUpCommand("ada", "ada@example.com", "ten chars!");
        var ran = false;

        await _behavior.Handle(valid, (_, _) => { ran = true; return ValueTask.FromResult<AuthResult>(null!); }, CancellationToken.None);

        Assert.True(ran);
    }

    [Fact]
    public async Task Handle_WithNoValidators_ShouldRunTheHandler()
    {
        var behavior = new ValidationBehavior<SignUpCommand, AuthResult>(Array.Empty<IValidator<SignUpCommand>>());
        var ran = false;

        await behavior.Handle(new SignUpCommand("", "", ""), (_, _) => { ran = true; return ValueTask.FromResult<AuthResult>(null!); }, CancellationToken.None);

        Assert.True(ran);
    }
}
