// Package store keeps records in memory and in a C buffer; one of its paths stores through a NULL pointer in C.
package store

/*
#include <stdlib.h>
#include <string.h>
#include "native.h"

static int store_checksum(const char *p, int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
        sum += p[i];
    }
    return sum;
}

static void store_segv(void) {
    *(volatile int *)0 = 42;
}
*/
import "C"

import (
	"fmt"
	"unsafe"

	"example.com/bloat/util"
)

// Store holds named records.
type Store struct {
	records map[string]Record
	buffer  unsafe.Pointer
}

// Record is one entry.
type Record struct {
	Name string
	Size int64
}

// New makes an empty store with a C buffer.
func New() *Store {
	return &Store{records: map[string]Record{}, buffer: C.malloc(64)}
}

// Put adds a record.
func (s *Store) Put(r Record) {
	s.records[r.Name] = r
}

// Describe says what the store holds, sizes in human units.
func (s *Store) Describe() string {
	out := ""
	for _, r := range s.records {
		out += fmt.Sprintf("%s: %s\n", r.Name, util.Bytes(r.Size))
	}
	return out
}

// Checksum sums a string in C.
func Checksum(text string) int {
	p := C.CString(text)
	defer C.free(unsafe.Pointer(p))
	return int(C.store_checksum(p, C.int(len(text))))
}

// Flush writes the buffer out.
func (s *Store) Flush() int {
	return int(C.native_twice(C.int(len(s.records))))
}

// Sync makes the buffer durable; its fast path is broken.
func Sync(fast bool) {
	if fast {
		C.store_segv()
	}
}
