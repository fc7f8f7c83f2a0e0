package main

import (
	"fmt"
	"strings"
)

// Record2 is one of the program's unrelated types.
type Record2 struct {
	Name  string
	Count int
}

var table2 = map[string]int{"a": 2, "b": 3}

// Describe2 formats a record.
func Describe2(r Record2) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table2 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper2(x int) int {
	y := x * 4
	if y > 100 {
		y -= 100
	}
	return y + len(table2)
}
