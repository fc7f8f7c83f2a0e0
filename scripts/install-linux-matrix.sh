#!/usr/bin/env bash
# Installs every component of the full Linux matrix on Debian 12 (bookworm), x86_64, as root:
#   Go 1.19, 1.21, 1.22, 1.23 (Debian; 1.21+ from bookworm-backports), Go 1.27.3 via GOTOOLCHAIN,
#   arm64 Go 1.19, 1.21, 1.22, 1.23 (Debian) and go1.27.3 unpacked into /opt/go-arm64 (run under binfmt/qemu),
#   qemu-user, qemu-user-static + binfmt-support, the aarch64 cross compiler and sysroot,
#   clang (the matrix builds with gcc; the cflags-cxx-pollution README quotes clang's message, measured with it),
#   llvm (llvm-symbolizer for C frames, llvm-lipo for the universal Mach-O test files) and the aarch64 binutils,
#   Docker's engine (docker.io) and Chromium + ChromeDriver for the HTML report test,
#   pkg-config and zlib1g-dev for amd64 only (module mode's per-target pkg-config IT),
#   and a current Maven 3.9 (the registry artifact org.apache.maven:apache-maven:<v>:tar.gz:bin, fetched by
#   Debian's Maven through maven-dependency-plugin) into /opt/apache-maven-<v>, linked
#   as /opt/apache-maven, which .ci/run builds with.
# It is idempotent: run it again and it only checks. It starts nothing but binfmt_misc;
# scripts/start-dockerd.sh starts the engine.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "install-linux-matrix.sh: run as root (apt-get, dpkg, binfmt_misc need it)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive

# bookworm-backports on the mirror the machine's own Debian sources already use.
mirror=""
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources | head -1)
fi
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
  mirror=$(awk '$1=="deb" && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list)
fi
if [ -z "$mirror" ]; then
  echo "install-linux-matrix.sh: cannot find the Debian mirror in /etc/apt/sources.list(.d)" >&2
  exit 1
fi
echo "deb $mirror bookworm-backports main" > /etc/apt/sources.list.d/m1go-backports.list

dpkg --add-architecture arm64
# Third-party sources that a machine may list but cannot reach must not stop the install.
apt-get update -o Acquire::Retries=3 || echo "apt-get update reported errors; continuing with the indexes it got" >&2

apt-get install -y --no-install-recommends \
  golang-1.19-go golang-1.21-go golang-1.22-go golang-1.23-go \
  qemu-user qemu-user-static binfmt-support \
  gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross clang llvm \
  docker.io iproute2 util-linux maven \
  chromium chromium-driver fonts-noto-color-emoji \
  pkg-config zlib1g-dev
# zlib1g-dev is installed for amd64 only, on purpose: ModuleModeIT shows module mode's linux/arm64 link failure and
# its remedy (apt-get install zlib1g-dev:arm64) with it. Installing zlib1g-dev:arm64 makes that IT skip.

# binfmt_misc: arm64 ELF files run directly through qemu-aarch64-static.
mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
update-binfmts --enable qemu-aarch64 || true
if ! grep -q '^enabled' /proc/sys/fs/binfmt_misc/qemu-aarch64 2>/dev/null; then
  echo "install-linux-matrix.sh: binfmt handler qemu-aarch64 is not enabled" >&2
  exit 1
fi

# A newer Go release through the Go module proxy (lands in $GOMODCACHE/golang.org/toolchain@...).
if command -v go >/dev/null; then
  GOTOOLCHAIN=go1.27.3 go version
fi

# The modules of the bundled cases (sqlite-cgo-vs-purego) into the module cache: Maven's offline mode (the ITs run
# with -o) reaches the go command as GOPROXY=off, so they must be there before any offline build.
if command -v go >/dev/null; then
  (cd "$(dirname "$0")/../reproducer-cases/cases/sqlite-cgo-vs-purego" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download)
fi

# arm64 Go toolchains: Debian's golang-1.X-go for arm64 of every version installed above, each unpacked into
# /opt/go-arm64 (GOROOTs /opt/go-arm64/usr/lib/go-1.X, where m1go's discovery looks), completed with the
# architecture-independent sources of the amd64 install. Their go binaries run under binfmt.
for v in 1.19 1.21 1.22 1.23; do
  if [ ! -x /opt/go-arm64/usr/lib/go-$v/bin/go ]; then
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download golang-$v-go:arm64)
    mkdir -p /opt/go-arm64
    dpkg-deb -x "$tmp"/golang-${v}-go_*_arm64.deb /opt/go-arm64
    rm -rf "$tmp"
  fi
  mkdir -p /opt/go-arm64/usr/share/go-$v
  cp -rn /usr/share/go-$v/. /opt/go-arm64/usr/share/go-$v/
  QEMU_LD_PREFIX=/usr/aarch64-linux-gnu GOTOOLCHAIN=local /opt/go-arm64/usr/lib/go-$v/bin/go version
done

# The arm64 build of the newest release above, through the Go module proxy, fetched by an arm64 go (>= 1.21 knows
# GOTOOLCHAIN) under binfmt into a module cache of its own; its GOROOT is then linked to /opt/go-arm64/go1.27.3.
# A machine without the proxy keeps the four Debian arm64 toolchains.
if [ ! -x /opt/go-arm64/go1.27.3/bin/go ]; then
  cache=/opt/go-arm64/modcache
  if env GOMODCACHE=$cache GOPATH=/opt/go-arm64/gopath GOTOOLCHAIN=go1.27.3 GOFLAGS=-modcacherw \
      QEMU_LD_PREFIX=/usr/aarch64-linux-gnu /opt/go-arm64/usr/lib/go-1.23/bin/go version; then
    ln -sfn "$(ls -d $cache/golang.org/toolchain@v0.0.1-go1.27.3.linux-arm64)" /opt/go-arm64/go1.27.3
  else
    echo "install-linux-matrix.sh: the arm64 go1.27.3 could not be fetched; continuing without it" >&2
  fi
fi

# A current Maven 3.9: CI and the README's quick start use it (group-level plugin metadata, plugin validation).
# Debian's Maven fetches the distribution from the Maven registry like any artifact; nothing else is downloaded.
# The version is it/pom.xml's it.maven.current, which MavenVersionsIT also runs the plugin on.
maven_version=$(sed -n 's:.*<it.maven.current>\(.*\)</it.maven.current>.*:\1:p' "$(dirname "$0")/../it/pom.xml")
if [ ! -x "/opt/apache-maven-$maven_version/bin/mvn" ]; then
  tmp=$(mktemp -d)
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy \
    -Dartifact="org.apache.maven:apache-maven:$maven_version:tar.gz:bin" -DoutputDirectory="$tmp"
  tar -xzf "$tmp/apache-maven-$maven_version-bin.tar.gz" -C /opt
  rm -rf "$tmp"
fi
ln -sfn "apache-maven-$maven_version" /opt/apache-maven
/opt/apache-maven/bin/mvn -v | head -1

echo "install-linux-matrix.sh: done"
