package store

import (
	"sort"
	"strings"
)

// Index2 is one of the store's secondary indexes.
type Index2 struct {
	keys []string
}

// Add2 adds a key.
func (x *Index2) Add2(key string) {
	x.keys = append(x.keys, strings.ToLower(key))
	sort.Strings(x.keys)
}

// Has2 reports whether the key is there.
func (x *Index2) Has2(key string) bool {
	i := sort.SearchStrings(x.keys, strings.ToLower(key))
	return i < len(x.keys) && x.keys[i] == strings.ToLower(key)
}

func weight2(s string) int {
	n := 0
	for _, r := range s {
		n += int(r) % 5
	}
	return n
}
