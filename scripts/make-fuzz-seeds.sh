#!/usr/bin/env bash
# Builds the seed inputs of the fuzz tests that are made on this machine rather than taken from a public source:
# small real ELF, Mach-O and ar files (gcc, aarch64-linux-gnu-gcc, clang, llvm-lipo, ar, llvm-ar), Go binaries reduced
# to their headers and build information, Go's build information blobs, go test -json events of a test binary that
# passes, fails, skips and crashes in C, and a go.mod and vendor/modules.txt with replace directives.
#
# The seeds are committed; this script is for making them again (build IDs, times and addresses then differ). It
# overwrites the files of the same names and leaves every other input (crash inputs above all) alone.
# Needs: gcc, aarch64-linux-gnu-gcc, clang, llvm-lipo (or llvm-lipo-14), llvm-ar, ar, strip, objcopy,
# aarch64-linux-gnu-objcopy, python3, go 1.18 or later.
# Usage: scripts/make-fuzz-seeds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
res="$root/m1go-core/src/test/resources/dev/m1go"
inspect="$res/binary/BinaryFuzzTestInputs/inspect"
symbols="$res/binary/BinaryFuzzTestInputs/elfSymbols"
buildinfo="$res/binary/BinaryFuzzTestInputs/goBuildInfo"
events="$res/module/ModuleFuzzTestInputs/testEvents"
gomod="$res/module/ModuleFuzzTestInputs/goModReplaces"
logs="$res/classify/LogFuzzTestInputs"
mkdir -p "$inspect" "$symbols" "$buildinfo" "$events" "$gomod" "$logs"
lipo=$(command -v llvm-lipo || command -v llvm-lipo-14)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# --- C: objects, executables, a shared library, archives -------------------------------------------------------
cat > hello.c <<'EOF'
#include <stdio.h>
int add(int a, int b) { return a + b; }
int main(void) { printf("hello %d\n", add(1, 2)); return 0; }
EOF
# No headers: clang builds objects for targets whose C library is not installed.
cat > plain.c <<'EOF'
extern int puts(const char *);
int add(int a, int b) { return a + b; }
int main(void) { puts("hello"); return add(1, 2); }
EOF
cat > start.c <<'EOF'
int value = 42;
int add(int a, int b) { return a + b; }
void _start(void) { for (;;) { value = add(value, 1); } }
EOF
cat > a_very_long_object_name_for_the_table.c <<'EOF'
int long_named(int x) { return x * 3; }
EOF
small=(-Os -Wl,-z,noseparate-code -Wl,-z,max-page-size=4096)
gcc -Os -c hello.c -o elf-amd64-rel.o
aarch64-linux-gnu-gcc -Os -c hello.c -o elf-arm64-rel.o
gcc -Os -c a_very_long_object_name_for_the_table.c -o a_very_long_object_name_for_the_table.o
gcc "${small[@]}" hello.c -o elf-amd64-pie
gcc "${small[@]}" -no-pie hello.c -o elf-amd64-exec
gcc "${small[@]}" -shared -fPIC a_very_long_object_name_for_the_table.c -o elf-amd64-dyn.so
gcc "${small[@]}" -static -nostdlib -Wl,--build-id start.c -o elf-amd64-static-nostdlib
aarch64-linux-gnu-gcc -Os -Wl,-z,max-page-size=4096 hello.c -o elf-arm64-pie
clang --target=i386-linux-gnu -Os -c plain.c -o elf-i386-rel.o
clang --target=armv7-linux-gnueabihf -Os -c plain.c -o elf-armv7-rel.o
clang --target=powerpc64-linux-gnu -Os -c plain.c -o elf-ppc64-big-endian-rel.o
clang --target=arm64-apple-macos11 -Os -c plain.c -o macho-arm64.o
clang --target=x86_64-apple-macos11 -Os -c plain.c -o macho-x86_64.o
"$lipo" -create macho-arm64.o macho-x86_64.o -segalign arm64 10 -segalign x86_64 10 -output macho-universal.o
cp elf-arm64-rel.o arm64-copy.o
ar rcs ar-gnu-long-names.a elf-amd64-rel.o a_very_long_object_name_for_the_table.o
ar rcs ar-mixed-amd64-arm64.a elf-amd64-rel.o arm64-copy.o
llvm-ar --format=darwin rcs ar-bsd-names.a macho-arm64.o a_very_long_object_name_for_the_table.o
for f in elf-amd64-pie elf-amd64-exec elf-amd64-static-nostdlib elf-arm64-pie; do
  cp "$f" "$symbols/$f-unstripped"
