using System.Security.Cryptography;
using System.Text;

namespace InfoStoryBot.Bot.Storage;

/// <summary>
/// The rules every item name follows, and the encoding that turns outside ids (Teams conversation ids with
/// ':', ';', '@', mixed case and several hundred characters) into safe name segments.
/// </summary>
/// <remarks>
/// Names are '/'-separated segments of [a-z A-Z 0-9 . _ - ~], each 1..200 characters, at most 1024 in all, and
/// no segment starts with '.'. That set needs no URL escaping in Azure and is a valid file name everywhere,
/// and the dot rule leaves ".tmp", ".locks" and ".leases" to the local folder store.
///
/// <see cref="EncodeKey"/> maps any string to one segment: "k" + lower-case base32 of its UTF-8 bytes while that
/// fits in 120 characters, otherwise "h" + base32 of its SHA-256. Lower case keeps two ids that differ only in
/// case apart on case-insensitive file systems (Windows, macOS); the prefix letter keeps the two forms from
/// ever colliding. Encoded keys are not meant to be decoded: records carry their own ids.
/// </remarks>
public static class BlobNames
{
    public const int MaxNameLength = 1024;
    public const int MaxSegmentLength = 200;
    private const int MaxPlainKeyLength = 120;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A storage name must have 1 to {MaxNameLength} characters.", nameof(name));
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment.Length > MaxSegmentLength || segment[0] == '.')
            {
                throw new ArgumentException(
                    $"Storage name '{name}' has an empty, over-long or dot-leading segment.", nameof(name));
            }

            foreach (var c in segment)
            {
                if (!IsNameChar(c))
                {
                    throw new ArgumentException($"Storage name '{name}' contains '{c}'; use BlobNames.EncodeKey for outside ids.", nameof(name));
                }
            }
        }
    }

    /// <summary>A prefix is a name that may be empty or end with '/' or part of a segment.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return;
        }

        Validate(prefix.EndsWith('/') ? prefix + "x" : prefix);
    }

    public static bool IsNameChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' or '~';

    public static string EncodeKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        if ((bytes.Length * 8 + 4) / 5 <= MaxPlainKeyLength)
        {
            return "k" + ToBase32(bytes);
        }

        return "h" + ToBase32(SHA256.HashData(bytes));
    }

    private static string ToBase32(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(Base32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            builder.Append(Base32[(buffer << (5 - bits)) & 31]);
        }

        return builder.ToString();
    }
}
