// Prints how C lays out the types the motivating article says differ "under translation" (its chapter 3), as
// the C compiler of the target sees them and as Go sees the same C types through cgo. Each value is an
// M1GO_FACT line, so it lands in report.json. The program fails if the two views disagree.
package main

/*
#include <stddef.h>
#include <stdint.h>
#include <stdalign.h>

struct m1go_char_double { char c; double d; };

static size_t m1go_size(int which) {
    switch (which) {
    case 0: return sizeof(size_t);
    case 1: return sizeof(long);
    case 2: return sizeof(long double);
    case 3: return sizeof(int64_t);
    case 4: return sizeof(struct m1go_char_double);
    case 5: return sizeof(void *);
    case 6: return sizeof(int);
    }
    return 0;
}

static size_t m1go_align(int which) {
    switch (which) {
    case 0: return alignof(size_t);
    case 1: return alignof(long);
    case 2: return alignof(long double);
    case 3: return alignof(int64_t);
    case 4: return alignof(struct m1go_char_double);
    case 5: return alignof(void *);
    case 6: return alignof(int);
    }
    return 0;
}

static size_t m1go_offset_d(void) { return offsetof(struct m1go_char_double, d); }

static const char *m1go_c_arch(void) {
#if defined(__aarch64__)
    return "arm64";
#elif defined(__x86_64__)
    return "amd64";
#else
    return "other";
#endif
}
*/
import "C"

import (
	"fmt"
	"os"
	"runtime"
	"unsafe"
)

func main() {
	names := []string{"size_t", "long", "long_double", "int64_t", "struct_char_double", "pointer", "int"}
	// Go's view of the same C types; cgo has no Go type for long double, so that row is C's alone.
	var cd C.struct_m1go_char_double
	goSize := map[string]uintptr{
		"size_t": unsafe.Sizeof(C.size_t(0)), "long": unsafe.Sizeof(C.long(0)), "int64_t": unsafe.Sizeof(C.int64_t(0)),
		"struct_char_double": unsafe.Sizeof(cd), "pointer": unsafe.Sizeof(unsafe.Pointer(nil)), "int": unsafe.Sizeof(C.int(0)),
	}
	goAlign := map[string]uintptr{
		"size_t": unsafe.Alignof(C.size_t(0)), "long": unsafe.Alignof(C.long(0)), "int64_t": unsafe.Alignof(C.int64_t(0)),
		"struct_char_double": unsafe.Alignof(cd), "pointer": unsafe.Alignof(unsafe.Pointer(nil)), "int": unsafe.Alignof(C.int(0)),
	}
	fmt.Printf("M1GO_FACT c.arch=%s\n", C.GoString(C.m1go_c_arch()))
	fmt.Printf("M1GO_FACT go.arch=%s\n", runtime.GOARCH)
	mismatches := 0
	for i, n := range names {
		cs, ca := uintptr(C.m1go_size(C.int(i))), uintptr(C.m1go_align(C.int(i)))
		fmt.Printf("M1GO_FACT c.sizeof.%s=%d\n", n, cs)
		fmt.Printf("M1GO_FACT c.alignof.%s=%d\n", n, ca)
		if gs, ok := goSize[n]; ok {
			fmt.Printf("M1GO_FACT go.sizeof.%s=%d\n", n, gs)
			fmt.Printf("M1GO_FACT go.alignof.%s=%d\n", n, goAlign[n])
			if gs != cs || goAlign[n] != ca {
				fmt.Fprintf(os.Stderr, "%s: C says size %d align %d, Go says size %d align %d\n", n, cs, ca, gs, goAlign[n])
				mismatches++
			}
		}
	}
	cOff, goOff := uintptr(C.m1go_offset_d()), unsafe.Offsetof(cd.d)
	fmt.Printf("M1GO_FACT c.offsetof.struct_char_double.d=%d\n", cOff)
	fmt.Printf("M1GO_FACT go.offsetof.struct_char_double.d=%d\n", goOff)
	if cOff != goOff {
		fmt.Fprintf(os.Stderr, "offset of d: C %d, Go %d\n", cOff, goOff)
		mismatches++
	}
	if mismatches > 0 {
		os.Exit(1)
	}
	fmt.Println("M1GO_OK")
}
