using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Exports;

/// <summary>
/// <c>fileConsent/invoke</c>: the admin pressed Allow or Decline on an export's file consent card. Teams wants 200 with
/// an empty body either way (400 for an answer it could not have sent); the work happens after the turn is saved (a
/// turn can be re-run), and the upload itself in the background, so the invoke answers within Teams' time limit
/// whatever the export's size. Admins only: an Allow forged by anyone else would name their own OneDrive.
/// </summary>
internal sealed class FileConsentInvoke : IInvokeHandler
{
    public const string InvokeName = "fileConsent/invoke";

    public string Name => InvokeName;

    public Audience Audience => Audience.CampaignTeam;

    public Task<TurnResult> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Read(turn.Activity.Value) is not { } consent)
        {
            return Task.FromResult(new TurnResult(StatusCodes.Status400BadRequest));
        }

        turn.Then(new Answer(turn.Activity, consent, turn.Culture));
        return Task.FromResult(TurnResult.Ok);
    }

    internal static FileConsent? Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || Text(v, "type") != "fileUpload" || Text(v, "action") is not { } action
            || action is not ("accept" or "decline"))
        {
            return null;
        }

        var exportId = v.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object ? Text(context, "exportId") : null;
        FileUploadInfo? upload = null;
        if (v.TryGetProperty("uploadInfo", out var info) && info.ValueKind == JsonValueKind.Object)
        {
            upload = new FileUploadInfo(Text(info, "name"), Text(info, "fileType"), Text(info, "uniqueId"), Text(info, "contentUrl"), Text(info, "uploadUrl"));
        }

        return new FileConsent(action == "accept", exportId, upload);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private sealed class Answer(Activity invoke, FileConsent consent, System.Globalization.CultureInfo culture) : ITurnFollowUp
    {
        public Task<IReadOnlyList<Activity>> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<ExportDelivery>().AnswerAsync(invoke, consent, culture, cancellationToken);
    }
}
