package main

import (
	"fmt"
	"strings"
)

// Record1 is one of the program's unrelated types.
type Record1 struct {
	Name  string
	Count int
}

var table1 = map[string]int{"a": 1, "b": 2}

// Describe1 formats a record.
func Describe1(r Record1) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table1 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper1(x int) int {
	y := x * 3
	if y > 100 {
		y -= 100
	}
	return y + len(table1)
}
