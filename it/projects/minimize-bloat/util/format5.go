package util

import (
	"fmt"
	"strconv"
)

// Format5 formats a number with a unit.
func Format5(n int, unit string) string {
	return strconv.Itoa(n*5) + " " + unit
}

// Pair5 formats two numbers.
func Pair5(a, b int) string {
	return fmt.Sprintf("(%d, %d)", a+5, b-5)
}
