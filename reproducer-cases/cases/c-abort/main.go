// C calls abort() while Go waits in a cgo call: the Go runtime reports
// SIGABRT with "signal arrived during cgo execution".
package main

/*
#include <stdlib.h>
#include <stdio.h>
static void m1go_abort(void) {
    fprintf(stderr, "C: calling abort()\n");
    abort();
}
*/
import "C"

import "fmt"

func main() {
	C.m1go_abort()
	fmt.Println("M1GO_OK")
}
