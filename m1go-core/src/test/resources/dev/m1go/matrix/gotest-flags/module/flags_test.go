package flags

import (
	"os"
	"runtime"
	"testing"
)

func TestSum(t *testing.T) {
	if Sum(10) != 55 {
		t.Fatal("Sum(10) != 55")
	}
}

func TestLong(t *testing.T) {
	if testing.Short() {
		t.Skip("long test: skipped with -test.short")
	}
}

func TestSkipMe(t *testing.T) {
	t.Log("ran: not skipped by -test.skip")
}

func TestEnv(t *testing.T) {
	t.Logf("M1GO_FIXTURE_ENV=%q GOMAXPROCS=%d", os.Getenv("M1GO_FIXTURE_ENV"), runtime.GOMAXPROCS(0))
}

func TestParallelA(t *testing.T) { t.Parallel() }
func TestParallelB(t *testing.T) { t.Parallel() }

func BenchmarkSum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Sum(1000)
	}
}

func BenchmarkSumSmall(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Sum(10)
	}
}
