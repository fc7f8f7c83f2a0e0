package store

import (
	"sort"
	"strings"
)

// Index7 is one of the store's secondary indexes.
type Index7 struct {
	keys []string
}

// Add7 adds a key.
func (x *Index7) Add7(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has7 reports whether the key is there.
func (x *Index7) Has7(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight7(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 10
	}
	return n
}
