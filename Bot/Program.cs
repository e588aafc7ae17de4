using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Channels;
using InfoStoryBot.Bot.DevChat;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Exports;
using InfoStoryBot.Bot.Health;
using InfoStoryBot.Bot.Moderation;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Onboarding;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Reports;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Bot.Storybook;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;

// The table of contents. Each area registers itself; start reading at Turns/MessagesEndpoint.cs.
var builder = WebApplication.CreateBuilder(args);

// Shared layers: they name no feature.
builder.AddBotProtocol();  // Protocol/: options, inbound JWT validation, outbound tokens, Connector client
builder.AddStorage();      // Storage/: the one blob store (Azure Blob Storage or a local folder)
builder.AddProactive();    // Proactive/: the one sender for everything sent outside a turn, and its once-only ledger
builder.AddTurns();        // Turns/: the turn pipeline, the router and conversation state
builder.AddHealth();       // Health/: readiness checks

// Features: each registers its own stores, options, commands, buttons and hooks.
builder.AddTeams();        // Teams/: install capture, teams and channels, conversation references, 1:1 chats
builder.AddAdmin();        // Admin/: access (admins, tenant allow-list) and the audit log
builder.AddStories();      // Stories/: the story store and the storybook index
builder.AddStoryCapture(); // StoryCapture/: telling a story; StorySaver.cs is where a story is saved
builder.AddStorybook();    // Storybook/: browsing the storybook, my stories
builder.AddModeration();   // Moderation/: the stories waiting for the campaign team, decisions, telling the teller
builder.AddOnboarding();   // Onboarding/: welcome, help, hello, not understood
builder.AddCampaigns();    // Campaigns/: the campaigns the team runs
builder.AddChannels();     // Channels/: the campaign team's channel list, muting, channel references in commands
builder.AddNudges();       // Nudges/: the scheduler, the fan-out to channels, the composer and the delivery ledger
builder.AddExperiments();  // Experiments/: A/B tests of nudge wording, and what each nudge led to (attribution)
builder.AddReports();      // Reports/: a campaign's report with its chart (ScottPlot), and the chart endpoint
builder.AddExports();      // Exports/: the storybook as CSV, JSON or HTML, by file consent (or a local link in local mode)
builder.AddDevChat();      // DevChat/: the local Web Chat channel (local mode only)

var app = builder.Build();

app.MapMessages();         // POST /api/messages: where every Teams turn enters
app.MapHealth();           // GET /healthz, /readyz
app.MapReports();          // GET /reports/charts/{id}.png: report charts for Teams clients
app.MapExports();          // GET /exports/{token}: signed download links (local mode only)
app.MapDevChat();          // GET / and the Direct Line endpoints (local mode only)

app.Run();

/// <summary>Exposed so tests can host the real app in process.</summary>
public partial class Program;
