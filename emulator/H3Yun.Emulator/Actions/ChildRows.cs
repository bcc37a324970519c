using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using H3Yun.Emulator.Schemas;

namespace H3Yun.Emulator.Actions;

/// <summary>One child-table row as a client sent it, already validated: its ObjectId (if any) and its other members.</summary>
internal sealed record SentRow(string? ObjectId, JsonObject Members);

/// <summary>The one place that decides what a child table becomes when rows are written to it.</summary>
internal static class ChildRows
{
    /// <summary>The stored rows after writing <paramref name="sent"/> over <paramref name="existing"/> (null on create).</summary>
    public static JsonArray Apply(ChildRowUpdateMode mode, JsonArray? existing, IReadOnlyList<SentRow> sent, string parentObjectId)
    {
        var byId = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        if (mode == ChildRowUpdateMode.MergeByObjectId && existing is not null)
        {
            foreach (var node in existing)
            {
                if (node is JsonObject row && (string?)row[SystemFieldCodes.ObjectId] is { } id)
                {
                    byId[id] = row;
                }
            }
        }

        var rows = new JsonArray();
        foreach (var row in sent)
        {
            rows.Add(mode switch
            {
                ChildRowUpdateMode.MergeByObjectId when row.ObjectId is { } id && byId.TryGetValue(id, out var stored) => Merge(stored, row),
                ChildRowUpdateMode.ReplaceWithNewIds => NewRow(NewId(), row, parentObjectId),
                _ => NewRow(row.ObjectId ?? NewId(), row, parentObjectId),
            });
        }

        return rows;
    }

    private static JsonObject Merge(JsonObject stored, SentRow row)
    {
        var merged = (JsonObject)stored.DeepClone();
        foreach (var (code, value) in row.Members)
        {
            merged[code] = value?.DeepClone();
        }

        return merged;
    }

    private static JsonObject NewRow(string objectId, SentRow row, string parentObjectId)
    {
        var created = new JsonObject
        {
            [SystemFieldCodes.ObjectId] = objectId,
            [SystemFieldCodes.Name] = null,
            [SystemFieldCodes.ParentObjectId] = parentObjectId,
        };
        foreach (var (code, value) in row.Members)
        {
            created[code] = value?.DeepClone();
        }

        return created;
    }

    private static string NewId() => Guid.NewGuid().ToString("D");
}
