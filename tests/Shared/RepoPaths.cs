namespace InfoStoryBot.Testing;

/// <summary>Finds the repository root from a test's output folder, so tests can reach tests/tools and the source tree.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tools => Path.Combine(Root, "tests", "tools");

    public static string NodeModules => Path.Combine(Tools, "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfoStoryBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find InfoStoryBot.sln above " + AppContext.BaseDirectory);
    }
}
