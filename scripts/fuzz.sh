#!/usr/bin/env bash
# Fuzzes every parser of m1go-core with Jazzer, one @FuzzTest after another (Jazzer fuzzes one per JVM): the binary
# readers (ELF, Mach-O, ar, Go build information, the symbol table), crash-log reading, report.json reading, test2json
# events and go.mod replace directives. Each target starts from its committed inputs
# (m1go-core/src/test/resources/<package>/<Class>Inputs/<method>/) and from what earlier runs on this machine found
# (m1go-core/.cifuzz-corpus, not committed).
#
# A target that finds an input its parser fails on (an exception other than the one malformed input is allowed to
# throw, too much memory or time) stops there: Jazzer writes the input as crash-<sha1> (or timeout-<sha1>) into that
# target's Inputs directory, from where every later `mvn test` runs it as a regression test. This script names the
# file, runs the remaining targets, and exits 1.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [Class#method ...]
#   SECONDS_PER_TARGET  how long each target fuzzes; 15 by default (CI), scripts/fuzz.sh 600 for a long run
#   Class#method        only these targets (BinaryFuzzTest#inspect, ...); all by default
# Environment: MVN (the Maven to run; mvn on PATH, else /opt/apache-maven/bin/mvn), FUZZ_MAVEN_ARGS (more Maven
# arguments, e.g. -o).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${1:-15}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [Class#method ...] (SECONDS_PER_TARGET: a whole number of seconds)" >&2
  exit 2
fi
shift $(( $# > 0 ? 1 : 0 ))
all=(BinaryFuzzTest#inspect BinaryFuzzTest#elfSymbols BinaryFuzzTest#goBuildInfo LogFuzzTest#reading
  LogFuzzTest#tracebacks ReportFuzzTest#read ModuleFuzzTest#testEvents ModuleFuzzTest#goModReplaces)
if [[ $# -gt 0 ]]; then targets=("$@"); else targets=("${all[@]}"); fi
mvn=${MVN:-$(command -v mvn || echo /opt/apache-maven/bin/mvn)}
read -r -a extra <<< "${FUZZ_MAVEN_ARGS:-}"

resources="$root/m1go-core/src/test/resources"
logs="$root/m1go-core/target/fuzz"
mkdir -p "$logs"
# The crash inputs there are now, to tell the new ones.
inputs() {
  find "$resources" -path '*FuzzTestInputs/*' -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \
    -o -name 'slow-unit-*' -o -name 'leak-*' \) | sort
}

found=0
summary=()
for target in "${targets[@]}"; do
  log="$logs/${target/\#/-}.log"
  before=$(inputs)
  echo "fuzz: $target for ${seconds}s (log: ${log#"$root"/})"
  start=$(date +%s)
  # JAZZER_FUZZ: fuzz rather than run the inputs as regression tests. jazzer.hooks: the agent (coverage, sanitizers),
  # off in ordinary builds (junit-platform.properties). The @Timeout of each fuzz test class becomes libFuzzer's
  # time limit per input; JUnit's own timeout would count the whole run, so it is off. jazzer.internal.arg.N: libFuzzer
  # arguments after the annotation's (argument 0 is the program name): the last -max_total_time wins.
  JAZZER_FUZZ=1 "$mvn" -B -q "${extra[@]}" -pl m1go-core -am test \
    -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx2g \
    -Djazzer.hooks=true -Djunit.jupiter.execution.timeout.mode=disabled \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=$seconds" \
    -Djazzer.internal.arg.2=-print_final_stats=1 > "$log" 2>&1
  status=$?
  took=$(( $(date +%s) - start ))
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 executions in \2 s/p' "$log" | tail -1)
  new=$(comm -13 <(echo "$before") <(inputs))
  if [[ $status -eq 0 ]]; then
    line="$target: ${runs:-no executions counted}, nothing found (${took}s with Maven)"
  else
    found=1
    # The finding: what the fuzz test threw, or what libFuzzer stopped on (a time limit, memory).
    what=$(grep -a -m1 -oE 'FuzzTestFindingException: .*|ERROR: libFuzzer: .*' "$log" | sed 's/^FuzzTestFindingException: //')
    line="$target: FOUND after ${runs:-an unknown number of executions}: ${what:-Maven failed, see the log}"
    if [[ -n "$new" ]]; then
      line+=$'\n'"  new regression input (commit it once the parser is fixed; mvn test runs it from now on):"
      while read -r f; do line+=$'\n'"    ${f#"$root"/}"; done <<< "$new"
    fi
    line+=$'\n'"  log: ${log#"$root"/}"
  fi
  echo "$line"
  summary+=("$line")
done

echo
echo "fuzz summary (${seconds}s per target):"
printf '%s\n' "${summary[@]}"
if [[ $found -ne 0 ]]; then
  echo "fuzz: a target found an input its parser fails on; see above" >&2
  exit 1
fi
