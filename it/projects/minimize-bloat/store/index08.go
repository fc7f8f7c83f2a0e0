package store

import (
	"sort"
	"strings"
)

// Index8 is one of the store's secondary indexes.
type Index8 struct {
	keys []string
}

// Add8 adds a key.
func (x *Index8) Add8(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has8 reports whether the key is there.
func (x *Index8) Has8(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight8(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 11
	}
	return n
}
