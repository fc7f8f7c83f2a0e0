package main

import (
	"fmt"
	"strings"
)

// Record7 is one of the program's unrelated types.
type Record7 struct {
	Name  string
	Count int
}

var table7 = map[string]int{"a": 7, "b": 8}

// Describe7 formats a record.
func Describe7(r Record7) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table7 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper7(x int) int {
	y := x * 9
	if y > 100 {
		y -= 100
	}
	return y + len(table7)
}
