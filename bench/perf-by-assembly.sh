#!/usr/bin/env bash
# Where a .NET server's CPU goes, from a `perf record` of it (see PROFILE= in bench/companies.sh): the share of samples
# whose own frame (self time) is in each assembly, the kernel or a native library.
#   bench/perf-by-assembly.sh /tmp/companies.full [LINES]
set -euo pipefail
perf report -i "$1" --no-children --sort sym -g none --percent-limit 0 2>/dev/null | awk '
  /^#/ || NF == 0 { next }
  {
    pct = $1; sub(/%/, "", pct)
    if ($2 == "[k]") { key = "kernel" }
    else if (match(substr($0, index($0, "[.]") + 3), /\[[A-Za-z0-9_.]+\] [A-Za-z]/)) {
      rest = substr($0, index($0, "[.]") + 3); key = substr(rest, RSTART + 1, RLENGTH - 4)
    }
    else { key = "native (runtime, libc, stubs)" }
    share[key] += pct; total += pct
  }
  END { for (k in share) printf "%6.2f%%  %s\n", share[k], k; printf "%6.2f%%  total\n", total }
' | sort -rn | head -"${2:-25}"
