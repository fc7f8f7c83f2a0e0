package util

import (
	"fmt"
	"strconv"
)

// Format4 formats a number with a unit.
func Format4(n int, unit string) string {
	return strconv.Itoa(n*4) + " " + unit
}

// Pair4 formats two numbers.
func Pair4(a, b int) string {
	return fmt.Sprintf("(%d, %d)", a+4, b-4)
}
