using System.Reflection;
using System.Text.RegularExpressions;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Bot.Tests.Architecture;

/// <summary>
/// The floors of the house, held by tests: the shared layers (Protocol, Storage, Proactive, Turns) name no feature, so a feature
/// is added by its own Add…() without touching them; Dialogs and Cards stay pure; the arrows point Bot → Dialogs → Cards.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>Folders of Bot/ that every feature may use and that must not know any feature.</summary>
    private static readonly string[] SharedLayers = ["Protocol", "Storage", "Proactive", "Turns"];

    /// <summary>What a shared layer may use besides itself: the other shared layers and the plumbing below them.</summary>
    private static readonly HashSet<string> SharedNamespaces = ["Protocol", "Storage", "Proactive", "Turns", "Concurrency", "Resources"];

    public static TheoryData<string> SharedLayerNames() => [.. SharedLayers];

    [Theory]
    [MemberData(nameof(SharedLayerNames))]
    public void SharedLayer_Source_NamesNoFeatureNamespace(string layer)
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "Bot", layer), "*.cs", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in BotNamespace().Matches(text))
            {
                var area = match.Groups["area"].Value;
                if (!SharedNamespaces.Contains(area))
                {
                    offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)} names InfoStoryBot.Bot.{area}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Theory]
    [MemberData(nameof(SharedLayerNames))]
    public void SharedLayer_Types_DependOnNoFeatureType(string layer)
    {
        // The compiled view of the same rule: constructor parameters (what DI hands in), fields, properties and method
        // signatures of every type in the layer only use shared or framework types.
        var prefix = "InfoStoryBot.Bot." + layer;
        var offenders = new List<string>();
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.Namespace is { } ns && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))))
        {
            foreach (var used in UsedTypes(type))
            {
                if (FeatureOf(used) is { } feature)
                {
                    offenders.Add($"{type.FullName} uses {used.FullName} ({feature})");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders.Distinct()));
    }

    [Fact]
    public void Bot_HasNoGlobalUsingOfItsOwnNamespaces()
    {
        // A global using would let a shared layer use a feature without naming it in its own files.
        var globals = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "Bot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("global using InfoStoryBot", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(globals);
    }

    public static TheoryData<string> PureProjects() => ["Dialogs", "Cards"];

    [Theory]
    [MemberData(nameof(PureProjects))]
    public void PureProject_Source_DoesNoIoAndReadsNoClock(string project)
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, project), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in Impure().Matches(text))
            {
                offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {match.Value}");
            }
        }

        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Projects_ReferenceOneWay_BotThenDialogsThenCards()
    {
        static string[] References(string name) =>
            [.. Assembly.Load(name).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("InfoStoryBot.", StringComparison.Ordinal))];

        Assert.Equal(["InfoStoryBot.Cards"], References("InfoStoryBot.Dialogs"));
        Assert.Empty(References("InfoStoryBot.Cards"));
        Assert.DoesNotContain("InfoStoryBot.Bot", References("InfoStoryBot.Dialogs"));
    }

    private static string? FeatureOf(Type type)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                if (FeatureOf(argument) is { } inner)
                {
                    return inner;
                }
            }
        }

        var element = type.HasElementType ? type.GetElementType()! : type;
        if (element.Namespace is not { } ns || !ns.StartsWith("InfoStoryBot.Bot.", StringComparison.Ordinal))
        {
            return null;
        }

        var area = ns["InfoStoryBot.Bot.".Length..].Split('.')[0];
        return SharedNamespaces.Contains(area) ? null : area;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var implemented in type.GetInterfaces())
        {
            yield return implemented;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(all))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }

    [GeneratedRegex(@"InfoStoryBot\.Bot\.(?<area>[A-Za-z]+)")]
    private static partial Regex BotNamespace();

    // Reading the clock, the file system, the network, the environment or a random source; comments included on
    // purpose (a comment that names one is worth a look too).
    [GeneratedRegex(@"\b(DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider\.System|System\.IO\b|File\.|Directory\.|HttpClient|Environment\.|new Random\(|Random\.Shared|RandomNumberGenerator|Stopwatch)")]
    private static partial Regex Impure();
}
