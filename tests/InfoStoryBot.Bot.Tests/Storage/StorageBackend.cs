using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.Local;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.Bot.Tests.Storage;

/// <summary>
/// Base for store tests that run on both implementations: a fresh local folder, or a fresh container in the
/// shared Azurite. Subclasses pick one with <see cref="LocalBackend"/> or <see cref="AzuriteBackend"/>.
/// </summary>
public abstract class StorageBackend : IAsyncLifetime
{
    private TempFolder? _folder;

    protected IBlobStore Blobs { get; private set; } = null!;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The local folder, when the backend is local; null on Azurite.</summary>
    protected string? LocalRoot => _folder?.Path;

    protected virtual AzuriteFixture? Azurite => null;

    public async Task InitializeAsync()
    {
        if (Azurite is { } azurite)
        {
            Blobs = await azurite.NewStoreAsync();
        }
        else
        {
            _folder = new TempFolder();
            var local = new LocalFolderBlobStore(_folder.Path, Time);
            await local.InitializeAsync(CancellationToken.None);
            Blobs = local;
        }

        await OnInitializedAsync();
    }

    protected virtual Task OnInitializedAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _folder?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every item name in the store, for "nothing is left" assertions.</summary>
    protected async Task<List<string>> AllNamesAsync()
    {
        var names = new List<string>();
        string? continuation = null;
        do
        {
            var page = await Blobs.ListAsync("", 5000, continuation, CancellationToken.None);
            names.AddRange(page.Names);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return names;
    }
}
