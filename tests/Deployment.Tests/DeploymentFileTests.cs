using System.Text.Json;
using System.Text.RegularExpressions;
using PayrollPortal.TestSupport;

namespace PayrollPortal.Deployment.Tests;

/// <summary>The hardening that deploy/ promises, read from the files an operator deploys.</summary>
public sealed partial class DeploymentFileTests
{
    private static readonly string[] SecretSettings = ["DATABASE_URL", "PII_ENCRYPTION_KEYS", "EXPORT_HMAC_SECRET", "METRICS_TOKEN", "ADMIN_PASSWORD"];

    [Fact]
    public void Dockerfile_WhenParsed_ShouldBuildWithTheSdkAndRunOnTheAspNetRuntimeAsUid1654()
    {
        var dockerfile = Dockerfile.Parse(RepositoryFiles.Read("deploy/Dockerfile"));

        dockerfile.Stages.Count.ShouldBeGreaterThanOrEqualTo(2);
        dockerfile.Stages[0][0].Arguments.ShouldStartWith("mcr.microsoft.com/dotnet/sdk:");
        dockerfile.Stages[0].ShouldContain(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish"));
        dockerfile.FinalStage[0].Arguments.ShouldStartWith("mcr.microsoft.com/dotnet/aspnet:");
        dockerfile.Final("USER").ShouldBe(["1654:1654"]);
        dockerfile.Final("ENTRYPOINT").ShouldBe(["[\"payroll\"]"]);
        dockerfile.Final("CMD").ShouldBeEmpty();
        dockerfile.Final("HEALTHCHECK").Single().ShouldEndWith("CMD [\"payroll\", \"healthcheck\"]");
        dockerfile.Final("COPY").ShouldContain(c => c.Contains("--chown=0:0") && c.EndsWith("/app /app"));
    }

    [Fact]
    public void Dockerfile_WhenParsed_ShouldWriteOnlyToTheDataVolumeAndTmp()
    {
        var dockerfile = Dockerfile.Parse(RepositoryFiles.Read("deploy/Dockerfile"));
        var environment = dockerfile.FinalEnvironment();

        dockerfile.Final("VOLUME").ShouldBe(["[\"/data\"]"]);
        environment["DATA_DIR"].ShouldBe("/data");
        environment["DATABASE_URL"].ShouldBe("sqlite:////data/app.db");
        environment["TMPDIR"].ShouldBe("/tmp");
        environment["HOME"].ShouldBe("/tmp");
        environment["DOTNET_DbgMiniDumpName"].ShouldStartWith("/tmp/");
        dockerfile.Final("WORKDIR").ShouldBe(["/data"]);
    }

    [Fact]
    public void Dockerfile_WhenParsed_ShouldCarryVersionAndCommitIntoLabelsAndApiMeta()
    {
        var dockerfile = Dockerfile.Parse(RepositoryFiles.Read("deploy/Dockerfile"));
        var environment = dockerfile.FinalEnvironment();
        var labels = string.Join(' ', dockerfile.Final("LABEL"));

        dockerfile.Final("ARG").Select(a => a.Split('=')[0]).ShouldBe(["APP_VERSION", "GIT_SHA", "BUILD_TS"], ignoreOrder: true);
        environment["APP_VERSION"].ShouldBe("${APP_VERSION}");
        environment["GIT_SHA"].ShouldBe("${GIT_SHA}");
        environment["BUILD_TS"].ShouldBe("${BUILD_TS}");
        labels.ShouldContain("org.opencontainers.image.version=\"${APP_VERSION}\"");
        labels.ShouldContain("org.opencontainers.image.revision=\"${GIT_SHA}\"");
        labels.ShouldContain("org.opencontainers.image.created=\"${BUILD_TS}\"");
    }

    [Fact]
    public void Compose_WhenParsed_ShouldHardenTheAppAndTheMigratorAndWaitForTheMigration()
    {
        var compose = Yaml.Documents(RepositoryFiles.Read("deploy/compose.yaml")).Single();
        var services = compose.Map("services");

        services.Map("postgres").Scalar("image").ShouldBe("postgres:15");
        foreach (var name in new[] { "app", "migrate" })
        {
            var service = services.Map(name);
            service.Scalar("read_only").ShouldBe("true", name);
            service.List("tmpfs").Strings().ShouldContain(t => t == "/tmp" || t.StartsWith("/tmp:", StringComparison.Ordinal), name);
            service.List("cap_drop").Strings().ShouldBe(["ALL"], name);
            service.List("cap_add", optional: true).ShouldBeEmpty(name);
            var securityOptions = service.List("security_opt").Strings().ToArray();
            securityOptions.ShouldContain("no-new-privileges:true", name);
            var seccomp = securityOptions.Single(o => o.StartsWith("seccomp=", StringComparison.Ordinal))["seccomp=".Length..];
            File.Exists(Path.Combine(RepositoryFiles.PathOf("deploy"), seccomp)).ShouldBeTrue($"{name}: {seccomp} (relative to deploy/compose.yaml)");
            service.Scalar("user").ShouldBe("1654:1654", name);
            service.List("volumes").Strings().ShouldBe(["appdata:/data"], name);
            service.Map("environment").Scalar("PAYROLL_ENFORCE_MIGRATIONS").ShouldBe("1", name);
        }

        services.Map("migrate").List("command").Strings().ShouldBe(["migrate", "up"]);
        services.Map("app").Map("depends_on").Map("migrate").Scalar("condition").ShouldBe("service_completed_successfully");
        services.Map("migrate").Map("depends_on").Map("postgres").Scalar("condition").ShouldBe("service_healthy");
        services.Map("app").Map("healthcheck").List("test").Strings().ShouldBe(["CMD", "payroll", "healthcheck"]);
        services.Map("postgres").Map("healthcheck").List("test").Strings().ShouldContain(t => t.Contains("pg_isready"));
        compose.Map("volumes").Keys.Select(k => k.ToString()).ShouldBe(["appdata", "pgdata"], ignoreOrder: true);
    }

    [Fact]
    public void Compose_WhenItNeedsASecret_ShouldTakeItFromTheEnvironmentFileThatEnvExampleDocuments()
    {
        var compose = RepositoryFiles.Read("deploy/compose.yaml");
        var example = RepositoryFiles.Read("deploy/.env.example");
        var documented = example.Split('\n').Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=')[0].Trim()).ToHashSet();

        var referenced = ComposeVariable().Matches(compose).Select(m => m.Groups[1].Value).Distinct().ToArray();

        referenced.ShouldNotBeEmpty();
        referenced.Where(v => !documented.Contains(v)).ShouldBeEmpty();
        foreach (var line in example.Split('\n').Where(l => SecretSettings.Any(s => l.StartsWith(s + "=", StringComparison.Ordinal))))
        {
            line.Split('=', 2)[1].Trim().ShouldBeEmpty($"{line}: .env.example must not carry a secret");
        }
    }

    [Fact]
    public void Kubernetes_WhenParsed_ShouldRunEveryPayrollContainerHardenedWithProbesAndSecretsByReference()
    {
        var workloads = KubernetesDocuments().Where(d => d.Scalar("kind") is "Deployment" or "Job").ToArray();

        workloads.Length.ShouldBe(3);
        foreach (var workload in workloads)
        {
            var name = workload.Map("metadata").Scalar("name");
            var pod = workload.Map("spec").Map("template").Map("spec");
            pod.Scalar("automountServiceAccountToken").ShouldBe("false", name);
            pod.Map("securityContext").Scalar("runAsNonRoot").ShouldBe("true", name);
            pod.Map("securityContext").Map("seccompProfile").Scalar("type").ShouldBe("RuntimeDefault", name);
            var tmpVolume = pod.List("volumes").Cast<Dictionary<object, object?>>().Single(v => v.Scalar("name") == "tmp");
            tmpVolume.ContainsKey("emptyDir").ShouldBeTrue(name);
            foreach (var container in pod.List("containers").Cast<Dictionary<object, object?>>())
            {
                var security = container.Map("securityContext");
                security.Scalar("runAsNonRoot").ShouldBe("true", name);
                security.Scalar("readOnlyRootFilesystem").ShouldBe("true", name);
                security.Scalar("allowPrivilegeEscalation").ShouldBe("false", name);
                security.Map("capabilities").List("drop").Strings().ShouldBe(["ALL"], name);
                security.Map("seccompProfile").Scalar("type").ShouldBe("RuntimeDefault", name);
                container.List("volumeMounts").Cast<Dictionary<object, object?>>().ShouldContain(m => m.Scalar("mountPath") == "/tmp" && m.Scalar("name") == "tmp", name);
                foreach (var variable in container.List("env").Cast<Dictionary<object, object?>>().Where(e => SecretSettings.Contains(e.Scalar("name"))))
                {
                    variable.ContainsKey("value").ShouldBeFalse($"{name}: {variable.Scalar("name")} must come from a Secret");
                    variable.Map("valueFrom").Map("secretKeyRef").Scalar("name").ShouldBe("payroll-secrets", name);
                }
            }
        }
    }

    /// <summary>Issue 28: N replicas share nothing on disk, trust forwarded headers from the ingress only, and drain past readiness.</summary>
    [Fact]
    public void Kubernetes_WhenParsed_ShouldShareNoVolumeTrustOnlyKnownProxiesAndDrainLongerThanReadinessNeedsToNotice()
    {
        var documents = KubernetesDocuments();
        var config = documents.Single(d => d.Scalar("kind") == "ConfigMap").Map("data");
        var drain = double.Parse(config.Scalar("SHUTDOWN_DRAIN_SECONDS")!, System.Globalization.CultureInfo.InvariantCulture);

        config.ContainsKey("ASPNETCORE_FORWARDEDHEADERS_ENABLED").ShouldBeFalse("it trusts X-Forwarded-For from anyone; start-up refuses it");
        config.Scalar("TRUSTED_PROXIES").ShouldNotBeNullOrWhiteSpace();
        documents.ShouldNotContain(d => d.Scalar("kind") == "PersistentVolumeClaim", "no volume is shared between pods");
        foreach (var deployment in documents.Where(d => d.Scalar("kind") == "Deployment"))
        {
            var name = deployment.Map("metadata").Scalar("name");
            var pod = deployment.Map("spec").Map("template").Map("spec");
            int.Parse(deployment.Map("spec").Scalar("replicas")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(1, name);
            pod.List("volumes").Cast<Dictionary<object, object?>>().ShouldAllBe(v => v.ContainsKey("emptyDir"), name);
            var readiness = ((Dictionary<object, object?>)pod.List("containers").Single()!).Map("readinessProbe");
            var noticed = int.Parse(readiness.Scalar("periodSeconds")!, System.Globalization.CultureInfo.InvariantCulture)
                * int.Parse(readiness.Scalar("failureThreshold")!, System.Globalization.CultureInfo.InvariantCulture);
            drain.ShouldBeGreaterThan(noticed, $"{name}: the drain must outlast readiness noticing the 503");
            int.Parse(pod.Scalar("terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(30, name);
        }
    }

    [Fact]
    public void Kubernetes_WhenParsed_ShouldProbeReadinessAndLivenessAndRunBlueAndGreenBehindOneSelector()
    {
        var documents = KubernetesDocuments();
        var deployments = documents.Where(d => d.Scalar("kind") == "Deployment").ToArray();
        var tracks = deployments.Select(d => d.Map("spec").Map("template").Map("metadata").Map("labels").Scalar("track")).ToArray();
        var service = documents.Single(d => d.Scalar("kind") == "Service" && d.Map("metadata").Scalar("name") == "payroll");

        tracks.ShouldBe(["blue", "green"], ignoreOrder: true);
        foreach (var deployment in deployments)
        {
            var container = (Dictionary<object, object?>)deployment.Map("spec").Map("template").Map("spec").List("containers").Single()!;
            container.Map("readinessProbe").Map("httpGet").Scalar("path").ShouldBe("/api/readyz");
            container.Map("livenessProbe").Map("httpGet").Scalar("path").ShouldBe("/api/livez");
        }

        service.Map("spec").Map("selector").Scalar("track").ShouldBeOneOf("blue", "green");
        documents.Where(d => d.Scalar("kind") == "PodDisruptionBudget").Select(d => d.Map("spec").Map("selector").Map("matchLabels").Scalar("track"))
            .ShouldBe(["blue", "green"], ignoreOrder: true);
        var job = documents.Single(d => d.Scalar("kind") == "Job");
        ((Dictionary<object, object?>)job.Map("spec").Map("template").Map("spec").List("containers").Single()!).List("args").Strings().ShouldBe(["migrate", "up"]);
        RepositoryFiles.Read("deploy/README.md").ShouldContain("patch service payroll");
    }

    [Fact]
    public void Kustomization_WhenApplied_ShouldIncludeEveryManifestButThePerReleaseMigrationJob()
    {
        var kustomization = Yaml.Documents(RepositoryFiles.Read("deploy/k8s/kustomization.yaml")).Single();
        var manifests = Directory.GetFiles(RepositoryFiles.PathOf("deploy/k8s"), "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not "kustomization.yaml" and not "migrate-job.yaml");

        kustomization.List("resources").Strings().ShouldBe(manifests!, ignoreOrder: true);
    }

    [Fact]
    public void Seccomp_WhenParsed_ShouldDenyByDefaultAndAllowNothingThatEscapesTheContainer()
    {
        using var profile = JsonDocument.Parse(RepositoryFiles.Read("deploy/seccomp.json"));
        var root = profile.RootElement;
        string[] escapes =
        [
            "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "ptrace", "process_vm_readv", "process_vm_writev", "bpf",
            "perf_event_open", "kexec_load", "init_module", "finit_module", "delete_module", "open_by_handle_at", "name_to_handle_at",
            "keyctl", "add_key", "request_key", "userfaultfd", "io_uring_setup", "io_uring_enter", "reboot", "swapon", "setuid",
            "setgid", "setgroups", "clone3", "personality", "syslog", "acct", "settimeofday", "clock_settime", "fanotify_init",
        ];

        root.GetProperty("defaultAction").GetString().ShouldBe("SCMP_ACT_ERRNO");
        var allowed = root.GetProperty("syscalls").EnumerateArray()
            .Where(rule => rule.GetProperty("action").GetString() == "SCMP_ACT_ALLOW")
            .SelectMany(rule => rule.GetProperty("names").EnumerateArray().Select(n => n.GetString()!))
            .ToHashSet();
        allowed.Intersect(escapes).ShouldBeEmpty();
        allowed.ShouldContain("execve");
        allowed.ShouldContain("epoll_wait");
        root.GetProperty("syscalls").EnumerateArray().Where(rule => rule.GetProperty("names").EnumerateArray().Any(n => n.GetString() == "socket"))
            .Select(rule => rule.TryGetProperty("args", out var args) && args.GetArrayLength() > 0).ShouldAllBe(filtered => filtered);
        root.GetProperty("archMap").EnumerateArray().SelectMany(a => a.GetProperty("subArchitectures").EnumerateArray()).ShouldBeEmpty();
        var readme = RepositoryFiles.Read("deploy/README.md");
        foreach (var removed in new[] { "io_uring", "ptrace", "setuid", "msgget", "vmsplice", "symlink" })
        {
            readme.ShouldContain(removed, customMessage: "deploy/README.md says why each removal from Docker's default was made");
        }
    }

    [GeneratedRegex(@"\$\{([A-Z_][A-Z0-9_]*)(?::?[-?][^}]*)?\}")]
    private static partial Regex ComposeVariable();

    private static Dictionary<object, object?>[] KubernetesDocuments() =>
        Directory.GetFiles(RepositoryFiles.PathOf("deploy/k8s"), "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal))
            .SelectMany(f => Yaml.Documents(File.ReadAllText(f))).ToArray();
}
