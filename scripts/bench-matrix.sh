#!/usr/bin/env bash
# Measures how fast m1go:reproduce re-runs a matrix, against the programs it measures.
#
# Runs the W72 workload (6 cases x the amd64 Go 1.19, 1.23, 1.27 and the arm64 Go 1.19 x native, qemu, binfmt: 72 cells,
# 48 builds) through the installed plugin:
#   start-up   Maven and the plugin alone (-Dm1go.skip=true)
#   cold       fresh m1go.cacheDirectory and output directory
#   warm       again, nothing changed, m1go.threads=2, then m1go.threads=1
#   direct     the same binaries run directly as the runners run them (native, qemu-aarch64 -L, binfmt), 2 at a
#              time: the lower bound of a warm run
#   touched    warm after changing one case's C file (static-lib's c/hello.c): only its builds may run again
#   plan       a generated plan of about 1,000 cells (user cases in a cases directory), once to fill the cache,
#              then measured, then once more with -X for m1go's account of the time spent writing reports
# and prints a Markdown table of wall times and peak RSS (/usr/bin/time -v: the largest process of the run, which
# is the JVM when nothing is built), then one ratio per line:
#   warm/limit, cold/warm, speedup(threads 2 vs 1), touched-one-case/warm, rss_mb(1000 cells)
# where limit = start-up + direct.
#
# Needs: the plugin installed in the local repository Maven uses (mvn -o install -pl reproducer-cases,m1go-core,
# m1go-maven-plugin), the toolchains and emulators of scripts/install-linux-matrix.sh, jq, GNU time. Not part of CI.
#
# Usage: scripts/bench-matrix.sh [--quick] [--work DIR] [-- extra mvn arguments, e.g. -Dmaven.repo.local=...]
#   --quick   a reduced workload to check the script itself (2 cases, Go 1.23 only, a 120-cell plan)
#   --work    where runs, caches and logs go (default: a new directory under /tmp); kept afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

quick=false
work=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=true; shift ;;
        --work) work="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done
mvn_extra=("$@")

for tool in jq /usr/bin/time qemu-aarch64 mvn; do
    command -v "$tool" >/dev/null || { echo "bench-matrix: $tool is missing" >&2; exit 2; }
done
arm64_goroot=${M1GO_ARM64_GOROOT:-/opt/go-arm64/usr/lib/go-1.19}
sysroot=/usr/aarch64-linux-gnu
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
goal="dev.m1go:m1go-maven-plugin:$version:reproduce"

if $quick; then
    cases=cgo-hello,static-lib
    matrix=(-Dm1go.cases=$cases -Dm1go.goVersions=1.23@amd64 -Dm1go.runners=native,qemu,binfmt)
    plan_cases=4
else
    cases=cgo-hello,c-abort,static-lib,c-segv,go-nil-deref,cgocheck-pointer
    matrix=(-Dm1go.cases=$cases -Dm1go.goVersions=1.19,1.23@amd64,1.27@amd64 -Dm1go.runners=native,qemu,binfmt
            "-Dm1go.goRoots=$arm64_goroot")
    plan_cases=34
fi
touched_case=static-lib

