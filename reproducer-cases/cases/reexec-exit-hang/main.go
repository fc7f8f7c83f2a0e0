// A cgo program re-executes itself N times in a row (N from the first argument, 5 by default); each child calls C
// once, prints a line and returns from main. Under qemu-user a child now and then hangs at exit instead of ending, so
// the parent waits forever and the run ends in TIMEOUT. Natively every child ends.
package main

/*
static int m1go_twice(int x) { return 2 * x; }
*/
import "C"

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
)

func main() {
	if os.Getenv("M1GO_REEXEC_CHILD") != "" {
		fmt.Println("child", C.m1go_twice(21))
		return
	}
	n := 5
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 1 {
			fmt.Fprintln(os.Stderr, "the first argument is the number of re-executions, at least 1:", os.Args[1])
			os.Exit(2)
		}
		n = v
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "no path to this program:", err)
		os.Exit(1)
	}
	env := append(os.Environ(), "M1GO_REEXEC_CHILD=1")
	// Under qemu-user the child is started through binfmt_misc, which needs to be told where the arm64 loader is
	// (m1go's qemu runner passes it to qemu with -L, which the child does not inherit). Harmless natively.
	if os.Getenv("QEMU_LD_PREFIX") == "" {
		if _, err := os.Stat("/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1"); err == nil {
			env = append(env, "QEMU_LD_PREFIX=/usr/aarch64-linux-gnu")
		}
	}
	for i := 1; i <= n; i++ {
		cmd := exec.Command(self)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil || string(out) != "child 42\n" {
			fmt.Fprintf(os.Stderr, "re-execution %d of %d: %v, output %q\n", i, n, err, out)
			os.Exit(1)
		}
	}
	fmt.Printf("M1GO_FACT reexec.count=%d\n", n)
	fmt.Println("M1GO_OK")
}
