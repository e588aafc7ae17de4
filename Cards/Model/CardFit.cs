namespace InfoStoryBot.Cards.Model;

/// <summary>
/// How much user text a builder may show. A builder asks for each text's limit through <see cref="Chars"/>;
/// <see cref="CardFit.Build"/> shrinks the budget until the card fits, so long or escape-heavy text is cut
/// (with an ellipsis) instead of breaking the size limit.
/// </summary>
public readonly record struct TextBudget(double Scale)
{
    public const int Floor = 40;

    public static TextBudget Full => new(1);

    public int Chars(int limit) => Math.Max(Math.Min(Floor, limit), (int)(limit * Scale));
}

public static class CardFit
{
    public static AdaptiveCard Build(Func<TextBudget, AdaptiveCard> build)
    {
        for (var scale = 1.0; scale >= 1.0 / 256; scale /= 2)
        {
            var card = build(new TextBudget(scale));
            if (CardJson.SizeInBytes(card) <= CardJson.MaxBytes)
            {
                return card;
            }
        }

        // Reaching here means a builder shows something unbounded: a bug, not bad input.
        throw new InvalidOperationException("The card does not fit in " + CardJson.MaxBytes + " bytes even with minimal text.");
    }
}
