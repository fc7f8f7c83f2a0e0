// For about one second, one goroutine per CPU spins in loops without a single function call (only asynchronous
// preemption, a SIGURG sent by the runtime, can stop them), other goroutines keep calling into C, and the main
// goroutine forces garbage collections, each of which has to stop every spinning goroutine. This is the
// signal traffic behind the documented Rosetta 2 stalls of amd64 Go; GODEBUG=asyncpreemptoff=1 turns it off.
package main

/*
static unsigned long m1go_work(unsigned long x) {
    for (int i = 0; i < 1000; i++) {
        x = x * 6364136223846793005UL + 1442695040888963407UL;
    }
    return x;
}
*/
import "C"

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

var sink atomic.Uint64

//go:noinline
func spin(n int) uint64 {
	var x uint64 = 1
	for i := 0; i < n; i++ {
		x = x*2862933555777941757 + 3037000493
	}
	return x
}

func main() {
	deadline := time.Now().Add(time.Second)
	var stop atomic.Bool
	var spins, cgoCalls atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				sink.Add(spin(20_000_000)) // tens of milliseconds natively, without a preemption point
				spins.Add(1)
			}
		}()
		go func() {
			defer wg.Done()
			for !stop.Load() {
				sink.Add(uint64(C.m1go_work(C.ulong(cgoCalls.Add(1)))))
			}
		}()
	}
	gcs := 0
	for time.Now().Before(deadline) {
		runtime.GC()
		gcs++
		time.Sleep(10 * time.Millisecond)
	}
	stop.Store(true)
	wg.Wait()
	fmt.Printf("M1GO_FACT gc_cycles=%d\n", gcs)
	fmt.Printf("M1GO_FACT spin_loops=%d\n", spins.Load())
	fmt.Printf("M1GO_FACT cgo_calls=%d\n", cgoCalls.Load())
	if spins.Load() == 0 || cgoCalls.Load() == 0 {
		fmt.Fprintln(os.Stderr, "a worker never ran")
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
