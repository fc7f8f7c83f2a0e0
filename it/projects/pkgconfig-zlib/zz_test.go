package zz

import (
	"bytes"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	if v := Version(); !strings.HasPrefix(v, "1.") {
		t.Fatalf("zlibVersion() = %q", v)
	}
}

func TestRoundTrip(t *testing.T) {
	data := bytes.Repeat([]byte("m1go "), 1000)
	got, err := RoundTrip(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Fatalf("round trip changed %d bytes into %d", len(data), len(got))
	}
}
