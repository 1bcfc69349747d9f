using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Friender.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FrienderDbContext>
{
    public FrienderDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FrienderDbContext>();
        PersistenceSetup.Configure(options, "Host=localhost;Database=friender_design");
        return new FrienderDbContext(options.Options);
    }
}
