//go:build cgo

package main

import _ "github.com/mattn/go-sqlite3"

// driverName is mattn/go-sqlite3: SQLite's C amalgamation compiled by cgo into the binary.
const driverName = "sqlite3"
