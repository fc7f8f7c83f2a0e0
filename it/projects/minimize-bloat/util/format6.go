package util

import (
	"fmt"
	"strconv"
)

// Format6 formats a number with a unit.
func Format6(n int, unit string) string {
	return strconv.Itoa(n*6) + " " + unit
}

// Pair6 formats two numbers.
func Pair6(a, b int) string {
	return fmt.Sprintf("(%d, %d)", a+6, b-6)
}
