using Friender.Application.Common.Abstractions;
using Friender.Application.Common.Exceptions;
using Friender.Application.Photos.Common;
using Friender.Domain.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Friender.Application.UnitTests.Photos;

public sealed class PhotoObjectDeleterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly IAppDbContext _db = Substitute.For<IAppDbContext>();
    private readonly DbSet<PhotoObjectDeletion> _queue = Substitute.For<DbSet<PhotoObjectDeletion>>();
    private readonly IPhotoStorage _storage = Substitute.For<IPhotoStorage>();

    public PhotoObjectDeleterTests() => _db.PhotoObjectDeletions.Returns(_queue);

    [Fact]
    public async Task DeleteAsync_WhenStorageAnswers_ShouldDeleteEveryObjectAndDropEveryQueuedRow()
    {
        var queued = Queued(3);

        var deleted = await Deleter().DeleteAsync(queued, CancellationToken.None);

        Assert.Equal(3, deleted);
        foreach (var deletion in queued)
        {
            await _storage.Received(1).DeleteAsync(deletion.StorageKey, Arg.Any<CancellationToken>());
            _queue.Received(1).Remove(deletion);
        }

        await _db.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DeleteAsync_WhenStorageRefusesOne_ShouldStopThereAndKeepItAndTheRestQueued()
    {
        var queued = Queued(3);
        _storage.DeleteAsync(queued[1].StorageKey, Arg.Any<CancellationToken>())
            .ThrowsAsync(new StorageUnavailableException(new IOException("storage is down")));

        var deleted = await Deleter().DeleteAsync(queued, CancellationToken.None);

        Assert.Equal(1, deleted);
        _queue.Received(1).Remove(queued[0]);
        _queue.DidNotReceive().Remove(queued[1]);
        _queue.DidNotReceive().Remove(queued[2]);
        await _storage.DidNotReceive().DeleteAsync(queued[2].StorageKey, Arg.Any<CancellationToken>());
        await _db.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DeleteAsync_WhenStorageRefusesTheFirst_ShouldSaveNothing()
    {
        var queued = Queued(2);
        _storage.DeleteAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new StorageUnavailableException(new IOException("storage is down")));

        Assert.Equal(0, await Deleter().DeleteAsync(queued, CancellationToken.None));
        await _db.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    private PhotoObjectDeleter Deleter() => new(_db, _storage, NullLogger<PhotoObjectDeleter>.Instance);

    private static List<PhotoObjectDeletion> Queued(int count)
    {
        var owner = Guid.CreateVersion7();
        var album = new PhotoAlbum(owner, []);
        var photos = Enumerable.Range(0, count).Select(_ =>
        {
            var id = Guid.CreateVersion7();
            return album.Add(id, new StoredImage(PhotoAlbum.StorageKeyFor(owner, id, "jpg"), "image/jpeg", 10, 10, 100), Now);
        }).ToList();
        return photos.Select(photo => album.Remove(photo.Id, Now)).ToList();
    }
}
