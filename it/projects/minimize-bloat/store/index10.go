package store

import (
	"sort"
	"strings"
)

// Index10 is one of the store's secondary indexes.
type Index10 struct {
	keys []string
}

// Add10 adds a key.
func (x *Index10) Add10(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has10 reports whether the key is there.
func (x *Index10) Has10(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight10(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 13
	}
	return n
}
