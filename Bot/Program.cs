using InfoStoryBot.Bot.DevChat;
using InfoStoryBot.Bot.Health;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;

// The table of contents. Each area registers itself; start reading at Turns/MessagesEndpoint.cs.
var builder = WebApplication.CreateBuilder(args);

builder.AddBotProtocol();  // Protocol/: options, inbound JWT validation, outbound tokens, Connector client
builder.AddStorage();      // Storage/: blob or local folder, and the purpose-named stores on top
builder.AddTurns();        // Turns/: the turn router and its handlers, and every feature's commands and cards
builder.AddHealth();       // Health/: readiness checks
builder.AddDevChat();      // DevChat/: the local Web Chat channel (local mode only)

var app = builder.Build();

app.MapMessages();         // POST /api/messages: where every Teams turn enters
app.MapHealth();           // GET /healthz, /readyz
app.MapDevChat();          // GET / and the Direct Line endpoints (local mode only)

app.Run();

/// <summary>Exposed so tests can host the real app in process.</summary>
public partial class Program;
