package store

import (
	"sort"
	"strings"
)

// Index12 is one of the store's secondary indexes.
type Index12 struct {
	keys []string
}

// Add12 adds a key.
func (x *Index12) Add12(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has12 reports whether the key is there.
func (x *Index12) Has12(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight12(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 15
	}
	return n
}
