package store

import (
	"sort"
	"strings"
)

// Index4 is one of the store's secondary indexes.
type Index4 struct {
	keys []string
}

// Add4 adds a key.
func (x *Index4) Add4(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has4 reports whether the key is there.
func (x *Index4) Has4(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight4(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 7
	}
	return n
}
