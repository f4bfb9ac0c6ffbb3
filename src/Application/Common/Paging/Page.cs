namespace PayrollPortal.Application.Common.Paging;

/// <summary>One page of a keyset-paginated list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>
    /// The page from rows fetched with one extra (<paramref name="limit"/> + 1): the extra row only says that a next page
    /// exists, and the cursor points after the last row kept.
    /// </summary>
    public static Page<T> FromOverfetch(IReadOnlyList<T> rows, int limit, Func<T, KeysetCursor> positionOf)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        var items = rows.Take(limit).ToArray();
        return new Page<T>(items, positionOf(items[^1]).Encode());
    }
}
