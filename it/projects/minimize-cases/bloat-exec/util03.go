package main

import (
	"fmt"
	"strings"
)

// Record3 is one of the program's unrelated types.
type Record3 struct {
	Name  string
	Count int
}

var table3 = map[string]int{"a": 3, "b": 4}

// Describe3 formats a record.
func Describe3(r Record3) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table3 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper3(x int) int {
	y := x * 5
	if y > 100 {
		y -= 100
	}
	return y + len(table3)
}
