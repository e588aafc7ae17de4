using System.Globalization;
using System.Text.Json;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.DevChat;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Exports;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Exports;

/// <summary>
/// Delivers an export the way the place it was asked in allows: in Teams, a file consent card in the admin's 1:1 chat,
/// so the file lands in their OneDrive when they allow it (as Company Communicator's export does); in local Web Chat,
/// which has no file consent, a short-lived signed download link. For the <c>export</c> command and the export
/// buttons, after the admin gate.
/// </summary>
public interface IExportDelivery
{
    /// <summary>Queues the offer to run once the turn is saved; its card or link is the turn's reply.</summary>
    void Offer(TurnContext turn, string campaignId, ExportFormat format);

    /// <summary>The offer itself: the replies to send in the conversation of <paramref name="inbound"/>.</summary>
    Task<IReadOnlyList<Activity>> OfferAsync(Activity inbound, string campaignId, ExportFormat format, CultureInfo culture, CancellationToken cancellationToken);
}

/// <summary>A file consent answer, as the invoke carried it.</summary>
internal sealed record FileConsent(bool Accepted, string? ExportId, FileUploadInfo? Upload);

/// <summary><c>uploadInfo</c> of an accepted file consent.</summary>
internal sealed record FileUploadInfo(string? Name, string? FileType, string? UniqueId, string? ContentUrl, string? UploadUrl);

