using System.Text.Json;
using InfoStoryBot.Bot.Exports;

namespace InfoStoryBot.Bot.Tests.Exports;

public sealed class FileConsentTests
{
    [Theory]
    [InlineData("https://contoso.sharepoint.com/personal/priya/_api/v2.0/drive/items/01ABC/uploadSession?guid=1", false, true)]
    [InlineData("https://contoso-my.sharepoint.com/personal/priya/_api/v2.0/drive/items/01ABC/uploadSession?guid=1", true, true)]
    [InlineData("https://CONTOSO.SharePoint.com/x", false, true)]
    [InlineData("http://contoso.sharepoint.com/x", false, false)]
    [InlineData("https://sharepoint.com/x", false, false)]
    [InlineData("https://contoso.sharepoint.com.evil.example/x", false, false)]
    [InlineData("https://evil.example/contoso.sharepoint.com/x", false, false)]
    [InlineData("https://contoso.sharepoint.com:8443/x", false, false)]
    [InlineData("https://user:pass@contoso.sharepoint.com/x", false, false)]
    [InlineData("http://127.0.0.1:5000/onedrive/upload/1", true, true)]
    [InlineData("http://localhost:5000/onedrive/upload/1", true, true)]
    [InlineData("http://[::1]:5000/onedrive/upload/1", true, true)]
    [InlineData("http://127.0.0.1:5000/onedrive/upload/1", false, false)]
    [InlineData("http://10.0.0.7/onedrive/upload/1", true, false)]
    [InlineData("file:///etc/passwd", true, false)]
    [InlineData("not a url", true, false)]
    [InlineData(null, true, false)]
    public void Allowed_OnlySharePointHttps_OrLoopbackHttpInLocalMode(string? url, bool localMode, bool allowed) =>
        Assert.Equal(allowed, ExportUploader.Allowed(url, localMode));

    [Fact]
    public void Read_AnAcceptWithUploadInfo_GivesTheExportIdAndUploadAddress()
    {
        using var value = JsonDocument.Parse("""
            {"type":"fileUpload","action":"accept","context":{"exportId":"0123456789abcdef0123456789abcdef"},
             "uploadInfo":{"name":"s.csv","fileType":"csv","uniqueId":"01X","contentUrl":"https://c.sharepoint.com/s.csv","uploadUrl":"https://c.sharepoint.com/u"}}
            """);

        var consent = FileConsentInvoke.Read(value.RootElement)!;

        Assert.True(consent.Accepted);
        Assert.Equal("0123456789abcdef0123456789abcdef", consent.ExportId);
        Assert.Equal(new FileUploadInfo("s.csv", "csv", "01X", "https://c.sharepoint.com/s.csv", "https://c.sharepoint.com/u"), consent.Upload);
    }

    [Theory]
    [InlineData("""{"type":"fileUpload","action":"decline","context":{"exportId":"a"}}""", true)]
    [InlineData("""{"type":"fileUpload","action":"decline"}""", true)]
    [InlineData("""{"type":"fileUpload","action":"maybe","context":{}}""", false)]
    [InlineData("""{"type":"somethingElse","action":"accept"}""", false)]
    [InlineData("""{"action":"accept"}""", false)]
    [InlineData("""[1,2]""", false)]
    [InlineData("""{"type":"fileUpload","action":7}""", false)]
    public void Read_OnlyFileUploadAcceptOrDecline_IsAnAnswer(string json, bool read)
    {
        using var value = JsonDocument.Parse(json);

        Assert.Equal(read, FileConsentInvoke.Read(value.RootElement) is not null);
    }
}
