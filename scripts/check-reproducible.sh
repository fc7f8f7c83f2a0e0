#!/usr/bin/env bash
# Builds the committed tree (HEAD) twice, each time from its own fresh copy, and compares every jar and the m1go
# distribution archive byte for byte: with project.build.outputTimestamp set in the parent pom, two builds of one
# commit must be identical. Prints one line per artifact and exits non-zero when any differs.
#
#   scripts/check-reproducible.sh            # Maven from PATH (or $MVN), online
#   MVN_FLAGS=-o scripts/check-reproducible.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn=${MVN:-mvn}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

modules=reproducer-cases,m1go-core,m1go-maven-plugin,m1go-cli
for n in 1 2; do
  mkdir -p "$work/$n"
  git archive HEAD | tar -x -C "$work/$n"
  # shellcheck disable=SC2086 # MVN_FLAGS holds several flags
  (cd "$work/$n" && "$mvn" -B -q ${MVN_FLAGS:-} package -DskipTests -pl "$modules")
done

status=0
count=0
while IFS= read -r artifact; do
  a=$(sha256sum "$work/1/$artifact" | cut -d' ' -f1)
  b=$(sha256sum "$work/2/$artifact" | cut -d' ' -f1)
  count=$((count + 1))
  if [ "$a" = "$b" ]; then
    echo "identical  $artifact"
  else
    echo "DIFFERENT  $artifact"
    status=1
  fi
done < <(cd "$work/1" && find . -path '*/target/*' \( -name '*.jar' -o -name '*.tar.gz' \) -not -path '*/target/*/*/*' | sort)

if [ "$count" -eq 0 ]; then
  echo "no artifact was built" >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "two builds of $(git rev-parse --short HEAD) differ: see the artifacts above" >&2
fi
exit "$status"
