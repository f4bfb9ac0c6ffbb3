using System.CommandLine;
using Mediator;
using PayrollPortal.Domain.Common;
using PayrollPortal.Infrastructure.Persistence;

namespace PayrollPortal.Api.Cli;

/// <summary>
/// <c>payroll seed-demo</c>: one clearly named demo company per regime that has one (<see cref="IDemoCompany"/>, listed by
/// the composition root): employees with numbers, a pay schedule, compensation records, a mid-period hire and three approved
/// months started as pay runs. Everything goes through the same use cases as the API, in one transaction, so every rule
/// applies and a failure leaves nothing behind. Refuses (exit 6) when a demo company already exists.
/// </summary>
internal static class SeedDemoCommand
{
    public static Command Create(CliContext context, IReadOnlyList<IDemoCompany> demos)
    {
        var command = new Command(
            "seed-demo",
            $"Create the demo companies ({string.Join(", ", demos.Select(d => $"'{d.Name}', slug {d.Slug}"))}), each with a monthly pay schedule, " +
            "employees with compensation records and three approved monthly pay runs (January to March of this year). Applies pending " +
            "migrations first, as the development server does. Exits 6 if a demo company already exists.");
        command.SetAction((_, ct) => DataVerb.RunAsync(context, "seed-demo", migrateLikeTheServer: true, (services, token) => SeedAsync(context, demos, services, token), ct));
        return command;
    }

    private static async Task<int> SeedAsync(CliContext context, IReadOnlyList<IDemoCompany> demos, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var seeding = new DemoSeeding(scope.ServiceProvider.GetRequiredService<ISender>(), services, context.Out);

        // One transaction around every command: the unit-of-work behaviour joins it, so the demo appears whole or not at all.
        await session.BeginAsync(cancellationToken);
        var summaries = new List<string>();
        try
        {
            foreach (var demo in demos)
            {
                summaries.Add(await demo.SeedAsync(seeding, cancellationToken));
            }
        }
        catch (DemoStepFailed failed)
        {
            await session.RollbackAsync(cancellationToken);
            if (failed.Step == DemoSeeding.CreatingTheCompany && failed.Errors[0].Type == ErrorType.Conflict)
            {
                await context.Error.WriteLineAsync(
                    $"payroll: seed-demo: the demo company (slug {failed.Slug}) already exists; nothing was changed. Seed an empty database to start again.");
                return CliExitCodes.Refused;
            }

            await context.Error.WriteLineAsync(
                $"payroll: seed-demo: {failed.Slug}: {failed.Step} failed, nothing was saved: {string.Join("; ", failed.Errors.Select(e => $"{e.Field ?? e.Code}: {e.Message}"))}");
            return CliExitCodes.Incomplete;
        }

        await session.CommitAsync(cancellationToken);
        foreach (var summary in summaries)
        {
            await context.Out.WriteLineAsync(summary);
        }

        return CliExitCodes.Ok;
    }
}

/// <summary>One regime's demo company for <c>seed-demo</c>.</summary>
internal interface IDemoCompany
{
    string Slug { get; }

    string Name { get; }

    /// <summary>Creates the company and its data through <paramref name="seeding"/>; returns the line printed once committed.</summary>
    /// <exception cref="DemoStepFailed">A use case refused a step; the command rolls everything back.</exception>
    Task<string> SeedAsync(DemoSeeding seeding, CancellationToken cancellationToken);
}

/// <summary>What a demo needs: the use cases (one transaction, opened by the command), the services, and the output.</summary>
internal sealed class DemoSeeding(ISender sender, IServiceProvider services, TextWriter output)
{
    public const string CreatingTheCompany = "creating the company";

    public ISender Sender { get; } = sender;

    public IServiceProvider Services { get; } = services;

    public Task WriteLineAsync(string line) => output.WriteLineAsync(line);

    /// <summary>The step's value, or <see cref="DemoStepFailed"/> naming the step and the use case's errors.</summary>
    public static T Need<T>(Result<T> result, string slug, string step) =>
        result.IsSuccess ? result.Value! : throw new DemoStepFailed(slug, step, result.Errors);
}

internal sealed class DemoStepFailed(string slug, string step, IReadOnlyList<Error> errors) : Exception($"{slug}: {step} failed")
{
    public string Slug { get; } = slug;

    public string Step { get; } = step;

    public IReadOnlyList<Error> Errors { get; } = errors;
}
