// A cgo program starts a child process with os/exec. Go 1.23 started using pidfds (clone3 with CLONE_PIDFD) in
// os.StartProcess; qemu-user 7.2 rejects those clone flags with EINVAL, so a Go 1.23 binary whose runtime lacks
// the fallback fails with "fork/exec …: invalid argument" under that emulator.
package main

/*
static int m1go_answer(void) { return 42; }
*/
import "C"

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// child is the process to start: /bin/sh where there is one, else this program itself (a FROM scratch container
// holds nothing else). Either way os/exec goes through the same fork/exec path.
func child() *exec.Cmd {
	if _, err := os.Stat("/bin/sh"); err == nil {
		return exec.Command("/bin/sh", "-c", "echo child-ran")
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "no /bin/sh and no path to this program:", err)
		os.Exit(1)
	}
	return exec.Command(self, "child")
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "child" {
		fmt.Println("child-ran")
		return
	}
	if C.m1go_answer() != 42 {
		os.Exit(1)
	}
	out, err := child().Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting the child failed:", err)
		os.Exit(1)
	}
	if strings.TrimSpace(string(out)) != "child-ran" {
		fmt.Fprintf(os.Stderr, "child printed %q\n", out)
		os.Exit(1)
	}
	fmt.Println("child process ran")
	fmt.Println("M1GO_OK")
}
