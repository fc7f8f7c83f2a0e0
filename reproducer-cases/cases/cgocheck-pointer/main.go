// Go passes C a pointer to Go memory that itself holds a Go pointer. The cgo pointer check (cgocheck=1, on by
// default) panics before C runs; the wording changed in Go 1.21 and again in Go 1.26.
package main

/*
struct holder { int *p; };
static int m1go_read(struct holder *h) { return *h->p; }
*/
import "C"

import "fmt"

func main() {
	x := new(C.int)
	*x = 7
	h := &C.struct_holder{p: x}
	fmt.Println("C read", C.m1go_read(h))
	fmt.Println("M1GO_OK")
}
