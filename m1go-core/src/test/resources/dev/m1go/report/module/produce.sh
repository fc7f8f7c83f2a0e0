#!/bin/sh
# Writes the *.test2json fixtures of this directory: the module here (example.com/differs) built with
# `go test -c` by two toolchains for linux/amd64 and linux/arm64, each binary run with -test.v the way m1go runs a
# test binary (natively, under qemu-aarch64, through binfmt_misc), its standard output converted with the building
# toolchain's `go tool test2json -p example.com/differs`, as m1go converts it.
# Needs: Linux x86_64, Go 1.26 as GO126, Go 1.22 as GO122, gcc, aarch64-linux-gnu-gcc, qemu-aarch64 and a
# binfmt_misc entry for aarch64.
set -u
GO126=${GO126:-/usr/local/go}
GO122=${GO122:-/usr/lib/go-1.22}
SYSROOT=${SYSROOT:-/usr/aarch64-linux-gnu}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/go.mod" "$here/differs_test.go" "$work/"
export GOTOOLCHAIN=local GOPROXY=off GOFLAGS=

build() { # root goarch cc out
    (cd "$work" && CGO_ENABLED=1 GOOS=linux GOARCH=$2 CC=$3 GOROOT=$1 "$1/bin/go" test -c -o "$4" .)
}

# fixture name, toolchain root, runs, how it was run (for the header), command...
fixture() {
    name=$1 root=$2 runs=$3 how=$4
    shift 4
    statuses=""
    i=1
    while [ "$i" -le "$runs" ]; do
        env "$@" > "$work/run-$i.stdout" 2> "$work/run-$i.stderr"
        statuses="$statuses $?"
        i=$((i + 1))
    done
    {
        echo "# Real output of a Go test binary, written by produce.sh in this directory."
        echo "# module: example.com/differs (go.mod and differs_test.go in this directory)"
        echo "# toolchain: $("$root/bin/go" version)"
        echo "# host: $(uname -s) $(uname -m)"
        echo "# run: $how"
        echo "# exit statuses:$statuses"
        echo "# stderr of the first run: $(wc -c < "$work/run-1.stderr") bytes"
        echo "# events: GOROOT=$root go tool test2json -p example.com/differs < stdout of the first run"
        GOROOT=$root "$root/bin/go" tool test2json -p example.com/differs < "$work/run-1.stdout"
    } > "$here/$name.test2json"
}

build "$GO126" amd64 gcc "$work/go126-amd64.test"
build "$GO126" arm64 aarch64-linux-gnu-gcc "$work/go126-arm64.test"
build "$GO122" amd64 gcc "$work/go122-amd64.test"
build "$GO122" arm64 aarch64-linux-gnu-gcc "$work/go122-arm64.test"

fixture go1.26-linux-amd64-native "$GO126" 1 "differs.test -test.v (natively)" \
    "$work/go126-amd64.test" -test.v
fixture go1.26-linux-arm64-qemu "$GO126" 1 "qemu-aarch64 -L $SYSROOT differs.test -test.v" \
    qemu-aarch64 -L "$SYSROOT" "$work/go126-arm64.test" -test.v
fixture go1.26-linux-arm64-binfmt "$GO126" 1 "DIFFERS_DEADLINE=1ms differs.test -test.v (through binfmt_misc; the 1 ms deadline stands for a loaded machine)" \
    DIFFERS_DEADLINE=1ms "$work/go126-arm64.test" -test.v
fixture go1.26-linux-amd64-native-deadline "$GO126" 5 "DIFFERS_DEADLINE=1ms differs.test -test.v (natively, 5 times; the 1 ms deadline stands for a loaded machine)" \
    DIFFERS_DEADLINE=1ms "$work/go126-amd64.test" -test.v
fixture go1.22-linux-amd64-native "$GO122" 5 "differs.test -test.v (natively, 5 times)" \
    "$work/go122-amd64.test" -test.v
fixture go1.22-linux-arm64-qemu "$GO122" 1 "qemu-aarch64 -L $SYSROOT differs.test -test.v" \
    qemu-aarch64 -L "$SYSROOT" "$work/go122-arm64.test" -test.v
fixture go1.22-linux-arm64-binfmt "$GO122" 1 "differs.test -test.v (through binfmt_misc)" \
    "$work/go122-arm64.test" -test.v
