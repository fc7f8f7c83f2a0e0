package cgostore

import (
	"os"
	"testing"
	"time"
)

func TestAdd(t *testing.T) {
	if got := Add(2, 3); got != 5 {
		t.Fatalf("Add(2, 3) = %d", got)
	}
}

func TestParallelA(t *testing.T) {
	t.Parallel()
	time.Sleep(20 * time.Millisecond)
	t.Log("worker A done")
}

func TestParallelWait(t *testing.T) {
	t.Parallel()
	t.Log("starting 4 workers")
	t.Log("worker 1 ready")
	t.Log("worker 2 ready")
	time.Sleep(30 * time.Millisecond)
	t.Fatalf("timeout in parallel test: %d of 4 workers answered within %v", 2, 30*time.Millisecond)
}

func TestNeedsGPU(t *testing.T) {
	if os.Getenv("M1GO_FIXTURE_GPU") == "" {
		t.Skip("needs a GPU (set M1GO_FIXTURE_GPU)")
	}
}

func TestChatty(t *testing.T) {
	for i := 1; i <= 30; i++ {
		t.Logf("step %d of 30", i)
	}
	t.Errorf("checksum mismatch: got 0x%x, want 0x%x", 0xdead, 0xbeef)
}

func TestTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b int
		want int
	}{{"small", 1, 2, 3}, {"negative", -1, -2, -3}, {"overflow", 1 << 30, 1 << 30, 1 << 31}, {"wide", 0, 0, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "wide" {
				t.Skip("int is 32 bits in C here")
			}
			if got := Add(tc.a, tc.b); got != tc.want {
				t.Errorf("Add(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestPanics(t *testing.T) {
	if os.Getenv("M1GO_FIXTURE_PANIC") == "" {
		t.Skip("crashes only with M1GO_FIXTURE_PANIC set")
	}
	var table map[string]int
	t.Log("filling the table")
	table["first"] = Add(1, 2)
}
