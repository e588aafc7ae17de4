using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>
/// Stands in for the turn router in DevChat's tests: replies through IConnectorClient to the activity's
/// serviceUrl exactly as the real router does, so what it exercises is DevChat's plumbing.
/// </summary>
internal sealed class EchoTurnProcessor(IConnectorClient connector) : ITurnProcessor
{
    public ConcurrentQueue<Activity> Received { get; } = new();

    public async Task<TurnResult> ProcessAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        Received.Enqueue(activity);
        var serviceUrl = activity.ServiceUrl!;
        var conversationId = activity.Conversation!.Id!;

        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                var person = activity.MembersAdded?.FirstOrDefault(m => m.Id != activity.Recipient?.Id);
                await SendAsync(activity.CreateReply($"Welcome, {person?.Name}."));
                return TurnResult.Ok;

            case ActivityTypes.Invoke when activity.Name == "adaptiveCard/action":
                var verb = activity.Value?.GetProperty("action").GetProperty("verb").GetString();
                return new TurnResult(200, new AdaptiveCardInvokeResponse
                {
                    Type = AdaptiveCardInvokeResponse.CardType,
                    Value = Card($"Refreshed by {verb}."),
                });

            case ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("choice", out var choice):
                await SendAsync(activity.CreateReply($"You chose {choice.GetString()}."));
                return TurnResult.Ok;

            case ActivityTypes.Message when activity.Text == "boom":
                throw new InvalidOperationException("The echo bot was asked to fail.");

            case ActivityTypes.Message when activity.Text == "update me":
                var sent = await SendAsync(activity.CreateReply("Version 1."));
                await connector.UpdateActivityAsync(serviceUrl, conversationId, sent.Value!.Id!, activity.CreateReply("Version 2."), cancellationToken);
                return TurnResult.Ok;

            case ActivityTypes.Message:
                await SendAsync(activity.CreateReply($"You said: {activity.Text}"));
                await SendAsync(activity.CreateReply() with
                {
                    Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = Card("Pick one.", withActions: true) }],
                });
                return TurnResult.Ok;

            default:
                return TurnResult.Ok;
        }

        async Task<ConnectorResult<ResourceResponse>> SendAsync(Activity reply)
        {
            var result = await connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Send failed: {result.StatusCode} {result.ErrorCode} {result.Message}");
            }

            return result;
        }
    }

    public static JsonElement Card(string text, bool withActions = false)
    {
        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new object[] { new { type = "TextBlock", text, wrap = true } },
        };
        if (withActions)
        {
            card["actions"] = new object[]
            {
                new { type = "Action.Submit", title = "Tell me more", data = new { choice = "more" } },
                new { type = "Action.Execute", title = "Refresh", verb = "refresh", data = new { n = 1 } },
            };
        }

        return JsonSerializer.SerializeToElement(card);
    }
}
