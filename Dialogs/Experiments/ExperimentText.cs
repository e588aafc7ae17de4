using System.Globalization;
using System.Resources;

namespace InfoStoryBot.Dialogs.Experiments;

/// <summary>The experiments' wording, from Dialogs/Resources/Strings.resx ("Experiment_…").</summary>
internal sealed class ExperimentText(CultureInfo culture)
{
    private static readonly ResourceManager Resources =
        new("InfoStoryBot.Dialogs.Resources.Strings", typeof(ExperimentText).Assembly);

    public CultureInfo Culture { get; } = culture;

    public string this[string name] => Resources.GetString(name, Culture)
        ?? throw new InvalidOperationException($"Dialog string '{name}' is missing from Strings.resx.");

    public string Format(string name, params object[] args) => string.Format(Culture, this[name], args);

    /// <summary>A rate as a whole percentage ("12%"), or with one decimal below 10% where a whole number hides too much ("4.5%").</summary>
    public string Percent(double rate) =>
        rate is > 0 and < 0.1 && Math.Abs(rate * 100 - Math.Round(rate * 100)) > 0.05
            ? rate.ToString("P1", Culture)
            : rate.ToString("P0", Culture);

    public string Number(int value) => value.ToString("N0", Culture);
}
