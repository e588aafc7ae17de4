using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Tests.Storage;

public class BlobNamesTests
{
    [Theory]
    [InlineData("a:1Xyz-AbC_9;messageid=1234@thread.tacv2")]
    [InlineData("19:abcDEF@thread.skype")]
    [InlineData("29:1AbCdEfG-hij")]
    [InlineData("")]
    [InlineData("emoji 😀 and spaces / slashes")]
    public void EncodeKey_AnyId_IsOneValidSegment(string id)
    {
        var key = BlobNames.EncodeKey(id);

        BlobNames.Validate("x/" + key);
        Assert.DoesNotContain('/', key);
        Assert.Equal(key, BlobNames.EncodeKey(id));
    }

    [Fact]
    public void EncodeKey_IdsDifferingOnlyInCase_DifferWithoutUpperCase()
    {
        var lower = BlobNames.EncodeKey("a:abc");
        var upper = BlobNames.EncodeKey("a:ABC");

        Assert.NotEqual(lower, upper);
        Assert.Equal(lower, lower.ToLowerInvariant());
        Assert.Equal(upper, upper.ToLowerInvariant());
    }

    [Fact]
    public void EncodeKey_VeryLongId_IsHashedToBoundedLength()
    {
        var longId = "a:" + new string('x', 2000);

        var key = BlobNames.EncodeKey(longId);

        Assert.StartsWith("h", key);
        Assert.True(key.Length <= 60);
        Assert.NotEqual(key, BlobNames.EncodeKey(longId + "y"));
    }

    [Theory]
    [InlineData("ok/name.json", true)]
    [InlineData("a/b/c-d_e~f", true)]
    [InlineData(".tmp/x", false)]
    [InlineData("a/../b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a/", false)]
    public void Validate_Name_AcceptsOnlySafeNames(string name, bool valid)
    {
        var exception = Record.Exception(() => BlobNames.Validate(name));

        Assert.Equal(valid, exception is null);
    }
}
