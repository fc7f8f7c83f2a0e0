// Package util formats values for people.
package util

import humanize "github.com/dustin/go-humanize"

// Bytes formats a size in bytes.
func Bytes(n int64) string {
	return humanize.Bytes(uint64(n))
}
