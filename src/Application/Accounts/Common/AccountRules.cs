using FluentValidation;
using Friender.Domain.Users;

namespace Friender.Application.Accounts.Common;

public static class AccountRules
{
    public const int PasswordMinLength = 10;
    public const int PasswordMaxLength = 128;

    public static IRuleBuilderOptions<T, string> ValidNewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Choose a password.")
            .Length(PasswordMinLength, PasswordMaxLength)
            .WithMessage($"A password is {PasswordMinLength}-{PasswordMaxLength} characters long.");

    public static IRuleBuilderOptions<T, string> ValidUsername<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(username => User.IsValidUsername(User.NormalizeUsername(username ?? string.Empty)))
            .WithMessage($"A username is {User.UsernameMinLength}-{User.UsernameMaxLength} characters of a-z, 0-9 and _.");

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(email => email is not null && email.Trim().Length <= User.EmailMaxLength)
            .WithMessage($"An email address is at most {User.EmailMaxLength} characters.")
            .Matches(@"^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$")
            .WithMessage("Enter an email address like name@example.com.");
}
