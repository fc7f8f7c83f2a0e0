#!/bin/sh
# Regenerates the fixtures next to this script from module/: builds the test binary of example.com/flags with
# `go test -c` (the `go` on PATH for linux/amd64 and linux/arm64, /usr/lib/go-1.19 for the old toolchain) and runs it
# the way m1go runs a module-mode test cell with every test flag m1go passes, stdout and stderr in run-1.stdout and
# run-1.stderr, the exit status in run-1.exit. The arm64 binary runs under qemu-aarch64 (qemu-user).
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=/tmp/m1go-fixture-flags
rm -rf "$work" && mkdir -p "$work"
cp "$here/module/flags.go" "$here/module/flags_test.go" "$work/"
printf 'module example.com/flags\n\ngo 1.19\n' > "$work/go.mod"
(cd "$work" && GOTOOLCHAIN=local go test -c -o flags.test . &&
    GOTOOLCHAIN=local GOARCH=arm64 go test -c -o flags-arm64.test . &&
    GOTOOLCHAIN=local /usr/lib/go-1.19/bin/go test -c -o flags-go119.test .) || exit 1
{ GOTOOLCHAIN=local go version; /usr/lib/go-1.19/bin/go version; qemu-aarch64 --version | head -1; } > "$here/versions"

flags='-test.v -test.short -test.skip=TestSkipMe -test.parallel=2 -test.cpu=1,2 -test.bench=. -test.benchtime=20000x'
record() {
    dir="$here/$1"
    shift
    mkdir -p "$dir"
    # shellcheck disable=SC2086
    (cd "$work" && env M1GO_FIXTURE_ENV=set "$@" $flags > "$dir/run-1.stdout" 2> "$dir/run-1.stderr"
        echo $? > "$dir/run-1.exit")
}

# linux/amd64, native.
record native ./flags.test
# linux/arm64 under qemu-user: the same benchmarks, translated.
record qemu qemu-aarch64 ./flags-arm64.test
# go1.19's test binary: no -test.skip yet.
record go119 ./flags-go119.test
