#!/usr/bin/python3
"""Compiles a Docker-format seccomp profile (deploy/seccomp.json) into the BPF program that `bwrap --seccomp FD` loads,
so tests can run the app under the same profile without Docker.

    /usr/bin/python3 build/seccomp_bpf.py deploy/seccomp.json /tmp/payroll.bpf

Needs Debian's python3-seccomp (libseccomp's bindings). Understands what deploy/seccomp.json uses: defaultAction and
defaultErrnoRet, per-rule action/errnoRet, args (index, value, valueTwo, op) and includes/excludes by arch or caps (the
container drops every capability, so rules that need one are skipped and rules excluded by one are kept)."""
import json
import platform
import sys

import seccomp

ARCH = {"x86_64": "amd64", "aarch64": "arm64"}[platform.machine()]
OPS = {
    "SCMP_CMP_EQ": seccomp.EQ, "SCMP_CMP_NE": seccomp.NE, "SCMP_CMP_LT": seccomp.LT, "SCMP_CMP_LE": seccomp.LE,
    "SCMP_CMP_GT": seccomp.GT, "SCMP_CMP_GE": seccomp.GE, "SCMP_CMP_MASKED_EQ": seccomp.MASKED_EQ,
}


def action(name, errno):
    if name == "SCMP_ACT_ALLOW":
        return seccomp.ALLOW
    if name == "SCMP_ACT_ERRNO":
        return seccomp.ERRNO(errno)
    raise SystemExit(f"unsupported action {name}")


def applies(rule):
    includes, excludes = rule.get("includes") or {}, rule.get("excludes") or {}
    if includes.get("caps") or includes.get("minKernel"):
        return False
    if includes.get("arches") and ARCH not in includes["arches"]:
        return False
    if excludes.get("arches") and ARCH in excludes["arches"]:
        return False
    return True


def main(source, target):
    profile = json.load(open(source))
    default_errno = profile.get("defaultErrnoRet", 1)
    rules = seccomp.SyscallFilter(defaction=action(profile["defaultAction"], default_errno))
    for rule in filter(applies, profile["syscalls"]):
        act = action(rule["action"], rule.get("errnoRet", default_errno))
        args = []
        for arg in rule.get("args") or []:
            if arg["op"] == "SCMP_CMP_MASKED_EQ":
                args.append(seccomp.Arg(arg["index"], seccomp.MASKED_EQ, arg["value"], arg.get("valueTwo", 0)))
            else:
                args.append(seccomp.Arg(arg["index"], OPS[arg["op"]], arg["value"]))
        for name in rule["names"]:
            try:
                rules.add_rule(act, name, *args)
            except (RuntimeError, ValueError) as error:
                raise SystemExit(f"{name}: {error}")
    with open(target, "wb") as out:
        rules.export_bpf(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
