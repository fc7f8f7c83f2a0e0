#!/bin/sh
# Regenerates the fixtures next to this script from module/ with the `go` on PATH: builds the test binary with
# `go test -c` and runs it the way m1go runs a module-mode test cell (the binary with -test.v, its stdout and stderr
# in run-1.stdout and run-1.stderr, then `go tool test2json -p PACKAGE < run-1.stdout > run-1.test2json`). The
# exit status goes to run-1.exit and the Go version to go-version.
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=/tmp/m1go-fixture-cgostore
rm -rf "$work" && mkdir -p "$work"
cp "$here/module/store.go" "$here/module/store_test.go" "$work/"
printf 'module example.com/cgostore\n\ngo 1.22\n' > "$work/go.mod"
(cd "$work" && GOTOOLCHAIN=local go test -c -o store.test .) || exit 1
GOTOOLCHAIN=local go version > "$here/go-version"

record() {
    dir="$here/$1"
    shift
    mkdir -p "$dir"
    (cd "$work" && "$@" > "$dir/run-1.stdout" 2> "$dir/run-1.stderr"; echo $? > "$dir/run-1.exit")
    GOTOOLCHAIN=local go tool test2json -p example.com/cgostore < "$dir/run-1.stdout" > "$dir/run-1.test2json"
}

# Every test: passes, skips, t.Log lines before t.Fatalf / t.Errorf, table subtests (one fails, one skips).
record all ./store.test -test.v
# Other failing tests: only the table test fails.
record table ./store.test -test.v '-test.run=TestAdd|TestNeedsGPU|TestTable'
# A test that panics: the test binary's crash report goes to stderr.
record panic env M1GO_FIXTURE_PANIC=1 ./store.test -test.v '-test.run=TestAdd|TestPanics'
