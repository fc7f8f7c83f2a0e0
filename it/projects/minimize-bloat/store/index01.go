package store

import (
	"sort"
	"strings"
)

// Index1 is one of the store's secondary indexes.
type Index1 struct {
	keys []string
}

// Add1 adds a key.
func (x *Index1) Add1(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has1 reports whether the key is there.
func (x *Index1) Has1(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight1(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 4
	}
	return n
}
