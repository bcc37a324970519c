using System.Text.Json;
using H3Yun.Sync.Windows;

namespace H3Yun.Sync.Copying;

/// <summary>
/// Reads one second that holds more than 500 rows, which time cannot split: by ObjectId prefixes (<c>StartWith</c>),
/// one more hex digit wherever a part is still too big. Each part is one request, like every window. Then it checks
/// the partition: rows can only leave a past second (an edit moves a record's ModifiedTime to now; a delete removes
/// it), never enter it, so if the server honoured the partition, the parts' counts add up to at least a fresh count of
/// the second, and at most the count seen before the parts were read. Anything else means some rows matched no part
/// (the server did not honour <c>StartWith</c> on ObjectId, or ids are not lower-case hex): the copy stops with an
/// error and does not move the cursor past the second, rather than lose rows silently.
/// </summary>
internal static class SecondPartition
{
    /// <summary>Reads every part of the second and hands each part's rows to <paramref name="onPart"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="schemaCode">The form.</param>
    /// <param name="timeField">The time field of the window.</param>
    /// <param name="second">A window of one second.</param>
    /// <param name="countBefore">The count of the second read just before.</param>
    /// <param name="idsOnly">Read ObjectIds only.</param>
    /// <param name="onPart">Receives each complete part's rows (e.g. commits them).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>The number of rows read.</returns>
    public static async Task<long> ReadAsync(
        SourceReader reader,
        string schemaCode,
        string timeField,
        TimeWindow second,
        long countBefore,
        bool idsOnly,
        Func<IReadOnlyList<JsonElement>, Task> onPart,
        CancellationToken cancellationToken)
    {
        var pending = new Stack<string>(ObjectIdPrefixes.Children(string.Empty).Reverse());
        long sum = 0;
        while (pending.TryPop(out var prefix))
        {
            var answer = await reader.ReadAsync(schemaCode, timeField, second, prefix, idsOnly, cancellationToken).ConfigureAwait(false);
            if (answer.IsComplete)
            {
                sum += answer.TotalCount;
                await onPart(answer.Rows).ConfigureAwait(false);
            }
            else if (prefix.Length < ObjectIdPrefixes.MaxLength)
            {
                foreach (var child in ObjectIdPrefixes.Children(prefix).Reverse())
                {
                    pending.Push(child);
                }
            }
            else
            {
                throw new H3YunSyncException(
                    $"The second {second} of {schemaCode} ({timeField}) still holds {answer.TotalCount} rows with ObjectIds starting '{prefix}'; H3Yun does not divide it by ObjectId. The cursor stays before that second.");
            }
        }

        var countAfter = (await reader.ReadAsync(schemaCode, timeField, second, null, idsOnly: true, cancellationToken).ConfigureAwait(false)).TotalCount;
        if (sum < countAfter || sum > countBefore)
        {
            throw new H3YunSyncException(
                $"H3Yun did not honour the ObjectId partition of the second {second} of {schemaCode} ({timeField}): its parts (StartWith on ObjectId, by hex digit) counted {sum} rows, "
                + $"while the second held {countBefore} before and {countAfter} after. The copy stops rather than lose rows; the cursor stays before that second.");
        }

        return sum;
    }
}
