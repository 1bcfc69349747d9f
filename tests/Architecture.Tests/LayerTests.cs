using Friender.Application.Common.Abstractions;
using Friender.Domain.Users;
using Friender.Infrastructure.Persistence;
using NetArchTest.Rules;

namespace Friender.Architecture.Tests;

/// <summary>Domain ← Application ← Infrastructure; the GraphQL host composes them (docs/architecture.md).</summary>
public sealed class LayerTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(User).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(IAppDbContext).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(FrienderDbContext).Assembly;
    private static readonly System.Reflection.Assembly Host = typeof(Program).Assembly;

    [Fact]
    public void Domain_ShouldDependOnNothingButTheBaseLibraries()
    {
        AssertNoDependency(Types.InAssembly(Domain),
            "Friender.Application", "Friender.Infrastructure", "Friender.GraphQL",
            "Microsoft.EntityFrameworkCore", "Npgsql", "Amazon", "GraphQL", "FluentValidation", "Microsoft.AspNetCore");
    }

    [Fact]
    public void Application_ShouldNotKnowInfrastructureTheHostOrDrivers()
    {
        AssertNoDependency(Types.InAssembly(Application),
            "Friender.Infrastructure", "Friender.GraphQL", "Npgsql", "Amazon", "GraphQL", "Microsoft.AspNetCore",
            "Microsoft.IdentityModel");
    }

    [Fact]
    public void Infrastructure_ShouldNotKnowTheHost()
    {
        AssertNoDependency(Types.InAssembly(Infrastructure), "Friender.GraphQL", "GraphQL");
    }

    [Fact]
    public void GraphQLTypesAndTransport_ShouldNotReadTheDatabase()
    {
        var resolversAndTransport = Types.InAssembly(Host).That()
            .ResideInNamespaceStartingWith("Friender.GraphQL")
            .And().DoNotResideInNamespace("Friender.GraphQL.Hosting");

        AssertNoDependency(resolversAndTransport, "Friender.Infrastructure.Persistence", "Microsoft.EntityFrameworkCore", "Npgsql");
    }

    [Fact]
    public void WebSocketTransport_ShouldNotNeedTheDomain()
    {
        // Generic codes such as RATE_LIMITED belong to the Application (ADR 0021); the socket has no rules of its own.
        AssertNoDependency(Types.InAssembly(Host).That().ResideInNamespace("Friender.GraphQL.Transport.WebSockets"), "Friender.Domain");
    }

    private static void AssertNoDependency(Types types, params string[] forbidden) =>
        AssertNoDependency(types.That().HaveNameMatching(".*"), forbidden);

    private static void AssertNoDependency(PredicateList types, params string[] forbidden)
    {
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            "These types depend on a forbidden layer or library: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
