using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace InfoStoryBot.Bot.Tests.Protocol;

public sealed class BotAuthenticationOptionsTests
{
    private static readonly BotAuthenticationOptions SingleTenant = new()
    {
        MicrosoftAppId = "5b1d7c3e-8f2a-4e61-9c0d-3a7b2e9f4d18",
        MicrosoftAppPassword = "secret",
        MicrosoftAppTenantId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
    };

    [Fact]
    public void Validate_CompleteSingleTenant_Succeeds()
    {
        Assert.True(Validate(SingleTenant).Succeeded);
        Assert.Equal(BotAppType.SingleTenant, SingleTenant.AppType);
        Assert.Equal("https://login.microsoftonline.com/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", SingleTenant.LoginAuthority);
    }

    [Fact]
    public void Validate_SingleTenantWithoutSecretOrTenant_NamesBothSettings()
    {
        var result = Validate(new BotAuthenticationOptions { MicrosoftAppId = SingleTenant.MicrosoftAppId });

        Assert.True(result.Failed);
        Assert.Contains("MicrosoftAppPassword or MicrosoftAppCertificatePath", result.FailureMessage);
        Assert.Contains("MicrosoftAppTenantId", result.FailureMessage);
    }

    [Fact]
    public void Validate_ManagedIdentityWithPassword_Fails()
    {
        var result = Validate(new BotAuthenticationOptions
        {
            MicrosoftAppType = BotAppType.UserAssignedMSI,
            MicrosoftAppId = SingleTenant.MicrosoftAppId,
            MicrosoftAppTenantId = SingleTenant.MicrosoftAppTenantId,
            MicrosoftAppPassword = "not allowed",
        });

        Assert.True(result.Failed);
        Assert.Contains("UserAssignedMSI must not have MicrosoftAppPassword", result.FailureMessage);
    }

    [Fact]
    public void Validate_ManagedIdentityWithIdAndTenant_Succeeds()
    {
        Assert.True(Validate(new BotAuthenticationOptions
        {
            MicrosoftAppType = BotAppType.UserAssignedMSI,
            MicrosoftAppId = SingleTenant.MicrosoftAppId,
            MicrosoftAppTenantId = SingleTenant.MicrosoftAppTenantId,
        }).Succeeded);
    }

    [Fact]
    public void LoginAuthority_MultiTenant_IsBotFrameworkTenant()
    {
        var options = new BotAuthenticationOptions { MicrosoftAppType = BotAppType.MultiTenant, MicrosoftAppId = "x", MicrosoftAppPassword = "y" };

        Assert.True(Validate(options).Succeeded);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.LoginAuthority);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://127.0.0.1:5123/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://localhost:5123/v1/.well-known/openidconfiguration", true)]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    [InlineData("not a url", false)]
    public void Validate_MetadataUrl_HttpsUnlessLoopback(string url, bool valid)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = SingleTenant.MicrosoftAppId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = SingleTenant.MicrosoftAppTenantId,
            ToBotFromChannelOpenIdMetadataUrl = url,
        };

        var result = Validate(options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("ToBotFromChannelOpenIdMetadataUrl", result.FailureMessage);
        }
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public void Validate_NoAppId_OnlyInDevelopment(string environment, bool valid)
    {
        var options = new BotAuthenticationOptions();

        var result = Validate(options, environment);

        Assert.True(options.IsLocalMode);
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("MicrosoftAppId is required", result.FailureMessage);
        }
    }

    [Fact]
    public void Validate_CertificateThatIsNotAPfx_FailsAtStartUp()
    {
        var path = Path.Combine(Path.GetTempPath(), $"infostorybot-not-a-pfx-{Guid.NewGuid():N}.pfx");
        File.WriteAllText(path, "not a certificate");
        try
        {
            var result = Validate(new BotAuthenticationOptions
            {
                MicrosoftAppId = SingleTenant.MicrosoftAppId,
                MicrosoftAppTenantId = SingleTenant.MicrosoftAppTenantId,
                MicrosoftAppCertificatePath = path,
            });

            Assert.True(result.Failed);
            Assert.Contains("could not be loaded as a PFX", result.FailureMessage);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_MissingCertificateFile_NamesThePath()
    {
        var result = Validate(new BotAuthenticationOptions
        {
            MicrosoftAppId = SingleTenant.MicrosoftAppId,
            MicrosoftAppTenantId = SingleTenant.MicrosoftAppTenantId,
            MicrosoftAppCertificatePath = "/nowhere/bot.pfx",
        });

        Assert.Contains("'/nowhere/bot.pfx' does not exist", result.FailureMessage);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(BotAuthenticationOptions options, string environment = "Production") =>
        new BotAuthenticationOptionsValidator(new Environment(environment)).Validate(null, options);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "InfoStoryBot.Bot";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
