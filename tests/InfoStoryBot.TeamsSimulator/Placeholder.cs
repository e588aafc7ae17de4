namespace InfoStoryBot.TeamsSimulator; internal static class Placeholder;
