using Xunit;

namespace PayrollPortal.TestSupport;

/// <summary>A fact that needs <see cref="SmallFilesystem"/>: skipped, with the reason, where nothing can be mounted.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (SmallFilesystem.WhyNotMountable is { } reason)
        {
            Skip = $"needs a tmpfs mounted as root (run ./build/test.sh as root): {reason}";
        }
    }
}
