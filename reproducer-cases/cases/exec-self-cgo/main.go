// A cgo program starts a copy of itself, of its own architecture, as a child process; the child calls C and
// reports what it computed. Under an emulator the child is a second translated program: it must find the same C
// runtime as its parent (qemu-user -L reaches only the program qemu starts; a child goes through binfmt_misc and
// finds the sysroot only through QEMU_LD_PREFIX).
package main

/*
#include <stdlib.h>
static int m1go_square(int x) { return x * x; }
*/
import "C"

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "child" {
		fmt.Printf("child %s/%s squared 7 in C: %d\n", runtime.GOOS, runtime.GOARCH, int(C.m1go_square(7)))
		return
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "no path to this program:", err)
		os.Exit(1)
	}
	cmd := exec.Command(self, "child")
	cmd.Stderr = os.Stderr // a child that cannot start says why where the report can see it
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "the child failed:", err)
		os.Exit(1)
	}
	want := fmt.Sprintf("child %s/%s squared 7 in C: 49", runtime.GOOS, runtime.GOARCH)
	if strings.TrimSpace(string(out)) != want {
		fmt.Fprintf(os.Stderr, "the child printed %q, want %q\n", out, want)
		os.Exit(1)
	}
	fmt.Println(want)
	fmt.Println("M1GO_OK")
}
