// For about one second, one goroutine per CPU spins in chunks of a loop without a single function call (inside a
// chunk only asynchronous preemption, a SIGURG sent by the runtime, can stop it), other goroutines keep calling
// into C, and the main goroutine forces garbage collections, each of which has to stop every spinning goroutine.
// This is the signal traffic behind the documented Rosetta 2 stalls of amd64 Go; GODEBUG=asyncpreemptoff=1 turns
// it off, and a collection then waits for the end of a chunk.
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
	var spins, cgoCalls atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			// Between chunks, time.Now is a call and so a cooperative preemption point; inside a chunk only an
			// asynchronous preemption (SIGURG) stops the goroutine.
			for time.Now().Before(deadline) {
				sink.Add(spin(20_000_000)) // tens of milliseconds natively
				spins.Add(1)
			}
		}()
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				sink.Add(uint64(C.m1go_work(C.ulong(cgoCalls.Add(1)))))
			}
		}()
	}
	start := time.Now()
	var pause time.Duration
	gcs := 0
	for time.Now().Before(deadline) {
		t := time.Now()
		runtime.GC() // stops the world: waits until every spinning goroutine is preempted
		pause += time.Since(t)
		gcs++
		time.Sleep(10 * time.Millisecond)
	}
	wg.Wait()
	fmt.Printf("M1GO_FACT gc_cycles=%d\n", gcs)
	fmt.Printf("M1GO_FACT gc_wait_ms=%d\n", pause.Milliseconds())
	fmt.Printf("M1GO_FACT spin_chunks=%d\n", spins.Load())
	fmt.Printf("M1GO_FACT cgo_calls=%d\n", cgoCalls.Load())
	fmt.Printf("M1GO_FACT wall_ms=%d\n", time.Since(start).Milliseconds())
	if spins.Load() == 0 || cgoCalls.Load() == 0 {
		fmt.Fprintln(os.Stderr, "a worker never ran")
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
