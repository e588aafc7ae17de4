using System.Text.Json;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Tests.StoryCapture;

namespace InfoStoryBot.Dialogs.Tests.Engine;

/// <summary>The engine on its own, with a two-question dialog that has nothing to do with stories.</summary>
public sealed class StepDialogTests
{
    public sealed record Order(string? Item = null, bool? GiftWrap = null);

    private sealed class ItemStep : DialogStep<Order>
    {
        public override string Id => "item";
        public override bool IsAnswered(Order draft) => draft.Item is not null;
        public override IReadOnlyList<DialogMessage> Ask(StepContext<Order> context) => [DialogMessage.Say("Which item?")];
        public override string Help(StepContext<Order> context) => "Any item name will do.";

        public override StepResult<Order> Answer(StepContext<Order> context, DialogInput input) =>
            input.Text.Length < 3 ? new StepResult<Order>.Invalid("Too short.") : new StepResult<Order>.Next(context.Draft with { Item = input.Text });
    }

    private sealed class WrapStep : DialogStep<Order>
    {
        public override string Id => "wrap";
        public override bool IsAnswered(Order draft) => draft.GiftWrap is not null;
        public override IReadOnlyList<DialogMessage> Ask(StepContext<Order> context) => [DialogMessage.Say("Gift wrap?")];
        public override string Help(StepContext<Order> context) => "Yes or no.";

        public override StepResult<Order> Answer(StepContext<Order> context, DialogInput input) =>
            ConfirmParser.Read(input.Text, context.Text) is { } yes
                ? new StepResult<Order>.Done(context.Draft with { GiftWrap = yes })
                : new StepResult<Order>.Invalid("Yes or no, please.");
    }

    private sealed class OrderDialog : StepDialog<Order, Order>
    {
        public override string Name => "order";
        protected override IReadOnlyList<DialogStep<Order>> Steps { get; } = [new ItemStep(), new WrapStep()];
        protected override Order Restart(Order draft) => new();
        protected override (Order Result, IReadOnlyList<DialogMessage> Messages) Complete(StepContext<Order> context) =>
            (context.Draft, [DialogMessage.Say("Done.")]);
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static DialogTurn Say(string text, TimeSpan? after = null) =>
        new() { Text = text, Now = T0 + (after ?? TimeSpan.Zero), Culture = StoryTranscript.EnGb };

    [Fact]
    public void AnyDialog_GetsTheSameInterruptionsValidationAndCompletion()
    {
        var dialog = new OrderDialog();
        var r = dialog.Begin(new Order(), Say(""));
        Assert.Equal("Which item?", r.Messages.Single().Text);

        r = dialog.Continue(r.State!.Value, Say("no"));
        Assert.Equal(["Too short.", "Which item?"], r.Messages.Select(m => m.Text));

        r = dialog.Continue(r.State!.Value, Say("help"));
        Assert.StartsWith("Any item name will do.", r.Messages[0].Text, StringComparison.Ordinal);

        r = dialog.Continue(r.State!.Value, Say("A teapot"));
        Assert.Equal("Gift wrap?", r.Messages.Single().Text);

        r = dialog.Continue(r.State!.Value, Say("go back"));
        Assert.Equal("Which item?", r.Messages.Single().Text);
        r = dialog.Continue(r.State!.Value, Say("A kettle"));

        var stored = JsonDocument.Parse(JsonSerializer.Serialize(r.State!.Value)).RootElement;
        Assert.Equal("order", stored.GetProperty("dialog").GetString());
        r = dialog.Continue(stored, Say("yes please"));

        Assert.Equal(DialogStatus.Completed, r.Status);
        Assert.Null(r.State);
        Assert.Equal(new Order("A kettle", true), r.Result);
    }

    [Fact]
    public void AnyDialog_CancelAndExpiry_EndWithoutAResult()
    {
        var dialog = new OrderDialog();
        var started = dialog.Begin(new Order(), Say(""));

        var cancelled = dialog.Continue(started.State!.Value, Say("Stop!"));
        var expired = dialog.Continue(started.State!.Value, Say("A teapot", TimeSpan.FromDays(8)));
        var shortTimeout = dialog.Continue(started.State!.Value, Say("A teapot", TimeSpan.FromMinutes(11)), new DialogSettings { IdleTimeout = TimeSpan.FromMinutes(10) });

        Assert.Equal((DialogStatus.Cancelled, (JsonElement?)null, (Order?)null), (cancelled.Status, cancelled.State, cancelled.Result));
        Assert.Equal(DialogStatus.Expired, expired.Status);
        Assert.Equal(DialogStatus.Expired, shortTimeout.Status);
    }
}