done
cp elf-amd64-rel.o elf-arm64-rel.o elf-i386-rel.o elf-ppc64-big-endian-rel.o elf-amd64-dyn.so "$symbols/"
strip elf-amd64-pie elf-amd64-exec elf-amd64-dyn.so
aarch64-linux-gnu-strip elf-arm64-pie
cp elf-amd64-pie "$symbols/elf-amd64-pie-stripped"
cp elf-*-rel.o elf-amd64-pie elf-amd64-exec elf-amd64-dyn.so elf-amd64-static-nostdlib elf-arm64-pie \
  macho-arm64.o macho-x86_64.o macho-universal.o ar-*.a "$inspect/"

# --- Go: binaries reduced to their headers and build information -------------------------------------------------
mkdir hello && cd hello
printf 'module example.com/hello\n\ngo 1.18\n' > go.mod
printf 'package main\n\nfunc main() { println("hello") }\n' > main.go
export GOFLAGS=-modcacherw CGO_ENABLED=0
# -R 0x1000: 4 KiB alignment instead of 64 KiB, for smaller files.
GOOS=linux GOARCH=amd64 go build -trimpath -ldflags='-s -w' -o ../go-linux-amd64 .
GOOS=linux GOARCH=arm64 go build -trimpath -ldflags='-s -w -R 0x1000' -o ../go-linux-arm64 .
GOOS=darwin GOARCH=arm64 go build -trimpath -ldflags='-s -w -R 0x1000' -o ../go-darwin-arm64 .
GOOS=darwin GOARCH=amd64 go build -trimpath -ldflags='-s -w -R 0x1000' -o ../go-darwin-amd64 .
go tool compile -p main -o ../go-package.a main.go
cd ..
unset CGO_ENABLED
# ELF: every section but the build ID note and the build information removed (headers as the linker wrote them).
objcopy --only-section=.go.buildinfo --only-section=.note.go.buildid go-linux-amd64 "$inspect/go-linux-amd64-buildinfo-only" 2>/dev/null
aarch64-linux-gnu-objcopy --only-section=.go.buildinfo --only-section=.note.go.buildid go-linux-arm64 "$inspect/go-linux-arm64-buildinfo-only" 2>/dev/null
cp "$inspect/go-linux-amd64-buildinfo-only" "$inspect/go-linux-arm64-buildinfo-only" "$symbols/"
head -c 8192 go-linux-amd64 > "$inspect/go-linux-amd64-first-8KiB"
cp go-package.a "$inspect/ar-go-package.a"
objcopy -O binary --only-section=.go.buildinfo go-linux-amd64 "$buildinfo/go-linux-amd64.go.buildinfo"
aarch64-linux-gnu-objcopy -O binary --only-section=.go.buildinfo go-linux-arm64 "$buildinfo/go-linux-arm64.go.buildinfo"
# Mach-O: the header and load commands as the linker wrote them, then __go_buildinfo, its section's offset moved to
# follow the load commands; a universal file of both.
python3 - "$inspect" "$buildinfo" <<'EOF'
import struct, sys
inspect, buildinfo = sys.argv[1], sys.argv[2]

