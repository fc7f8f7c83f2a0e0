package main

import (
	"fmt"
	"strings"
)

// Record9 is one of the program's unrelated types.
type Record9 struct {
	Name  string
	Count int
}

var table9 = map[string]int{"a": 9, "b": 10}

// Describe9 formats a record.
func Describe9(r Record9) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table9 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper9(x int) int {
	y := x * 11
	if y > 100 {
		y -= 100
	}
	return y + len(table9)
}
