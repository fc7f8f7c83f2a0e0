// CGO_CFLAGS carries a C++ option (-std=gnu++17), as happens when one variable feeds both C and C++ builds. cgo
// passes CGO_CFLAGS to every C compilation, including the go command's own build of runtime/cgo, which it
// compiles with -Werror: gcc's "command-line option '-std=gnu++17' is valid for C++/ObjC++ but not for C" warning
// becomes an error there, before this package's C is compiled.
package main

/*
static int m1go_twice(int x) { return 2 * x; }
*/
import "C"

import (
	"fmt"
	"os"
)

func main() {
	if C.m1go_twice(21) != 42 {
		fmt.Fprintln(os.Stderr, "m1go_twice(21) != 42")
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
