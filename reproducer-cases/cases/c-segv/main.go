// C stores through a NULL pointer while Go waits in a cgo call: the Go runtime reports SIGSEGV with
// "signal arrived during cgo execution".
package main

/*
#include <stdio.h>
static void m1go_segv(void) {
    fprintf(stderr, "C: storing through NULL\n");
    *(volatile int *)0 = 42;
}
*/
import "C"

import "fmt"

func main() {
	C.m1go_segv()
	fmt.Println("M1GO_OK")
}
