// A project's own case: C dereferences NULL during a cgo call.
package main

/*
static int m1go_read_null(void) {
    volatile int *p = 0;
    return *p;
}
*/
import "C"

import "fmt"

func main() {
	fmt.Println(C.m1go_read_null())
	fmt.Println("M1GO_OK")
}
