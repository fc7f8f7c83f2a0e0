// What this program reproduces, in two or three lines. It prints the marker as its last act, so that a clean
// exit is told from a silent death, and may print values as "M1GO_FACT key=value" lines: they land in the
// cell's facts in report.json.
package main

/*
#cgo LDFLAGS: ${SRCDIR}/libmylib.a
#include "mylib.h"
*/
import "C"

import (
	"fmt"
	"os"
)

func main() {
	got := C.mylib_answer()
	fmt.Printf("M1GO_FACT answer=%d\n", got)
	if got != 42 {
		fmt.Fprintf(os.Stderr, "mylib_answer() = %d, want 42\n", got)
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
