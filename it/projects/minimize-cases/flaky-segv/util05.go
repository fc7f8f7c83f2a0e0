package main

import (
	"fmt"
	"strings"
)

// Record5 is one of the program's unrelated types.
type Record5 struct {
	Name  string
	Count int
}

var table5 = map[string]int{"a": 5, "b": 6}

// Describe5 formats a record.
func Describe5(r Record5) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table5 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper5(x int) int {
	y := x * 7
	if y > 100 {
		y -= 100
	}
	return y + len(table5)
}