def carve(src):
    data = open(src, 'rb').read()
    magic, cpu, sub, ftype, ncmds, sizeofcmds = struct.unpack_from('<IiiIII', data, 0)
    assert magic == 0xfeedfacf, src
    head = bytearray(data[:(32 + sizeofcmds + 15) & ~15])
    at = 32
    for _ in range(ncmds):
        cmd, size = struct.unpack_from('<II', data, at)
        if cmd == 0x19:  # LC_SEGMENT_64
            for i in range(struct.unpack_from('<I', data, at + 64)[0]):
                s = at + 72 + 80 * i
                if data[s:s + 16].rstrip(b'\0') == b'__go_buildinfo':
                    length = struct.unpack_from('<Q', data, s + 40)[0]
                    offset = struct.unpack_from('<I', data, s + 48)[0]
                    blob = data[offset:offset + length]
                    struct.pack_into('<I', head, s + 48, len(head))
                    return cpu, sub, bytes(head) + blob, blob
        at += size
    raise SystemExit(src + ': no __go_buildinfo')

slices = []
for arch in ('arm64', 'amd64'):
    cpu, sub, thin, blob = carve('go-darwin-' + arch)
    open(f'{inspect}/go-darwin-{arch}-buildinfo-only', 'wb').write(thin)
    open(f'{buildinfo}/go-darwin-{arch}.__go_buildinfo', 'wb').write(blob)
    slices.append((cpu, sub, thin))
fat = bytearray(struct.pack('>II', 0xcafebabe, len(slices)))
offset = (8 + 20 * len(slices) + 15) & ~15
body = b''
for cpu, sub, thin in slices:
    fat += struct.pack('>iiIII', cpu, sub, offset + len(body), len(thin), 4)
    body += thin + b'\0' * (-len(thin) % 16)
fat += b'\0' * (offset - len(fat))
open(f'{inspect}/go-darwin-universal-buildinfo-only', 'wb').write(bytes(fat) + body)
EOF

# --- A module whose tests pass, fail, skip and crash in C; its go.mod and vendor/modules.txt ----------------------
mkdir -p mod/dep mod/app/third_party/other && cd mod
printf 'module example.com/dep\n\ngo 1.18\n' > dep/go.mod
printf 'package dep\n\nfunc Twice(x int) int { return 2 * x }\n' > dep/dep.go
printf 'module example.com/other\n\ngo 1.18\n' > app/third_party/other/go.mod
printf 'package other\n\nfunc Name() string { return "other" }\n' > app/third_party/other/other.go
cd app
cat > go.mod <<'EOF'
module example.com/app

go 1.18

require (
	example.com/dep v0.0.0
	example.com/other v1.2.3
)

replace example.com/dep => ../dep

replace example.com/other v1.2.3 => ./third_party/other // vendored by hand
EOF
cat > app.go <<'EOF'
package app

/*
static int crash(void) { volatile int *p = 0; return *p; }
*/
import "C"

import (
	"example.com/dep"
	"example.com/other"
)

func Value() int { return dep.Twice(len(other.Name())) }

func Crash() int { return int(C.crash()) }
EOF
cat > app_test.go <<'EOF'
package app

import (
	"fmt"
	"testing"
)

func TestValue(t *testing.T) {
	if Value() != 10 {
		t.Fatalf("Value() = %d", Value())
	}
	t.Log("value is", Value())
}

func TestSkipped(t *testing.T) { t.Skip("not on this machine") }

func TestFails(t *testing.T) {
	for i := 0; i < 3; i++ {
		t.Run(fmt.Sprint("case", i), func(t *testing.T) {
			if i == 1 {
				t.Errorf("case %d: got %q, want %q", i, "a\tb", "c\"d")
			}
		})
	}
}

func TestCrash(t *testing.T) {
	t.Log("about to call C")
	Crash()
}
EOF
export GOFLAGS="-mod=mod -modcacherw" GOPROXY=off CGO_ENABLED=1
go mod vendor
cp go.mod "$gomod/go.mod-replace-outside-and-inside"
cp vendor/modules.txt "$gomod/vendor-modules.txt-replace"
export GOFLAGS="-mod=vendor -modcacherw"
go test -trimpath -json -count=1 . > "$events/cgo-sigsegv.test2json" 2>&1 || true
go test -trimpath -json -count=1 -run 'TestValue|TestSkipped|TestFails' . > "$events/pass-fail-skip.test2json" 2>&1 || true
go test -trimpath -count=1 -run TestCrash . > "$logs/goTestCgoSigsegvAmd64_madeHere.log" 2>&1 || true
echo "seeds written under $res"
