package main

import (
	"fmt"
	"strings"
)

// Record8 is one of the program's unrelated types.
type Record8 struct {
	Name  string
	Count int
}

var table8 = map[string]int{"a": 8, "b": 9}

// Describe8 formats a record.
func Describe8(r Record8) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table8 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper8(x int) int {
	y := x * 10
	if y > 100 {
		y -= 100
	}
	return y + len(table8)
}
