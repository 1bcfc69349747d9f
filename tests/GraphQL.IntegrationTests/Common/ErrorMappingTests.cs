using Friender.Application.Common.Exceptions;
using Friender.Domain.Common;
using Friender.GraphQL.Common;
using Microsoft.Extensions.Logging;

namespace Friender.GraphQL.IntegrationTests.Common;

public sealed class ErrorMappingTests
{
    private readonly RecordingLogger _logger = new();

    [Fact]
    public void ToError_WithAnUnexpectedException_ShouldMaskItAsInternalAndLogIt()
    {
        var error = ErrorMapping.ToError(new InvalidOperationException("connection string Password=hunter2"), _logger);

        Assert.Equal("INTERNAL", error.Code);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Single(_logger.Errors);
        Assert.IsType<InvalidOperationException>(_logger.Errors[0]);
    }

    [Fact]
    public void ToError_WithADomainRule_ShouldKeepItsCodeAndMessage()
    {
        var error = ErrorMapping.ToError(new DomainException(DomainErrorCodes.CannotSwipeSelf, "You cannot swipe on yourself."), _logger);

        Assert.Equal("CANNOT_SWIPE_SELF", error.Code);
        Assert.Equal("You cannot swipe on yourself.", error.Message);
        Assert.Empty(_logger.Errors);
    }

    [Theory]
    [InlineData(DomainRefusal.InvalidInput, "BAD_USER_INPUT")]
    [InlineData(DomainRefusal.NotAllowed, "FORBIDDEN")]
    [InlineData(DomainRefusal.NotFound, "NOT_FOUND")]
    [InlineData(DomainRefusal.TooOften, "RATE_LIMITED")]
    public void ToError_WithAGenericDomainRefusal_ShouldAnswerTheApplicationsCodeForItsKind(DomainRefusal refusal, string code)
    {
        var exception = refusal switch
        {
            DomainRefusal.InvalidInput => DomainException.InvalidInput("Nope."),
            DomainRefusal.NotAllowed => DomainException.NotAllowed("Nope."),
            DomainRefusal.NotFound => DomainException.NotFound("Nope."),
            _ => DomainException.TooOften("Nope."),
        };

        var error = ErrorMapping.ToError(exception, _logger);

        Assert.Equal(code, error.Code);
        Assert.Equal("Nope.", error.Message);
        Assert.Empty(_logger.Errors);
    }

    [Fact]
    public void ToError_WithInvalidInput_ShouldListTheFieldsInExtensions()
    {
        var fields = new Dictionary<string, string[]> { ["email"] = ["Enter an email address."] };

        var error = ErrorMapping.ToError(new InputValidationException(fields), _logger);

        Assert.Equal("BAD_USER_INPUT", error.Code);
        Assert.Same(fields, error.Extensions!["fields"]);
    }

    [Fact]
    public void ToError_WhenRateLimited_ShouldSayWhenToRetryInWholeSeconds()
    {
        var error = ErrorMapping.ToError(new RateLimitedException(TimeSpan.FromSeconds(12.2)), _logger);

        Assert.Equal("RATE_LIMITED", error.Code);
        Assert.Equal(13, error.Extensions!["retryAfterSeconds"]);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<Exception?> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
                Errors.Add(exception);
        }
    }
}
