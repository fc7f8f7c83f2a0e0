// C blocks forever in pause(). m1go's time limit runs out, it sends SIGQUIT, and the Go runtime prints every
// goroutine (the blocked cgo call included) before it exits: the dump is kept with the TIMEOUT outcome.
package main

/*
#include <stdio.h>
#include <unistd.h>
static void m1go_hang(void) {
    fprintf(stderr, "C: blocking forever in pause()\n");
    for (;;) pause();
}
*/
import "C"

import "fmt"

func main() {
	C.m1go_hang()
	fmt.Println("M1GO_OK")
}
