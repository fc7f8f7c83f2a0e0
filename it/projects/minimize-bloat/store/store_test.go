package store

import (
	"strings"
	"testing"
)

func TestPut(t *testing.T) {
	s := New()
	s.Put(Record{Name: "a", Size: 2048})
	if !strings.Contains(s.Describe(), "2.0 kB") {
		t.Fatalf("describe: %q", s.Describe())
	}
}

func TestChecksum(t *testing.T) {
	if got := Checksum("ab"); got != 195 {
		t.Fatalf("checksum = %d", got)
	}
}

func TestIndexes(t *testing.T) {
	var x Index1
	x.Add1("Key")
	if !x.Has1("key") || weight1("abc") == 0 {
		t.Fatal("index")
	}
}

func TestFlush(t *testing.T) {
	s := New()
	s.Put(Record{Name: "a", Size: 1})
	if n := s.Flush(); n != 2 {
		t.Fatalf("flush = %d", n)
	}
	Sync(true)
}
