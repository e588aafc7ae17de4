using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfoStoryBot.IntegrationTests.DevChat;
using InfoStoryBot.Testing;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.Deploy;

/// <summary>
/// No Bicep compiler or Docker daemon can run here, so these check what can be checked without them:
/// the parameters file against the template's declarations, the settings the template gives the app
/// against what the app reads, the health paths against the running app, and the Dockerfile's inputs
/// against the source tree.
/// </summary>
public sealed partial class AzureDeploymentTests
{
    private static readonly string Azure = Path.Combine(RepoPaths.Root, "deploy", "azure");
    private static readonly string Bicep = File.ReadAllText(Path.Combine(Azure, "main.bicep"));
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile"));

    [Fact]
    public void ParametersExample_IsJsonNamingOnlyParametersTheTemplateDeclares()
    {
        var declared = Parameters().Select(p => p.Name).ToHashSet();
        var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azure, "main.parameters.example.json"))).RootElement;

        var named = example.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.True(declared.Contains(name), $"main.parameters.example.json sets '{name}', which main.bicep does not declare"));
        Assert.All(example.GetProperty("parameters").EnumerateObject(), p => Assert.True(p.Value.TryGetProperty("value", out _), $"parameter '{p.Name}' has no value"));
    }

    [Fact]
    public void ParametersExample_SetsEveryParameterWithoutADefault()
    {
        var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azure, "main.parameters.example.json"))).RootElement.GetProperty("parameters");

        var required = Parameters().Where(p => !p.HasDefault).Select(p => p.Name);

        Assert.All(required, name => Assert.True(example.TryGetProperty(name, out _), $"main.bicep requires '{name}' but the example does not set it"));
    }

    [Theory]
    [InlineData("MicrosoftAppType")]
    [InlineData("MicrosoftAppId")]
    [InlineData("MicrosoftAppTenantId")]
    [InlineData("Storage__AccountUrl")]
    [InlineData("Storage__Container")]
    [InlineData("AZURE_CLIENT_ID")]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("Reports__PublicBaseUrl")]
    public void WebApp_AppSettings_IncludeTheBotsConfigurationKey(string key)
    {
        Assert.Matches($@"name: '{Regex.Escape(key)}'", Bicep);
    }

    [Theory]
    [InlineData(@"kind: 'azurebot'", "the Azure Bot resource kind")]
    [InlineData(@"location: 'global'", "Azure Bot resources are global")]
    [InlineData(@"msaAppType: appType", "the bot's app type follows the parameter")]
    [InlineData(@"msaAppMSIResourceId: isManagedIdentity \? identity.id", "the UAMI is named on the bot in managed identity mode")]
    [InlineData(@"name: 'MsTeamsChannel'", "the Teams channel")]
    [InlineData(@"endpoint: 'https://\$\{webApp.properties.defaultHostName\}/api/messages'", "the messaging endpoint")]
    [InlineData(@"linuxFxVersion: 'DOTNETCORE\|10.0'", ".NET 10 on Linux")]
    [InlineData(@"httpsOnly: true", "HTTPS only")]
    [InlineData(@"allowSharedKeyAccess: false", "no shared keys with managed identity")]
    [InlineData(@"allowBlobPublicAccess: false", "no public blobs")]
    [InlineData(@"minimumTlsVersion: 'TLS1_2'", "TLS 1.2")]
    [InlineData(@"ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor")]
    [InlineData(@"'\$\{identity.id\}': \{\}", "the UAMI assigned to the Web App")]
    public void Template_States(string pattern, string why)
    {
        Assert.True(Regex.IsMatch(Bicep, pattern), $"main.bicep should state {why} (/{pattern}/)");
    }

    [Fact]
    public void Template_AllowedAppTypes_AreTheSupportedOnes()
    {
        var allowed = AllowedBlock().Match(Bicep);

        Assert.True(allowed.Success);
        Assert.Equal(["UserAssignedMSI", "SingleTenant"], Regex.Matches(allowed.Groups[1].Value, "'([A-Za-z]+)'").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task HealthPaths_InTheTemplateAndTheDockerfile_AnswerOkFromTheApp()
    {
        var templatePath = Regex.Match(Bicep, "healthCheckPath: '([^']+)'").Groups[1].Value;
        var dockerPath = new Uri(Regex.Match(Dockerfile, @"^HEALTHCHECK[\s\S]*?(http://\S+)", RegexOptions.Multiline).Groups[1].Value).AbsolutePath;
        // The identity the template deploys by default: a user-assigned managed identity.
        using var app = BotHost.Start(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = "0b5e3f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
            ["MicrosoftAppTenantId"] = "99999999-8888-7777-6666-555555555555",
        });
        using var http = app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(templatePath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(dockerPath)).StatusCode);
    }

    [Fact]
    public void Dockerfile_CopiesOnlyPathsThatExist()
    {
        var sources = Regex.Matches(Dockerfile, @"^COPY (?!--from)(.+) \S+$", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(
            File.Exists(Path.Combine(RepoPaths.Root, s)) || Directory.Exists(Path.Combine(RepoPaths.Root, s)),
            $"deploy/Dockerfile copies '{s}', which does not exist in the repository"));
    }

    [Theory]
    [InlineData(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", "builds with the .NET 10 SDK")]
    [InlineData(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS runtime$", "runs on the ASP.NET Core 10 runtime image")]
    [InlineData(@"dotnet publish Bot/InfoStoryBot\.Bot\.csproj -c Release", "publishes the Bot project in Release")]
    [InlineData(@"ASPNETCORE_URLS=http://\+:8080", "listens on 8080")]
    [InlineData(@"^RUN dotnet publish .*/p:PublishDevChat=false", "leaves DevChat out of the Production image (and never looks for npm)")]
    [InlineData(@"^USER \$APP_UID$", "runs as the image's non-root user")]
    [InlineData(@"^ENTRYPOINT \[""dotnet"", ""InfoStoryBot\.Bot\.dll""\]$", "starts the published assembly")]
    public void Dockerfile_States(string pattern, string why)
    {
        Assert.True(Regex.IsMatch(Dockerfile, pattern, RegexOptions.Multiline), $"deploy/Dockerfile should: {why} (/{pattern}/)");
    }

    private sealed record Parameter(string Name, bool HasDefault);

    private static IEnumerable<Parameter> Parameters() =>
        ParamLine().Matches(Bicep).Select(m => new Parameter(m.Groups[1].Value, m.Groups[2].Success));

    [GeneratedRegex(@"^param (\w+) \w+( = .+)?$", RegexOptions.Multiline)]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"@allowed\(\[([^\]]*)\]\)\s*param appType ")]
    private static partial Regex AllowedBlock();
}
