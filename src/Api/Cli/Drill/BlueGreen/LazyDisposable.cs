namespace PayrollPortal.Api.Cli.Drill.BlueGreen;

/// <summary>An instance started only when first needed (green), stopped at the end if it was.</summary>
internal static class LazyDisposable
{
    public static Holder<T> ToAsyncDisposable<T>(this Lazy<T> lazy) where T : IAsyncDisposable => new(lazy);

    internal sealed class Holder<T>(Lazy<T> lazy) : IAsyncDisposable where T : IAsyncDisposable
    {
        public T Value => lazy.Value;

        public async ValueTask DisposeAsync()
        {
            if (lazy.IsValueCreated)
            {
                await lazy.Value.DisposeAsync();
            }
        }
    }
}
