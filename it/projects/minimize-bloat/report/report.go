// Package report is not needed by the store's tests.
package report

import "github.com/google/uuid"

// ID makes a report id.
func ID() string {
	return uuid.NewString()
}
