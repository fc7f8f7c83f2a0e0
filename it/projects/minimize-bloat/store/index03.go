package store

import (
	"sort"
	"strings"
)

// Index3 is one of the store's secondary indexes.
type Index3 struct {
	keys []string
}

// Add3 adds a key.
func (x *Index3) Add3(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has3 reports whether the key is there.
func (x *Index3) Has3(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight3(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 6
	}
	return n
}
