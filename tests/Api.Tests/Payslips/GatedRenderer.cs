using Microsoft.Extensions.DependencyInjection;
using PayrollPortal.Application.Payslips;

namespace PayrollPortal.Api.Tests.Payslips;

/// <summary>
/// The application's renderer, except that the payslip named <see cref="Gate.Last"/> waits until the test opens the gate:
/// proof that the archive's first bytes reach the client while a payslip is still to be rendered.
/// </summary>
internal sealed class GatedRenderer(IPayslipRenderer inner, GatedRenderer.Gate gate) : IPayslipRenderer
{
    public string ContentType => inner.ContentType;

    public static void Install(IServiceCollection services, Gate gate)
    {
        var original = services.Last(d => d.ServiceType == typeof(IPayslipRenderer));
        services.Remove(original);
        services.AddSingleton<IPayslipRenderer>(sp =>
            new GatedRenderer((IPayslipRenderer)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!), gate));
    }

    public void Render(PayslipDocument document, Stream output)
    {
        if (document.FileName == gate.Last)
        {
            // A guard against a hang, not a timing assertion: a response that is not streamed never opens the gate.
            if (!gate.Opened.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new InvalidOperationException("The gate never opened: the response did not stream.");
            }

            gate.LastRendered = true;
        }

        inner.Render(document, output);
    }

    internal sealed class Gate
    {
        public ManualResetEventSlim Opened { get; } = new();

        public string? Last { get; set; }

        public volatile bool LastRendered;

        public void Open() => Opened.Set();
    }
}
