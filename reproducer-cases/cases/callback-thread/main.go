// C starts a pthread of its own, and that thread calls an exported Go function many times: every call enters Go
// on a thread the Go runtime did not create (cgocallback on a foreign thread, an extra M).
package main

/*
#cgo LDFLAGS: -lpthread
extern long m1go_run_thread(int calls);
*/
import "C"

import (
	"fmt"
	"os"
	"sync/atomic"
)

var calls atomic.Int64

//export goCount
func goCount(i C.int) C.long {
	calls.Add(1)
	return C.long(i)
}

func main() {
	const n = 20000
	sum := C.m1go_run_thread(n)
	want := int64(n) * (n - 1) / 2
	if int64(sum) != want || calls.Load() != n {
		fmt.Fprintf(os.Stderr, "sum %d (want %d), %d calls (want %d)\n", sum, want, calls.Load(), n)
		os.Exit(1)
	}
	fmt.Printf("M1GO_FACT callbacks=%d\n", calls.Load())
	fmt.Println("M1GO_OK")
}
