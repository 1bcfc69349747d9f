using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Friender.Application.Moderation.Common;

/// <summary>
/// A reported photo is copied in storage when reported, so that moderators can still see it after its owner deletes it
/// (or their account); the copy goes with the rest of the evidence, <see cref="ModerationOptions.EvidenceRetention"/>
/// after the report is decided.
/// </summary>
public sealed class PhotoEvidence(IAppDbContext db, IPhotoStorage storage, ILogger<PhotoEvidence> logger)
{
    /// <summary>After the report is stored: a copy now, or none if storage refuses (the report stands without it).</summary>
    public async Task KeepAsync(Report report, CancellationToken cancellationToken)
    {
        if (report.PhotoId is not { } photoId
            || await db.Photos.AsNoTracking().Where(photo => photo.Id == photoId).Select(photo => photo.StorageKey).SingleOrDefaultAsync(cancellationToken)
                is not { } storageKey)
        {
            return;
        }

        try
        {
            await storage.CopyAsync(storageKey, Report.EvidenceKeyFor(report.Id), cancellationToken);
        }
        catch (StorageUnavailableException unavailable)
        {
            logger.LogWarning(unavailable.Cause, "Could not keep a copy of a reported photo; the report stands without it");
            return;
        }

        report.KeepPhotoCopy();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes the kept copies of reports decided before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> ForgetAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var reports = await db.Reports.Where(report => report.ResolvedAt < before && report.EvidencePhotoKey != null)
            .OrderBy(report => report.ResolvedAt).Take(100).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            await storage.DeleteAsync(report.EvidencePhotoKey!, cancellationToken);
            report.ForgetPhotoCopy();
        }

        await db.SaveChangesAsync(cancellationToken);
        return reports.Count;
    }
}
