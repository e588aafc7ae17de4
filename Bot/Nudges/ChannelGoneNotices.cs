using System.Globalization;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Text;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>
/// Tells every admin, once, in their 1:1 chat, that a channel answered 403/404 and was marked gone. "Once" is
/// the send ledger's: each (channel, time it was marked, admin) is one send key, so neither a second instance
/// nor a retry tells anyone twice.
/// </summary>
public sealed partial class ChannelGoneNotices(
    IAdminDirectory admins,
    IConversationReferenceStore references,
    IProactiveSender sender,
    ISendLedger ledger,
    ILogger<ChannelGoneNotices> log)
{
    private const int NameLimit = 200;

    /// <returns>How many admins were told now.</returns>
    public async Task<int> TellAsync(NudgeChannel channel, DateTimeOffset goneAt, string campaignName, int? statusCode, string? errorCode, CancellationToken cancellationToken)
    {
        var answer = string.Join(' ', new[] { statusCode?.ToString(CultureInfo.InvariantCulture), errorCode }.Where(p => !string.IsNullOrEmpty(p)));
        var text = NudgeNoticeText.Format(
            "ChannelGone",
            UntrustedText.Markdown(channel.DisplayName, NameLimit),
            UntrustedText.Markdown(answer.Length == 0 ? "403/404" : answer, NameLimit),
            UntrustedText.Markdown(campaignName, NameLimit));
        var told = 0;
        foreach (var admin in await admins.AdminObjectIdsAsync(cancellationToken))
        {
            var key = $"notices/channel-gone/{BlobNames.EncodeKey(channel.ChannelId)}/{goneAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}/{BlobNames.EncodeKey(admin.ToLowerInvariant())}";
            var details = new Dictionary<string, string> { ["channel"] = channel.ChannelId, ["admin"] = admin };
            var reference = await references.GetPersonalAsync(admin, cancellationToken);
            if (reference?.Conversation?.Id is null || reference.ServiceUrl is null)
            {
                // An admin who never opened a chat with the bot cannot be written to; the ledger shows who was not told.
                await ledger.RecordUnsentAsync(new SendRequest(key, null, details), SendStatus.Skipped, "No 1:1 chat with this admin yet.", cancellationToken);
                LogNoChat(log, admin, channel.ChannelId);
                continue;
            }

            var result = await sender.SendToPersonAsync(
                new PersonalMessage(key, reference, new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, details),
                cancellationToken);
            if (result.Outcome == ProactiveOutcome.Sent)
            {
                told++;
            }
            else if (result.Outcome == ProactiveOutcome.Gone)
            {
                await references.DeleteAsync(reference.Conversation.Id, cancellationToken);
            }
        }

        return told;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin {Admin} could not be told that channel {ChannelId} is gone: no 1:1 chat with the bot yet")]
    private static partial void LogNoChat(ILogger logger, string admin, string channelId);
}
