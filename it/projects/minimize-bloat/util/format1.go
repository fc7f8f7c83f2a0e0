package util

import (
	"fmt"
	"strconv"
)

// Format1 formats a number with a unit.
func Format1(n int, unit string) string {
	return strconv.Itoa(n*1) + " " + unit
}

// Pair1 formats two numbers.
func Pair1(a, b int) string {
	return fmt.Sprintf("(%d, %d)", a+1, b-1)
}
