using System.Text.Json;
using System.Text.Json.Serialization;
using Friender.Application.Realtime;
using Friender.Infrastructure.Persistence.Sql;
using Npgsql;

namespace Friender.Infrastructure.Realtime;

/// <summary>
/// The Postgres NOTIFY channel every API process listens on, and its payload: ids only (a NOTIFY payload is capped at
/// 8,000 bytes, and what a recipient may see is decided when the event is delivered). About 150 bytes per event.
/// </summary>
public static class RealtimeChannel
{
    public const string Name = "friender_events";

    private static readonly SqlStatement NotifyStatement = SqlStatement.Load("notify.sql");
    private static readonly SqlStatement PublishStatement = SqlStatement.Load("publish_live_event.sql");
    private static readonly SqlStatement ListenStatement = SqlStatement.Load("listen.sql");

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The event's wire payload, with its position when it has one (publish_live_event.sql adds it otherwise).</summary>
    public static string Encode(RealtimeEvent realtimeEvent) => JsonSerializer.Serialize(WireOf(realtimeEvent) with { S = realtimeEvent.Position }, Json);

    private static Wire WireOf(RealtimeEvent realtimeEvent) => realtimeEvent switch
    {
        MessageSentEvent sent => new Wire(Kinds.Message, sent.RecipientId, sent.MatchId, sent.MessageId),
        MatchCreatedEvent created => new Wire(Kinds.Match, created.RecipientId, created.MatchId),
        MatchEndedEvent ended => new Wire(Kinds.Ended, ended.RecipientId, ended.MatchId),
        TypingStartedEvent typing => new Wire(Kinds.Typing, typing.RecipientId, typing.MatchId, typing.TypistId),
        ConversationReadEvent read => new Wire(Kinds.Read, read.RecipientId, read.MatchId, read.ReaderId, read.ReadAt),
        AccessTokenRevokedEvent revoked => new Wire(Kinds.Revoked, revoked.RecipientId, X: revoked.AccessTokenId),
        _ => throw new ArgumentException($"No wire format for {realtimeEvent.GetType().Name}.", nameof(realtimeEvent)),
    };

    /// <summary>Sends <paramref name="realtimeEvent"/> on its own (a pooled connection, committed at once).</summary>
    internal static NpgsqlCommand Notify(NpgsqlDataSource database, RealtimeEvent realtimeEvent) =>
        NotifyStatement.CreateCommand(database, SqlStatement.Value(Name), SqlStatement.Value(Encode(realtimeEvent)));

    /// <summary>
    /// Sends <paramref name="realtimeEvent"/> inside the connection's transaction: only if it commits. A kept event
    /// (<see cref="RealtimeEvent.IsKept"/>) is also numbered and journaled for replay (publish_live_event.sql).
    /// </summary>
    /// <param name="channel">
    /// The channel to NOTIFY a kept event on, or null when it travels after commit (<see cref="ILiveFanOut.TransactionChannel"/>):
    /// it is still numbered and journaled, and the command returns its position. Other events always go by NOTIFY.
    /// </param>
    internal static NpgsqlCommand Notify(NpgsqlConnection connection, RealtimeEvent realtimeEvent, string? channel = Name) =>
        realtimeEvent.IsKept
            ? PublishStatement.CreateCommand(connection, SqlStatement.Value(channel), SqlStatement.Value(Encode(realtimeEvent)))
            : NotifyStatement.CreateCommand(connection, SqlStatement.Value(Name), SqlStatement.Value(Encode(realtimeEvent)));

    /// <summary>Starts listening on the channel (listen.sql names <see cref="Name"/>; a test holds the two together).</summary>
    internal static NpgsqlCommand Listen(NpgsqlConnection connection) => ListenStatement.CreateCommand(connection);

    /// <summary>The event in <paramref name="payload"/>, or null for anything this version does not understand.</summary>
    public static RealtimeEvent? Decode(string payload)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }

        RealtimeEvent? decoded = wire switch
        {
            { K: Kinds.Message, M: { } match, X: { } message } => new MessageSentEvent(wire.R, match, message),
            { K: Kinds.Match, M: { } match } => new MatchCreatedEvent(wire.R, match),
            { K: Kinds.Ended, M: { } match } => new MatchEndedEvent(wire.R, match),
            { K: Kinds.Typing, M: { } match, X: { } typist } => new TypingStartedEvent(wire.R, match, typist),
            { K: Kinds.Read, M: { } match, X: { } reader, T: { } readAt } => new ConversationReadEvent(wire.R, match, reader, readAt),
            { K: Kinds.Revoked, X: { } token } => new AccessTokenRevokedEvent(wire.R, token),
            _ => null,
        };
        return decoded is not null && wire!.S is { } position && decoded.IsKept ? decoded with { Position = position } : decoded;
    }

    private static class Kinds
    {
        public const string Message = "message";
        public const string Match = "match";
        public const string Ended = "ended";
        public const string Typing = "typing";
        public const string Read = "read";
        public const string Revoked = "revoked";
    }

    /// <param name="K">The kind of event.</param>
    /// <param name="R">The recipient.</param>
    /// <param name="M">The match, for events about one.</param>
    /// <param name="X">The message, typist, reader or access token.</param>
    /// <param name="T">When a conversation was read.</param>
    /// <param name="S">The event's position in its recipient's sequence, added by publish_live_event.sql.</param>
    private sealed record Wire(string K, Guid R, Guid? M = null, Guid? X = null, DateTimeOffset? T = null, long? S = null);
}