work=${work:-$(mktemp -d /tmp/m1go-bench.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
rm -rf "$work/out" "$work/cache" "$work/cases" "$work/plan" "$work/plan-cases" "$work/logs"
mkdir -p "$work/project" "$work/cases" "$work/logs"
# The touched case comes from a cases directory (a user case replaces the bundled one of the same name), so that its
# C file can change without touching the repository.
cp -r "$repo/reproducer-cases/cases/$touched_case" "$work/cases/"
echo "bench-matrix: work directory $work; plugin $version; $(nproc) cores; $(uname -srm)"

declare -A wall rss

# Runs m1go once: name, then m1go arguments. Records wall seconds and peak RSS (MB).
m1go() {
    local name=$1; shift
    local log="$work/logs/$name.log" timing="$work/logs/$name.time"
    local start end
    start=$(date +%s.%N)
    if ! (cd "$work/project" && /usr/bin/time -v -o "$timing" mvn -B "${mvn_extra[@]}" "$goal" \
            -Dm1go.failOn=never "$@" >"$log" 2>&1); then
        echo "bench-matrix: the $name run failed; see $log" >&2
        tail -20 "$log" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    wall[$name]=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    rss[$name]=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$timing")
    printf '  %-10s %8s s  %6s MB\n' "$name" "${wall[$name]}" "${rss[$name]}"
}

w72() {
    local name=$1; shift
    m1go "$name" "${matrix[@]}" "-Dm1go.casesDirectory=$work/cases" "-Dm1go.outputDirectory=$work/out" \
        "-Dm1go.cacheDirectory=$work/cache" "$@"
}

# Builds that ran (not taken from the cache) in a report, counted once per build key.
builds_run() {
    jq '[.cells[] | select(.build != null and .build.cached == false) | .build.cacheKey] | unique | length' "$1"
}

echo "bench-matrix: runs"
m1go startup -Dm1go.skip=true
w72 cold -Dm1go.threads=2
cp "$work/out/report.json" "$work/logs/cold.report.json"
w72 warm -Dm1go.threads=2
cp "$work/out/report.json" "$work/logs/warm.report.json"
w72 warm1 -Dm1go.threads=1
cp "$work/out/report.json" "$work/logs/warm1.report.json"
warm_builds=$(builds_run "$work/logs/warm.report.json")

# The lower bound: every binary of the warm run, run directly as its runner runs it, 2 at a time.
jq -r --arg out "$work/out" --arg sysroot "$sysroot" '.cells[]
    | select(.runs != null and (.runs | length) > 0 and .build.binary != null)
    | ($out + "/" + .build.binary) as $bin
    | if .runner == "native" then $bin
      elif .runner == "qemu" then "qemu-aarch64 -L " + $sysroot + " " + $bin
      elif .runner == "binfmt" then "env QEMU_LD_PREFIX=" + $sysroot + " " + $bin
      else empty end' "$work/logs/warm.report.json" >"$work/logs/direct.commands"
direct_count=$(wc -l <"$work/logs/direct.commands")
mkdir -p "$work/direct"
start=$(date +%s.%N)
(cd "$work/direct" && xargs -P 2 -I{} sh -c '{} >/dev/null 2>&1 || true' <"$work/logs/direct.commands")
end=$(date +%s.%N)
wall[direct]=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
rss[direct]="-"
printf '  %-10s %8s s  (%d binaries)\n' direct "${wall[direct]}" "$direct_count"

printf '\n/* changed by bench-matrix.sh at %s */\n' "$(date -u +%FT%TZ)" >>"$work/cases/$touched_case/c/hello.c"
w72 touched -Dm1go.threads=2
touched_builds=$(builds_run "$work/out/report.json")
case_builds=$(jq --arg c "$touched_case" '[.cells[] | select(.case == $c and .build != null) | .build.cacheKey]
    | unique | length' "$work/out/report.json")

# A generated plan: tiny cgo cases, each with ten variants that differ only in their run environment (so they share
# one build per target), on the host's Go, natively and under qemu and binfmt: 30 cells per case.
for i in $(seq -w 1 "$plan_cases"); do
    dir="$work/plan-cases/gen-$i"
    mkdir -p "$dir"
    {
        echo "description: \"Generated case $i of the bench-matrix plan.\""
        echo "variants:"
        for v in 1 2 3 4 5 6 7 8 9; do
            echo "  - name: v$v"
            echo "    env: {M1GO_BENCH_VARIANT: \"$v\"}"
        done
        echo "expect:"
        echo "  outcome: PASS"
    } >"$dir/case.yaml"
    cat >"$dir/main.go" <<EOF
package main

// static int answer(void) { return $((10#$i)); }
import "C"

import "fmt"

func main() {
	fmt.Println("case $i says", int(C.answer()))
	fmt.Println("M1GO_OK")
}
EOF
done
plan=(-Dm1go.casesDirectory="$work/plan-cases" -Dm1go.goVersions=1.26@amd64 -Dm1go.runners=native,qemu,binfmt
      "-Dm1go.outputDirectory=$work/plan" "-Dm1go.cacheDirectory=$work/cache" -Dm1go.threads=2
      "-Dm1go.cases=$(cd "$work/plan-cases" && ls | paste -sd, -)")
m1go plan-fill "${plan[@]}"
m1go plan "${plan[@]}"
plan_cells=$(jq '.cells | length' "$work/plan/report.json")
# Once more with -X, for m1go's own account of how long writing the reports took (debug output costs a little).
m1go plan-debug -X "${plan[@]}"
report_share=$(sed -n 's/.*m1go: writing reports took \([0-9.]*\) s of this run.s \([0-9.]*\) s.*/\1 \2/p' \
    "$work/logs/plan-debug.log" | awk '{ printf "%.1f %% (%s s of %s s)", 100 * $1 / $2, $1, $2 }')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# m1go's own part of a run (report.json's startedAt to finishedAt): the wall time without the JVM's and Maven's start.
own() {
    local from to
    from=$(date -d "$(jq -r .startedAt "$1")" +%s.%N)
    to=$(date -d "$(jq -r .finishedAt "$1")" +%s.%N)
    awk -v a="$from" -v b="$to" 'BEGIN { printf "%.2f", b - a }'
}
limit=$(awk -v a="${wall[startup]}" -v b="${wall[direct]}" 'BEGIN { printf "%.2f", a + b }')

echo
echo "| run | wall | peak RSS |"
echo "|---|---|---|"
echo "| Maven + plugin start-up alone (\`-Dm1go.skip=true\`) | ${wall[startup]} s | ${rss[startup]} MB |"
echo "| cold (empty \`m1go.cacheDirectory\`), \`threads=2\` | ${wall[cold]} s | ${rss[cold]} MB |"
echo "| warm, nothing changed, \`threads=2\` | ${wall[warm]} s | ${rss[warm]} MB |"
echo "| warm, nothing changed, \`threads=1\` | ${wall[warm1]} s | ${rss[warm1]} MB |"
echo "| warm after changing ${touched_case}'s C file ($touched_builds builds ran) | ${wall[touched]} s | ${rss[touched]} MB |"
echo "| the same $direct_count binaries re-run directly, 2 at a time | ${wall[direct]} s | |"
echo "| generated plan of $plan_cells cells, warm | ${wall[plan]} s | ${rss[plan]} MB |"
echo
echo "builds in the warm run: $warm_builds (must be 0)"
echo "builds after changing $touched_case: $touched_builds ($touched_case has $case_builds builds; must be equal)"
echo
echo "warm/limit $(ratio "${wall[warm]}" "$limit")"
echo "cold/warm $(ratio "${wall[cold]}" "${wall[warm]}")"
echo "speedup(threads 2 vs 1) $(ratio "${wall[warm1]}" "${wall[warm]}")"
echo "  (m1go's own part: threads 1 $(own "$work/logs/warm1.report.json") s, threads 2 $(own "$work/logs/warm.report.json") s," \
    "speedup $(ratio "$(own "$work/logs/warm1.report.json")" "$(own "$work/logs/warm.report.json")"))"
echo "touched-one-case/warm $(ratio "${wall[touched]}" "${wall[warm]}")"
echo "rss_mb(1000 cells) ${rss[plan]} ($plan_cells cells)"
echo "report writing in the plan run: ${report_share:-not found in $work/logs/plan-debug.log}"
