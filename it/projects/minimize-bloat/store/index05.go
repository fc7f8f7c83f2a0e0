package store

import (
	"sort"
	"strings"
)

// Index5 is one of the store's secondary indexes.
type Index5 struct {
	keys []string
}

// Add5 adds a key.
func (x *Index5) Add5(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has5 reports whether the key is there.
func (x *Index5) Has5(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight5(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 8
	}
	return n
}
