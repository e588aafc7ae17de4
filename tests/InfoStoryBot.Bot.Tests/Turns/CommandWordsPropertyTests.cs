using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

/// <summary>The command grammar: a command's words, in any case, optionally after "/", as whole words, then arguments.</summary>
public sealed class CommandWordsPropertyTests
{
    // No name here is a prefix of another, so each property knows which one should match.
    private static readonly string[] Names = ["help", "storybook", "my stories", "share a story", "?"];

    private static readonly Gen<string> Name = Gen.Elements(Names.Where(n => n != "?").ToArray());

    private static readonly Gen<string> Space = Gen.Elements(" ", "  ", "\t", " \u00a0", "\n", "");

    [Fact]
    public void Match_AnyText_NeverThrows()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string[]>(), (text, names) =>
        {
            CommandWords.Match(text ?? "", (names ?? []).Where(n => n is not null));
            CommandWords.Match(text ?? "", Names);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Match_ANameInAnyCaseWithSlashSpacesAndPunctuation_MatchesWithNoArguments()
    {
        var variant =
            from name in Name
            from upper in Gen.ArrayOf(Gen.Elements(true, false), 20)
            from before in Space
            from after in Space
            from slash in Gen.Elements("", "/", "//")
            from punctuation in Gen.Elements("", ".", "!", "?", "!!", "?!")
            let cased = string.Concat(name.Select((c, i) => upper[i % upper.Length] ? char.ToUpperInvariant(c) : c))
            // The slash comes first: turn text arrives trimmed (MentionText.Clean), so "  /help" never reaches the grammar.
            select slash + before + cased + punctuation + after;

        Prop.ForAll(variant.ToArbitrary(), text => CommandWords.Match(text, Names) == "").QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Match_ANameThenWhitespaceThenWords_ReturnsTheWordsTrimmed()
    {
        var word = Gen.Elements("page", "2", "culture", "Northtown", "évidence", "😀", "<at>x</at>", "a-b");
        var args = Gen.NonEmptyListOf(word).Select(w => string.Join(' ', w));
        var input =
            from name in Name
            from gap in Gen.Elements(" ", "  ", "\t")
            from arguments in args
            from trailing in Space
            select (Text: name + gap + arguments + trailing, Arguments: arguments);

        Prop.ForAll(input.ToArbitrary(), i => CommandWords.Match(i.Text, Names) == i.Arguments).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Match_ANameRunningIntoALetterOrDigit_IsNotACommand()
    {
        var input =
            from name in Name
            from next in Gen.Elements('s', 'X', 'é', '1', '_', 'ß')
            from rest in ArbMap.Default.GeneratorFor<string>()
            select name + next + (rest ?? "");

        Prop.ForAll(input.ToArbitrary(), text => CommandWords.Match(text, Names) is null).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Match_TextThatDoesNotStartWithAName_IsNotACommand()
    {
        var text = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")
            .Where(s => !Names.Any(n => s.TrimStart('/').Trim().TrimEnd('.', '!', '?').StartsWith(n, StringComparison.OrdinalIgnoreCase)));

        var input =
            from prefix in Gen.Elements("please ", "x", "1 ", "", "the ")
            from rest in text
            select prefix + rest;

        Prop.ForAll(input.ToArbitrary(), candidate =>
        {
            var trimmed = candidate.TrimStart('/').Trim();
            return Names.Any(n => trimmed.StartsWith(n, StringComparison.OrdinalIgnoreCase) || trimmed.TrimEnd('.', '!', '?').StartsWith(n, StringComparison.OrdinalIgnoreCase))
                || CommandWords.Match(candidate, Names) is null;
        }).QuickCheckThrowOnFailure();
    }
}
