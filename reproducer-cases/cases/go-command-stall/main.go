// The toolchain that built this program builds a small cgo program N times (N from the first argument, 1 by default),
// each time with a changed constant so that cgo, the compiler and the linker run again. When that toolchain's own go
// command is of another architecture (the arm64 Go unpacked under /opt/go-arm64 on an amd64 machine), every build runs
// translated under binfmt_misc/qemu-user, where the go command now and then deadlocks: the run then ends in TIMEOUT.
// With a go command of the host's architecture the same builds are the native reference.
package main

/*
static int m1go_one(void) { return 1; }
*/
import "C"

import (
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
)

const program = `package main

/*
static int m1go_value(void) { return %d; }
*/
import "C"

import "fmt"

func main() { fmt.Println(int(C.m1go_value())) }
`

func main() {
	n := 1
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 1 {
			fmt.Fprintln(os.Stderr, "the first argument is the number of builds, at least 1:", os.Args[1])
			os.Exit(2)
		}
		n = v
	}
	goroot := runtime.GOROOT()
	goBin := filepath.Join(goroot, "bin", "go")
	arch, err := machine(goBin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cannot read the go command of the toolchain that built this program:", err)
		os.Exit(1)
	}
	dir, err := os.MkdirTemp("", "m1go-go-command-stall-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	// The build cache outlives the run (one per toolchain), so only the first build ever compiles the standard library.
	cache := filepath.Join(os.TempDir(), "m1go-go-command-stall-cache", runtime.Version()+"-"+arch)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "GOCACHE=" + cache, "GOPATH=" + filepath.Join(dir, "gopath"),
		"GOROOT=" + goroot, "GOTOOLCHAIN=local", "GOFLAGS=", "CGO_ENABLED=1", "CC=" + cc(arch)}
	if arch == "arm64" && runtime.GOARCH != "arm64" {
		env = append(env, "QEMU_LD_PREFIX=/usr/aarch64-linux-gnu")
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module stall\n\ngo 1.19\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 1; i <= n; i++ {
		src := fmt.Sprintf(program, i+int(C.m1go_one()))
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		cmd := exec.Command(goBin, "build", "-o", filepath.Join(dir, "stall"), ".")
		cmd.Dir = dir
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "build %d of %d with %s (%s): %v\n%s", i, n, goBin, arch, err, out)
			os.Exit(1)
		}
	}
	fmt.Printf("M1GO_FACT go.command.arch=%s\nM1GO_FACT builds=%d\n", arch, n)
	fmt.Println("M1GO_OK")
}

// machine is the architecture of an ELF executable, as GOARCH names it.
func machine(path string) (string, error) {
	f, err := elf.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	switch f.Machine {
	case elf.EM_X86_64:
		return "amd64", nil
	case elf.EM_AARCH64:
		return "arm64", nil
	}
	return "", fmt.Errorf("%s is an ELF file for %v", path, f.Machine)
}

// cc is the C compiler for builds of that architecture on this machine: the cross compiler when there is one.
func cc(arch string) string {
	if arch == "arm64" && runtime.GOARCH != "arm64" {
		if _, err := os.Stat("/usr/bin/aarch64-linux-gnu-gcc"); err == nil {
			return "aarch64-linux-gnu-gcc"
		}
	}
	return "gcc"
}
