namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>Suggests a title from the story's first sentence, so most tellers only have to say "keep it".</summary>
public static class TitleSuggester
{
    public const int MaxLength = 60;

    public static string Suggest(string? whatHappened)
    {
        var text = (whatHappened ?? "").Trim();
        var end = text.IndexOfAny(['.', '!', '?', '\n']);
        var sentence = (end > 0 ? text[..end] : text).Trim();
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return sentence[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
