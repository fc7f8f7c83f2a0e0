// The same small SQLite workload (create a table, insert 2,000 rows in one transaction, query them back) through
// database/sql, with the driver chosen at build time: github.com/mattn/go-sqlite3 (SQLite in C, through cgo) in
// a cgo build, modernc.org/sqlite (SQLite translated to Go) when CGO_ENABLED=0. The driver, SQLite version and
// the workload time are M1GO_FACT lines, so both land in report.json.
package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	dir, err := os.MkdirTemp("", "m1go-sqlite-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	fmt.Printf("M1GO_FACT driver=%s\n", driverName)
	start := time.Now()
	db, err := sql.Open(driverName, filepath.Join(dir, "m1go.db"))
	if err != nil {
		fail(err)
	}
	const rows = 2000
	if _, err := db.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v REAL)`); err != nil {
		fail(err)
	}
	tx, err := db.Begin()
	if err != nil {
		fail(err)
	}
	for i := 0; i < rows; i++ {
		if _, err := tx.Exec(`INSERT INTO t (name, v) VALUES (?, ?)`, fmt.Sprintf("row-%d", i), float64(i)/3); err != nil {
			fail(err)
		}
	}
	if err := tx.Commit(); err != nil {
		fail(err)
	}
	var n int
	var sum float64
	if err := db.QueryRow(`SELECT count(*), sum(v) FROM t WHERE name LIKE 'row-1%'`).Scan(&n, &sum); err != nil {
		fail(err)
	}
	var version string
	if err := db.QueryRow(`SELECT sqlite_version()`).Scan(&version); err != nil {
		fail(err)
	}
	if err := db.Close(); err != nil {
		fail(err)
	}
	elapsed := time.Since(start)
	if n != 1111 {
		fail(fmt.Errorf("count = %d, want 1111", n))
	}
	fmt.Printf("M1GO_FACT sqlite_version=%s\n", version)
	fmt.Printf("M1GO_FACT workload_ms=%d\n", elapsed.Milliseconds())
	fmt.Println("M1GO_OK")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sqlite workload failed:", err)
	os.Exit(1)
}
