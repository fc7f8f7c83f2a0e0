#!/usr/bin/env bash
# Puts every Go module that a test later uses offline into the module cache, with all of its dependencies, and the
# GOTOOLCHAIN release the matrix expects. Online; run it after scripts/install-linux-matrix.sh and before the tests.
# The integration tests run Maven offline (-o), which reaches the go command as GOPROXY=off: a module missing here
# fails there with "module lookup disabled by GOPROXY=off".
#
# The module cache is $GOMODCACHE (else go's default): .ci/run points it at an empty directory inside the clone, so
# that a machine that ran the tests before cannot hide a module this list lacks.
#
# What is fetched:
#   - the modules of every go.mod in the catalog (reproducer-cases/cases/*) and in it/projects/*;
#   - the public modules below, that ModuleModeIT and PublicModuleReuseIT run straight from the module cache (keep
#     them in step);
#   - go1.27.3 through GOTOOLCHAIN (m1go finds it in $GOMODCACHE/golang.org/toolchain@*).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# module@version, one per line: ModuleModeIT.PUBLIC_MODULE @ PUBLIC_VERSION, PublicModuleReuseIT.MODULE @ VERSION.
public_modules=(
  github.com/pk910/hashtree-bindings@v0.2.6
  github.com/DataDog/zstd@v1.5.7
)
toolchain=go1.27.3

export GOTOOLCHAIN=local GOFLAGS="-mod=mod -modcacherw"
echo "prefetch-go-modules: module cache $(go env GOMODCACHE)"

# `go mod download` with no arguments fetches every module of the main module's build list (what `go build` and
# `go list ./...` of any package may need), for every GOOS/GOARCH.
download_all() {
  echo "prefetch-go-modules: every module $1 needs"
  (cd "$1" && go mod download)
}

while IFS= read -r mod; do
  download_all "$(dirname "$mod")"
done < <(find reproducer-cases/cases it/projects -name go.mod -not -path '*/target/*' | sort)

for m in "${public_modules[@]}"; do
  dir=$(go mod download -json "$m" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
  if [ -z "$dir" ]; then
    echo "prefetch-go-modules: go mod download $m gave no directory" >&2
    exit 1
  fi
  download_all "$dir"
done

GOTOOLCHAIN=$toolchain go version
echo "prefetch-go-modules: done"
