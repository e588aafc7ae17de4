namespace InfoStoryBot.Dialogs.Experiments;

/// <summary>A share of trials with its 95% Wilson score interval, e.g. 12 of 100 deliveries: 12% (7.0% to 19.8%).</summary>
public sealed record Proportion(int Successes, int Trials, double Rate, double Low, double High)
{
    /// <summary>True when the two intervals share any point; touching counts as overlapping, so "ahead" is never claimed on a tie.</summary>
    public bool Overlaps(Proportion other) => Low <= other.High && other.Low <= High;
}

/// <summary>
/// The Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law of succession,
/// and statistical inference", JASA 22, 1927, pp. 209–212), without continuity correction. Chosen over the usual
/// "p ± 1.96·SE" (Wald) interval because a nudge's rates are small and its samples are small: Wald gives intervals
/// below zero and far too narrow near 0%, while Wilson stays inside [0, 1] and keeps close to its nominal 95%
/// (R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
/// Statistics in Medicine 17, 1998, pp. 857–872, which the tests check against).
/// </summary>
public static class WilsonInterval
{
    /// <summary>The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    public static Proportion Of(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            // Nothing observed: every rate is possible.
            return new Proportion(0, 0, 0, 0, 1);
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));

        // At 0 and n the bound is exactly 0 or 1; rounding must not leave it a hair outside, or an interval that
        // touches another's edge would look apart.
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new Proportion(successes, trials, p, low, high);
    }
}