internal sealed partial class ExportDelivery(
    ICampaignStore campaigns,
    IStorybookExporter exporter,
    ExportRequests requests,
    IServiceProvider services,
    IOptions<ExportsOptions> options,
    TimeProvider time,
    IAuditLog audit,
    ILogger<ExportDelivery> log) : IExportDelivery
{
    public const string FileConsentContentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoContentType = "application/vnd.microsoft.teams.card.file.info";

    public void Offer(TurnContext turn, string campaignId, ExportFormat format) => turn.Then(new OfferFollowUp(turn.Activity, campaignId, format, turn.Culture));

    public async Task<IReadOnlyList<Activity>> OfferAsync(Activity inbound, string campaignId, ExportFormat format, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var say = (string key, object[] args) => (IReadOnlyList<Activity>)[inbound.CreateReply(string.Format(culture, BotText.Get(key, culture), args)) with { TextFormat = "markdown" }];
        if (inbound.From?.AadObjectId is not { Length: > 0 } requester)
        {
            return say("Export_NoIdentity", []);
        }

        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } stored)
        {
            return say("Export_NoCampaign", [campaignId]);
        }

        var campaign = stored.Value;
        var fileName = StoryExports.FileName(campaign.Id, ExportWriter.Extension(format), CampaignCalendar.Today(campaign.TimeZone, time.GetUtcNow()));
        if (DevChatCast.IsDevChatServiceUrl(inbound.ServiceUrl) && services.GetService<ExportLinks>() is { } links)
        {
            var made = await links.CreateAsync(campaign.Id, format, fileName, culture, cancellationToken);
            if (made is not { } link)
            {
                return say("Export_NoCampaign", [campaignId]);
            }

            await AuditAsync(requester, inbound.From.Name, campaign.Id, format, link.Result.Stories, "link", cancellationToken);
            var minutes = ((int)options.Value.LinkLifetime.TotalMinutes).ToString(culture);
            return say("Export_Link", [campaign.Name, format.ToString().ToUpperInvariant(), link.Result.Stories.ToString("N0", culture), link.FileName, link.Link.ToString(), minutes]);
        }

        if (inbound.Conversation?.ConversationType is not (null or ConversationTypes.Personal))
        {
            // Teams sends files to bots only in personal scope.
            return say("Export_PersonalOnly", []);
        }

        var (count, bytes) = await exporter.EstimateAsync(campaign.Id, format, culture, cancellationToken);
        var request = new ExportRequest
        {
            Id = ExportRequests.NewId(),
            CampaignId = campaign.Id,
            Format = format,
            FileName = fileName,
            RequestedBy = requester,
            RequestedAt = time.GetUtcNow(),
            ExpiresAt = time.GetUtcNow() + options.Value.OfferLifetime,
        };
        await requests.SaveAsync(request, cancellationToken);
        var context = new Dictionary<string, string> { ["exportId"] = request.Id };
        var card = inbound.CreateReply() with
        {
            Text = string.Format(culture, BotText.Get("Export_Consent", culture), campaign.Name, count.ToString("N0", culture)),
            TextFormat = "markdown",
            Attachments =
            [
                new Attachment
                {
                    ContentType = FileConsentContentType,
                    Name = fileName,
                    Content = JsonSerializer.SerializeToElement(new
                    {
                        description = string.Format(culture, BotText.Get("Export_ConsentDescription", culture), campaign.Name, count.ToString("N0", culture)),
                        sizeInBytes = bytes,
                        acceptContext = context,
                        declineContext = context,
                    }),
                },
            ],
        };
        return [card];
    }

    /// <summary>The consent's answer, once the invoke's turn is saved: claim the request, then upload in the background.</summary>
    public async Task<IReadOnlyList<Activity>> AnswerAsync(Activity invoke, FileConsent consent, CultureInfo culture, CancellationToken cancellationToken)
    {
        var say = (string key) => (IReadOnlyList<Activity>)[invoke.CreateReply(BotText.Get(key, culture)) with { TextFormat = "markdown", ReplyToId = null }];
        var stored = await requests.GetAsync(consent.ExportId, cancellationToken);
        if (stored is null || stored.Value.ExpiresAt <= time.GetUtcNow() || stored.Value.RequestedBy != invoke.From?.AadObjectId)
        {
            // Someone else's card is answered the same way as a spent one: it tells them nothing.
            return say("Export_Spent");
        }

        if (!consent.Accepted)
        {
            await requests.ClaimAsync(stored, cancellationToken);
            await RetireCardAsync(invoke, cancellationToken);
            return say("Export_Declined");
        }

        var uploader = services.GetRequiredService<ExportUploader>();
        if (consent.Upload?.UploadUrl is not { } uploadUrl || !uploader.IsAllowed(uploadUrl))
        {
            LogBadUploadUrl(log, Uri.TryCreate(consent.Upload?.UploadUrl, UriKind.Absolute, out var bad) ? bad.Scheme + "://" + bad.Host : "(none)");
            await requests.ClaimAsync(stored, cancellationToken);
            return say("Export_BadUpload");
        }

        if (!await requests.ClaimAsync(stored, cancellationToken))
        {
            return []; // Allow was pressed twice: the first press is already uploading.
        }

        var work = services.GetRequiredService<IBackgroundWork>();
        var request = stored.Value;
        var upload = consent.Upload;
        if (!work.TryEnqueue("export upload", (provider, ct) => provider.GetRequiredService<ExportDelivery>().UploadAsync(invoke, request, upload, culture, ct)))
        {
            return say("Export_Busy");
        }

        return [];
    }

    /// <summary>
    /// Background: writes the export to a temporary file (deleted on close), PUTs it to the upload session, then sends
    /// the file info card, retires the consent card and writes the audit entry (who, campaign, format, count; never content).
    /// </summary>
    public async Task UploadAsync(Activity invoke, ExportRequest request, FileUploadInfo upload, CultureInfo culture, CancellationToken cancellationToken)
    {
        var connector = services.GetRequiredService<IConnectorClient>();
        var uploader = services.GetRequiredService<ExportUploader>();
        Activity reply;
        try
        {
            reply = await ExportAndUploadAsync(invoke, request, upload, culture, uploader, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Storage or the disk failed mid-export: the admin hears so, rather than waiting for a file that never comes.
            LogExportFailed(log, e, request.CampaignId, request.Format);
            reply = invoke.CreateReply(BotText.Get("Export_UploadFailed", culture)) with { ReplyToId = null, TextFormat = "markdown" };
        }

        var sent = await connector.SendToConversationAsync(invoke.ServiceUrl!, invoke.Conversation!.Id!, reply, cancellationToken);
        if (!sent.IsSuccess)
        {
            LogNotTold(log, sent.Outcome, sent.StatusCode);
        }

        await RetireCardAsync(invoke, cancellationToken);
    }

    private async Task<Activity> ExportAndUploadAsync(Activity invoke, ExportRequest request, FileUploadInfo upload, CultureInfo culture, ExportUploader uploader, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "infostorybot-upload-" + request.Id);
        Activity reply;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose))
        {
            var result = await exporter.WriteAsync(request.CampaignId, request.Format, file, culture, cancellationToken);
            UploadOutcome outcome;
            if (result is null)
            {
                outcome = new UploadOutcome(false, null, "the campaign no longer exists");
            }
            else
            {
                file.Position = 0;
                outcome = await uploader.UploadAsync(upload.UploadUrl!, file, file.Length, cancellationToken);
            }

            if (outcome.Succeeded && result is not null)
            {
                await AuditAsync(request.RequestedBy, invoke.From?.Name, request.CampaignId, request.Format, result.Stories, "onedrive", cancellationToken);
                LogUploaded(log, request.CampaignId, request.Format, result.Stories, result.Bytes);
                reply = invoke.CreateReply() with
                {
                    ReplyToId = null,
                    Attachments =
                    [
                        new Attachment
                        {
                            ContentType = FileInfoContentType,
                            Name = upload.Name ?? request.FileName,
                            ContentUrl = upload.ContentUrl,
                            Content = JsonSerializer.SerializeToElement(new { uniqueId = upload.UniqueId, fileType = upload.FileType ?? ExportWriter.Extension(request.Format) }),
                        },
                    ],
                };
            }
            else
            {
                LogUploadFailed(log, request.CampaignId, request.Format, outcome.StatusCode, outcome.Problem);
                reply = invoke.CreateReply(BotText.Get("Export_UploadFailed", culture)) with { ReplyToId = null, TextFormat = "markdown" };
            }
        }

        return reply;
    }

    /// <summary>Deletes the consent card the invoke came from (its replyToId), so it cannot be pressed again; best effort.</summary>
    private async Task RetireCardAsync(Activity invoke, CancellationToken cancellationToken)
    {
        if (invoke.ReplyToId is { Length: > 0 } cardId && invoke.ServiceUrl is { } serviceUrl && invoke.Conversation?.Id is { } conversationId)
        {
            var deleted = await services.GetRequiredService<IConnectorClient>().DeleteActivityAsync(serviceUrl, conversationId, cardId, cancellationToken);
            if (!deleted.IsSuccess)
            {
                LogCardNotRetired(log, deleted.StatusCode);
            }
        }
    }

    private Task AuditAsync(string actor, string? actorName, string campaignId, ExportFormat format, int stories, string via, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorAadObjectId = actor,
            ActorName = actorName,
            Action = "storybook.export",
            Target = campaignId,
            Details = string.Create(CultureInfo.InvariantCulture, $"{ExportWriter.Extension(format)}, {stories} stories, by {via}"),
        }, cancellationToken);

    private sealed class OfferFollowUp(Activity inbound, string campaignId, ExportFormat format, CultureInfo culture) : ITurnFollowUp
    {
        public Task<IReadOnlyList<Activity>> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<IExportDelivery>().OfferAsync(inbound, campaignId, format, culture, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file consent carried an upload address that is not a SharePoint https address ({Address}); nothing was sent")]
    private static partial void LogBadUploadUrl(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export of {CampaignId} as {Format} uploaded: {Stories} stories, {Bytes} bytes")]
    private static partial void LogUploaded(ILogger logger, string campaignId, ExportFormat format, int stories, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Export of {CampaignId} as {Format} was not uploaded: status {Status}, {Problem}")]
    private static partial void LogUploadFailed(ILogger logger, string campaignId, ExportFormat format, int? status, string? problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export of {CampaignId} as {Format} failed before it could be uploaded")]
    private static partial void LogExportFailed(ILogger logger, Exception exception, string campaignId, ExportFormat format);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the admin how their export went: {Outcome}, status {Status}")]
    private static partial void LogNotTold(ILogger logger, ConnectorOutcome outcome, int? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not remove the answered file consent card: status {Status}")]
    private static partial void LogCardNotRetired(ILogger logger, int? status);
}
