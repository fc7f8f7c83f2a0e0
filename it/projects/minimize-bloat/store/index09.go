package store

import (
	"sort"
	"strings"
)

// Index9 is one of the store's secondary indexes.
type Index9 struct {
	keys []string
}

// Add9 adds a key.
func (x *Index9) Add9(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has9 reports whether the key is there.
func (x *Index9) Has9(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight9(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 12
	}
	return n
}
