package store

import (
	"sort"
	"strings"
)

// Index6 is one of the store's secondary indexes.
type Index6 struct {
	keys []string
}

// Add6 adds a key.
func (x *Index6) Add6(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has6 reports whether the key is there.
func (x *Index6) Has6(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight6(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 9
	}
	return n
}
