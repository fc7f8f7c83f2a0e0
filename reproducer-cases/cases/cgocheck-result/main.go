// C calls back into Go, and the exported Go function returns a pointer to Go memory. The cgo check on results
// panics when the callback returns to C.
package main

/*
extern int m1go_call_back(void);
*/
import "C"

import "fmt"

var kept []*C.int

//export goGivePointer
func goGivePointer() *C.int {
	p := new(C.int)
	*p = 7
	kept = append(kept, p)
	return p
}

func main() {
	fmt.Println("C read", C.m1go_call_back())
	fmt.Println("M1GO_OK")
}
