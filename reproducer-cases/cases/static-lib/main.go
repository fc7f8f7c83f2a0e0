// A Go program linked with a static C library (libhello.a) through #cgo LDFLAGS,
// the way most cgo bindings ship their C code.
package main

/*
#cgo LDFLAGS: ${SRCDIR}/libhello.a
#include "hello.h"
*/
import "C"

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	if got := C.m1go_add(40, 2); got != 42 {
		fmt.Fprintf(os.Stderr, "m1go_add(40, 2) = %d, want 42\n", got)
		os.Exit(1)
	}
	fmt.Printf("library built for %s, Go runs as %s\n", C.GoString(C.m1go_lib_arch()), runtime.GOARCH)
	fmt.Println("M1GO_OK")
}
