// Package zz compresses through the system's zlib, found with pkg-config: the usual shape of a cgo package whose C
// dependency is a distribution library (on Debian, zlib1g-dev per architecture).
package zz

/*
#cgo pkg-config: zlib
#include <stdlib.h>
#include <zlib.h>
*/
import "C"

import (
	"errors"
	"unsafe"
)

// Version is the zlib version the program was linked against.
func Version() string {
	return C.GoString(C.zlibVersion())
}

// RoundTrip compresses data with zlib's compress2 and uncompresses it again.
func RoundTrip(data []byte) ([]byte, error) {
	if len(data) == 0 {
		return nil, errors.New("nothing to compress")
	}
	bound := C.compressBound(C.uLong(len(data)))
	packed := C.malloc(C.size_t(bound))
	defer C.free(packed)
	packedLen := C.uLongf(bound)
	src := C.CBytes(data)
	defer C.free(src)
	if C.compress2((*C.Bytef)(packed), &packedLen, (*C.Bytef)(src), C.uLong(len(data)), 9) != C.Z_OK {
		return nil, errors.New("compress2 failed")
	}
	out := C.malloc(C.size_t(len(data)))
	defer C.free(out)
	outLen := C.uLongf(len(data))
	if C.uncompress((*C.Bytef)(out), &outLen, (*C.Bytef)(packed), packedLen) != C.Z_OK {
		return nil, errors.New("uncompress failed")
	}
	return C.GoBytes(unsafe.Pointer(out), C.int(outLen)), nil
}
