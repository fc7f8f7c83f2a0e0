#!/usr/bin/env bash
# Measures how fast the crash classifier reads a ~10 MB log (target: well under one second).
# Compiles the plugin and its tests offline, then runs dev.m1go.classify.ClassifierBenchmark.
# Usage: scripts/bench-classifier.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl m1go-maven-plugin -am test-compile
module=m1go-maven-plugin/target
exec java -Xmx1g -cp "$module/classes:$module/test-classes" dev.m1go.classify.ClassifierBenchmark "${1:-5}"
