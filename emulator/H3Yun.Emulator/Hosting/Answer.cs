using System;
using System.Collections.Generic;
using System.Text;
using H3Yun.Emulator.Protocol;

namespace H3Yun.Emulator.Hosting;

/// <summary>What an endpoint would send for a request, before any fault changes it.</summary>
internal sealed record Answer(int Status, string ContentType, ReadOnlyMemory<byte> Body, RequestOutcome Outcome, string LogText)
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string TextContentType = "text/plain; charset=utf-8";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static Answer Envelope(string envelope, bool successful) =>
        new(200, JsonContentType, Encoding.UTF8.GetBytes(envelope), successful ? RequestOutcome.Succeeded : RequestOutcome.Refused, envelope);

    public static Answer Success(System.Text.Json.Nodes.JsonNode? returnData) => Envelope(Protocol.Envelope.Success(returnData), true);

    public static Answer Failure(string errorMessage) => Envelope(Protocol.Envelope.Failure(errorMessage), false);

    public static Answer Refusal(H3RequestException refusal) => Failure(refusal.Message);

    public static Answer Text(int status, string text, RequestOutcome outcome) =>
        new(status, TextContentType, Encoding.UTF8.GetBytes(text), outcome, text);
}
