using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

public sealed class ConversationStateCacheTests
{
    private static Versioned<ConversationState> State(string step, int padding = 0) => new(
        new ConversationState { Dialog = JsonSerializer.SerializeToElement(new { step, padding = new string('x', padding) }), RecentActivityIds = [step] },
        "\"etag-" + step + "\"");

    private static long SizeOf(string key, Versioned<ConversationState> state) =>
        ConversationStateCache.EstimateBytes(state.Value) + (2L * (key.Length + state.ETag.Length));

    private static ConversationStateCache Cache(long maxBytes, MemoryPressure pressure = MemoryPressure.Low) => new(maxBytes, () => pressure);

    [Fact]
    public void Get_AfterSet_ReturnsTheSameCopyAndETag()
    {
        var cache = Cache(1024 * 1024);
        var state = State("title");

        cache.Set("c1", state);

        Assert.Same(state, cache.Get("c1"));
        Assert.Null(cache.Get("c2"));
    }

    [Fact]
    public void AddIfAbsent_WhenASaveIsKeptAlready_KeepsTheSave()
    {
        var cache = Cache(1024 * 1024);
        var saved = State("saved");
        cache.Set("c1", saved);

        cache.AddIfAbsent("c1", State("read-earlier"));

        Assert.Same(saved, cache.Get("c1"));
    }

    [Fact]
    public void Set_OverTheBudget_DropsTheLeastRecentlyUsedFirst()
    {
        var budget = (8 * SizeOf("c0", State("0", 200))) + 10; // room for eight
        var cache = Cache(budget);
        for (var i = 0; i < 8; i++)
        {
            cache.Set("c" + i, State(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 200));
        }

        Assert.NotNull(cache.Get("c0")); // c0 used last now, so c1 is the least recent

        cache.Set("c8", State("8", 200));

        Assert.Null(cache.Get("c1"));
        Assert.Equal(8, cache.Count);
        Assert.NotNull(cache.Get("c0"));
        Assert.NotNull(cache.Get("c8"));
        Assert.True(cache.Bytes <= budget);
    }

    [Fact]
    public void Set_ManyConversations_NeverHoldsMoreThanTheBudget()
    {
        const long budget = 64 * 1024;
        var cache = Cache(budget);

        for (var i = 0; i < 2000; i++)
        {
            cache.Set("conversation-" + i, State("step-" + i, i % 700));
            Assert.True(cache.Bytes <= budget, $"{cache.Bytes} bytes after {i + 1} conversations");
        }

        Assert.InRange(cache.Count, 10, 2000);
        Assert.NotNull(cache.Get("conversation-1999"));
    }

    [Fact]
    public void Set_AStateBiggerThanAnEighthOfTheBudget_IsNotKeptAndDropsItsOlderCopy()
    {
        var cache = Cache(16 * 1024);
        cache.Set("c1", State("small"));

        cache.Set("c1", State("huge", 8 * 1024));

        Assert.Null(cache.Get("c1"));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Set_WithZeroBudget_KeepsNothing()
    {
        var cache = Cache(0);

        cache.Set("c1", State("a"));
        cache.AddIfAbsent("c2", State("b"));

        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Get("c1"));
    }

    [Fact]
    public void Remove_DropsTheCopyAndItsBytes()
    {
        var cache = Cache(1024 * 1024);
        cache.Set("c1", State("a"));

        cache.Remove("c1");

        Assert.Null(cache.Get("c1"));
        Assert.Equal(0, cache.Bytes);
    }

    [Theory]
    [InlineData(MemoryPressure.Low, 10)]
    [InlineData(MemoryPressure.Medium, 5)]
    [InlineData(MemoryPressure.High, 0)]
    public void Trim_ByPressure_KeepsTheMostRecentlyUsed(MemoryPressure pressure, int kept)
    {
        var cache = Cache(1024 * 1024);
        for (var i = 0; i < 10; i++)
        {
            cache.Set("c" + i, State("s" + i));
        }

        cache.Trim(pressure);

        Assert.Equal(kept, cache.Count);
        for (var i = 10 - kept; i < 10; i++)
        {
            Assert.NotNull(cache.Get("c" + i));
        }
    }

    [Theory]
    [InlineData(50, 100, MemoryPressure.Low)]
    [InlineData(79, 100, MemoryPressure.Low)]
    [InlineData(80, 100, MemoryPressure.Medium)]
    [InlineData(99, 100, MemoryPressure.Medium)]
    [InlineData(100, 100, MemoryPressure.High)]
    [InlineData(150, 100, MemoryPressure.High)]
    [InlineData(150, 0, MemoryPressure.Low)]
    public void PressureOf_MemoryLoadAgainstTheGcThreshold_IsGraded(long load, long threshold, MemoryPressure expected)
    {
        Assert.Equal(expected, ConversationStateCache.PressureOf(load, threshold));
    }

    [Fact]
    public void FullGc_UnderHighMemoryPressure_EmptiesTheCacheEveryTime()
    {
        var pressure = MemoryPressure.High;
        var cache = new ConversationStateCache(1024 * 1024, () => pressure);

        for (var round = 0; round < 2; round++)
        {
            cache.Set("c1", State("a"));
            cache.Set("c2", State("b"));
            Assert.Equal(2, cache.Count);

            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();

            Assert.Equal(0, cache.Count);
        }

        pressure = MemoryPressure.Low;
        cache.Set("c1", State("a"));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        Assert.Equal(1, cache.Count);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(32L * 1024 * 1024, true)]
    [InlineData(5L * 1024 * 1024 * 1024, false)]
    public void Options_MaxBytes_IsValidatedAtStartUp(long maxBytes, bool valid)
    {
        var options = new ConversationStateCacheOptions { MaxBytes = maxBytes };

        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.All(results, r => Assert.Contains("StateCache:MaxBytes", r.ErrorMessage, StringComparison.Ordinal));
    }
}
