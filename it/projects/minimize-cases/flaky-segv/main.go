// A program that stores through NULL in C about every other run (a race stand-in), among unrelated code.
package main

/*
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int m1go_unused_twice(int x) { return 2 * x; }

static void m1go_maybe_segv(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    srand((unsigned) (ts.tv_nsec ^ getpid()));
    if (rand() % 2 == 0) {
        fprintf(stderr, "C: storing through NULL\n");
        *(volatile int *)0 = 42;
    }
}
*/
import "C"

import "fmt"

func main() {
	total := 0
	total += helper0(0)
	_ = Describe0(Record0{Name: "r0", Count: 0})
	total += helper1(1)
	_ = Describe1(Record1{Name: "r1", Count: 1})
	total += helper2(2)
	_ = Describe2(Record2{Name: "r2", Count: 2})
	total += helper3(3)
	_ = Describe3(Record3{Name: "r3", Count: 3})
	total += helper4(4)
	_ = Describe4(Record4{Name: "r4", Count: 4})
	total += helper5(5)
	_ = Describe5(Record5{Name: "r5", Count: 5})
	fmt.Println("total", total, C.m1go_unused_twice(2))
	C.m1go_maybe_segv()
	fmt.Println("M1GO_OK")
}
