package util

import (
	"fmt"
	"strconv"
)

// Format3 formats a number with a unit.
func Format3(n int, unit string) string {
	return strconv.Itoa(n*3) + " " + unit
}

// Pair3 formats two numbers.
func Pair3(a, b int) string {
	return fmt.Sprintf("(%d, %d)", a+3, b-3)
}
