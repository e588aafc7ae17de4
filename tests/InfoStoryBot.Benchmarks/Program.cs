namespace InfoStoryBot.Benchmarks; internal static class Program { private static int Main(string[] args) { Console.WriteLine("usage: InfoStoryBot.Benchmarks <subcommand>"); return 2; } }
