// A program that starts a copy of itself with a clean environment, buried among unrelated code. Natively the child
// runs; under qemu-user the child goes through binfmt_misc and, without QEMU_LD_PREFIX, cannot find its loader.
package main

/*
#include <stdio.h>
#include "lib.h"

static int m1go_square(int x) { return lib_mul(x, x); }
static int m1go_unused_twice(int x) { return 2 * x; }
#cgo LDFLAGS: ${SRCDIR}/libbloat.a
*/
import "C"

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	if os.Getenv("M1GO_CHILD") != "" {
		fmt.Println("child", int(C.m1go_square(7)))
		return
	}
	total := 0
	total += helper0(0)
	_ = Describe0(Record0{Name: "r0", Count: 0})
	total += helper1(1)
	_ = Describe1(Record1{Name: "r1", Count: 1})
	total += helper2(2)
	_ = Describe2(Record2{Name: "r2", Count: 2})
	total += helper3(3)
	_ = Describe3(Record3{Name: "r3", Count: 3})
	total += helper4(4)
	_ = Describe4(Record4{Name: "r4", Count: 4})
	total += helper5(5)
	_ = Describe5(Record5{Name: "r5", Count: 5})
	total += helper6(6)
	_ = Describe6(Record6{Name: "r6", Count: 6})
	total += helper7(7)
	_ = Describe7(Record7{Name: "r7", Count: 7})
	total += helper8(8)
	_ = Describe8(Record8{Name: "r8", Count: 8})
	total += helper9(9)
	_ = Describe9(Record9{Name: "r9", Count: 9})
	fmt.Println("total", total, C.m1go_unused_twice(2), C.lib_add(3, 4))
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "no path to this program:", err)
		os.Exit(1)
	}
	cmd := exec.Command(self)
	cmd.Env = []string{"M1GO_CHILD=1"}
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "the child failed:", err)
		os.Exit(1)
	}
	if strings.TrimSpace(string(out)) != "child 49" {
		fmt.Fprintf(os.Stderr, "the child printed %q\n", out)
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
