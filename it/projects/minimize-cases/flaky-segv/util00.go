package main

import (
	"fmt"
	"strings"
)

// Record0 is one of the program's unrelated types.
type Record0 struct {
	Name  string
	Count int
}

var table0 = map[string]int{"a": 0, "b": 1}

// Describe0 formats a record.
func Describe0(r Record0) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table0 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper0(x int) int {
	y := x * 2
	if y > 100 {
		y -= 100
	}
	return y + len(table0)
}
