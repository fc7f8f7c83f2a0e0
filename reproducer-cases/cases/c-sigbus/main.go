// C maps two pages of a file, the file shrinks to nothing, and C reads the mapping: the kernel raises SIGBUS
// (the page has no file behind it any more). SQLite meets the same when its -shm or database file is truncated
// under a live mapping.
package main

/*
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static int m1go_sigbus(void) {
    char path[] = "m1go-sigbus-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) { perror("mkstemp"); return -1; }
    unlink(path);
    long page = sysconf(_SC_PAGESIZE);
    if (ftruncate(fd, 2 * page) != 0) { perror("ftruncate"); return -1; }
    volatile char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) { perror("mmap"); return -1; }
    p[0] = 1;
    if (ftruncate(fd, 0) != 0) { perror("ftruncate"); return -1; }
    fprintf(stderr, "C: reading a mapped page past the end of the truncated file\n");
    return p[page];
}
*/
import "C"

import (
	"fmt"
	"os"
)

func main() {
	if r := C.m1go_sigbus(); r < 0 {
		fmt.Fprintln(os.Stderr, "setup failed")
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
