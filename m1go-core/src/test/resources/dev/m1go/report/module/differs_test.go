package differs

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// TestAlwaysPasses passes on every target.
func TestAlwaysPasses(t *testing.T) {
	if 1+1 != 2 {
		t.Fatal("arithmetic")
	}
}

// TestDiffersUnderTranslation fails only in the arm64 binary (which this host runs under qemu-user).
func TestDiffersUnderTranslation(t *testing.T) {
	if runtime.GOARCH == "arm64" {
		t.Fatal("differs under translation")
	}
}

// TestDeadline does 20 ms of work within a deadline (2 s, or DIFFERS_DEADLINE), as a test on a loaded machine may miss.
func TestDeadline(t *testing.T) {
	deadline := 2 * time.Second
	if v := os.Getenv("DIFFERS_DEADLINE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatal(err)
		}
		deadline = d
	}
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	if took := time.Since(start); took > deadline {
		t.Fatalf("took %v, deadline %v", took.Round(time.Millisecond), deadline)
	}
}
