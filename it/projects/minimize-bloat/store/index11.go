package store

import (
	"sort"
	"strings"
)

// Index11 is one of the store's secondary indexes.
type Index11 struct {
	keys []string
}

// Add11 adds a key.
func (x *Index11) Add11(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has11 reports whether the key is there.
func (x *Index11) Has11(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight11(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 14
	}
	return n
}
