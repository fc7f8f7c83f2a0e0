//go:build !cgo

package main

import _ "modernc.org/sqlite"

// driverName is modernc.org/sqlite: SQLite translated to Go, no C at all.
const driverName = "sqlite"
