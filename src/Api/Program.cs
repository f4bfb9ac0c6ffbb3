using PayrollPortal.Api.Cli;
using PayrollPortal.Api.Hosting;

// One executable: with a verb (`payroll migrate up`, ...) it runs that command; with none it serves.
return PayrollCli.IsVerb(args)
    ? await PayrollCli.RunAsync(args)
    : await PayrollHost.RunAsync(args);

/// <summary>The entry point, public so that WebApplicationFactory&lt;Program&gt; can host the API in tests.</summary>
public partial class Program;
