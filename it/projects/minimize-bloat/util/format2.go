package util

import (
	"fmt"
	"strconv"
)

// Format2 formats a number with a unit.
func Format2(n int, unit string) string {
	return strconv.Itoa(n*2) + " " + unit
}

// Pair2 formats two numbers.
func Pair2(a, b int) string {
	return fmt.Sprintf("(%d, %d)", a+2, b-2)
}
