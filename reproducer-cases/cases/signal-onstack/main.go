// C code replaces Go's SIGUSR1 handler with one installed without SA_ONSTACK that chains to Go's, then raises
// SIGUSR1 while running on a stack of its own (not the signal stack Go set up for the thread). When Go's handler
// finds itself on an unknown stack it stops the program: "non-Go code set up signal handler without SA_ONSTACK
// flag". Libraries that install their own handlers (crash reporters, JVMs, profilers) cause this in real
// programs.
package main

/*
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

static struct sigaction go_handler;

static void chain(int sig, siginfo_t *info, void *ctx) {
    if (go_handler.sa_flags & SA_SIGINFO) {
        go_handler.sa_sigaction(sig, info, ctx);
    } else if (go_handler.sa_handler != SIG_DFL && go_handler.sa_handler != SIG_IGN) {
        go_handler.sa_handler(sig);
    }
}

static ucontext_t main_ctx, c_ctx;

static void on_c_stack(void) {
    fprintf(stderr, "C: raising SIGUSR1 on a C-allocated stack\n");
    raise(SIGUSR1);
}

static int m1go_install_and_raise(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = chain;
    sa.sa_flags = SA_SIGINFO; // no SA_ONSTACK
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGUSR1, &sa, &go_handler) != 0) { perror("sigaction"); return -1; }
    size_t size = 256 * 1024;
    void *stack = malloc(size);
    if (stack == NULL || getcontext(&c_ctx) != 0) { perror("getcontext"); return -1; }
    c_ctx.uc_stack.ss_sp = stack;
    c_ctx.uc_stack.ss_size = size;
    c_ctx.uc_link = &main_ctx;
    makecontext(&c_ctx, on_c_stack, 0);
    if (swapcontext(&main_ctx, &c_ctx) != 0) { perror("swapcontext"); return -1; }
    return 0;
}
*/
import "C"

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	// Go installs its handler for SIGUSR1 once the program asks for the signal.
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	if C.m1go_install_and_raise() != 0 {
		os.Exit(1)
	}
	select {
	case <-ch:
		fmt.Println("Go received SIGUSR1 through the chained handler")
	case <-time.After(5 * time.Second):
		fmt.Fprintln(os.Stderr, "SIGUSR1 never reached Go")
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
