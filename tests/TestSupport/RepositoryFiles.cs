namespace PayrollPortal.TestSupport;

/// <summary>The repository's own files, found from the test assembly's folder upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PayrollPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"PayrollPortal.sln not found above {AppContext.BaseDirectory}");
    }
}
