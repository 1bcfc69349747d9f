using Friender.Domain.Common;
using Friender.Domain.Photos;

namespace Friender.Domain.UnitTests.Photos;

public sealed class PhotoAlbumTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly Guid _owner = Guid.CreateVersion7();

    [Fact]
    public void Add_ShouldAppendAtTheNextPositionUpToSix()
    {
        var album = new PhotoAlbum(_owner, []);

        var photos = Enumerable.Range(0, 6).Select(_ => Add(album)).ToList();

        Assert.Equal([0, 1, 2, 3, 4, 5], photos.Select(photo => photo.Position));
        Assert.Equal(DomainErrorCodes.PhotoLimitReached, Assert.Throws<DomainException>(() => Add(album)).Code);
    }

    [Fact]
    public void Remove_ShouldCloseTheGapAndAskForTheObjectToBeDeleted()
    {
        var album = new PhotoAlbum(_owner, []);
        var first = Add(album);
        var second = Add(album);
        var third = Add(album);

        var deletion = album.Remove(second.Id, Now);

        Assert.Equal(second.StorageKey, deletion.StorageKey);
        Assert.Equal([(first.Id, 0), (third.Id, 1)], album.Photos.Select(photo => (photo.Id, photo.Position)));
    }

    [Fact]
    public void Remove_APhotoNotInTheAlbum_ShouldThrowNotFound()
    {
        var album = new PhotoAlbum(_owner, []);
        Add(album);

        Assert.Equal(DomainRefusal.NotFound, Assert.Throws<DomainException>(() => album.Remove(Guid.CreateVersion7(), Now)).Refusal);
    }

    [Fact]
    public void Reorder_ShouldFollowTheGivenOrder()
    {
        var album = new PhotoAlbum(_owner, []);
        var a = Add(album);
        var b = Add(album);
        var c = Add(album);

        album.Reorder([c.Id, a.Id, b.Id]);

        Assert.Equal([(c.Id, 0), (a.Id, 1), (b.Id, 2)], album.Photos.Select(photo => (photo.Id, photo.Position)));
    }

    [Fact]
    public void Reorder_WithAMissingRepeatedOrForeignId_ShouldThrowAndKeepTheOrder()
    {
        var album = new PhotoAlbum(_owner, []);
        var a = Add(album);
        var b = Add(album);

        Assert.Throws<DomainException>(() => album.Reorder([a.Id]));
        Assert.Throws<DomainException>(() => album.Reorder([a.Id, a.Id]));
        Assert.Throws<DomainException>(() => album.Reorder([a.Id, Guid.CreateVersion7()]));
        Assert.Equal([a.Id, b.Id], album.Photos.Select(photo => photo.Id));
    }

    [Fact]
    public void StorageKeyFor_ShouldNameTheObjectAfterTheOwnerAndThePhotoOnly()
    {
        var photoId = Guid.CreateVersion7();

        Assert.Equal($"users/{_owner}/{photoId}.jpg", PhotoAlbum.StorageKeyFor(_owner, photoId, "jpg"));
    }

    private Photo Add(PhotoAlbum album)
    {
        var id = Guid.CreateVersion7();
        return album.Add(id, new StoredImage(PhotoAlbum.StorageKeyFor(_owner, id, "jpg"), "image/jpeg", 10, 10, 100), Now);
    }
}
