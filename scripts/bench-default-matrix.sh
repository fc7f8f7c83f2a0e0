#!/usr/bin/env bash
# Measures the README's quick start: the default matrix (`m1go:reproduce` with no setting) from a directory of its
# own, against the first-contact targets:
#   first cell   seconds from starting mvn to the first measured (not skipped) cell's progress line   target  60 s
#   cold         the whole default matrix with an empty m1go.cacheDirectory (so Go's build caches are empty too)
#                and go-command-stall's own build cache removed                                         target 600 s
#   warm         the same again, nothing changed (every build from the cache)                          target 180 s
# It prints a Markdown table (wall time, cells, builds that ran, cells not measured) and the ratios to the targets
# (a ratio <= 1 meets its target). Run it alone on the machine: a parallel build changes every figure.
#
# Needs: the plugin installed in the local repository Maven uses (mvn -o install -DskipITs), the components of
# scripts/install-linux-matrix.sh, a running Docker engine for the container runner (scripts/start-dockerd.sh), jq.
# Not part of CI.
#
# Usage: scripts/bench-default-matrix.sh [--work DIR] [-- extra mvn arguments, e.g. -Dm1go.runners=native,qemu]
#   --work   where runs, caches and logs go (default: a new directory under /tmp); kept afterwards
#   M1GO_BENCH_REPORT_ONLY=1 with --work DIR prints the table of the runs already in DIR
set -euo pipefail
cd "$(dirname "$0")/.."

work=""
while [ $# -gt 0 ]; do
    case "$1" in
        --work) work="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done
mvn_extra=("$@")
for tool in jq mvn; do
    command -v "$tool" >/dev/null || { echo "bench-default-matrix: $tool is missing" >&2; exit 2; }
done
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
goal="dev.m1go:m1go-maven-plugin:$version:reproduce"
work=${work:-$(mktemp -d /tmp/m1go-bench-default.XXXXXX)}
mkdir -p "$work"
cache="$work/cache"
if [ "${M1GO_BENCH_REPORT_ONLY:-}" != "1" ]; then
    rm -rf "$cache" "$work/run" "${TMPDIR:-/tmp}/m1go-go-command-stall-cache"
    mkdir -p "$work/run"
fi

# run NAME: the default matrix in $work/run, each output line prefixed with the seconds since mvn started.
run() {
    local name=$1 log="$work/$1.log"
    local t0
    t0=$(date +%s.%N)
    (cd "$work/run" && mvn -B "$goal" "-Dm1go.cacheDirectory=$cache" "${mvn_extra[@]}" 2>&1) \
        | while IFS= read -r line; do printf '%8.2f %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$line"; done \
        > "$log" || true
    local t1
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc > "$work/$name.wall"
    cp "$work/run/target/m1go/report.json" "$work/$name.json"
}

# The seconds at the first progress line of a cell that ran (not SKIPPED); one awk, so no pipe is cut short.
first_cell() {
    awk '/\[INFO\] \[ *[0-9]+\/[0-9]+\] .* \.\.\. / && !/ \.\.\. SKIPPED / { print $1; exit }' "$work/$1.log"
}

summary() {
    local json="$work/$1.json"
    printf '%s | %s | %s | %s' \
        "$(jq '.cells | length' "$json")" \
        "$(jq '[.cells[] | select(.outcome != "SKIPPED")] | length' "$json")" \
        "$(jq '[.cells[] | select(.build != null and .build.cached == false)] | map(.build.cacheKey) | unique | length' "$json")" \
        "$(jq '(.notMeasured // []) | length' "$json")"
}

if [ "${M1GO_BENCH_REPORT_ONLY:-}" != "1" ]; then
    echo "bench-default-matrix: cold run (empty caches) in $work" >&2
    run cold
    echo "bench-default-matrix: warm run" >&2
    run warm
fi

cold=$(cat "$work/cold.wall")
warm=$(cat "$work/warm.wall")
first=$(first_cell cold)
first_warm=$(first_cell warm)

echo
echo "| run | wall | first measured cell | cells | measured | builds that ran | not measured |"
echo "|---|---|---|---|---|---|---|"
printf '| cold (empty caches) | %.0f s | %.1f s | %s |\n' "$cold" "$first" "$(summary cold)"
printf '| warm (nothing changed) | %.0f s | %.1f s | %s |\n' "$warm" "$first_warm" "$(summary warm)"
echo
printf 'first-cell/60s %.2f\n' "$(echo "$first / 60" | bc -l)"
printf 'cold/600s %.2f\n' "$(echo "$cold / 600" | bc -l)"
printf 'warm/180s %.2f\n' "$(echo "$warm / 180" | bc -l)"
echo "logs and reports: $work"
