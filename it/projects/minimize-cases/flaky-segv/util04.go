package main

import (
	"fmt"
	"strings"
)

// Record4 is one of the program's unrelated types.
type Record4 struct {
	Name  string
	Count int
}

var table4 = map[string]int{"a": 4, "b": 5}

// Describe4 formats a record.
func Describe4(r Record4) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table4 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper4(x int) int {
	y := x * 6
	if y > 100 {
		y -= 100
	}
	return y + len(table4)
}
