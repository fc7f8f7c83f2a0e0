package main

import (
	"fmt"
	"strings"
)

// Record6 is one of the program's unrelated types.
type Record6 struct {
	Name  string
	Count int
}

var table6 = map[string]int{"a": 6, "b": 7}

// Describe6 formats a record.
func Describe6(r Record6) string {
	parts := []string{r.Name, fmt.Sprint(r.Count)}
	for k, v := range table6 {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	return strings.Join(parts, ",")
}

func helper6(x int) int {
	y := x * 8
	if y > 100 {
		y -= 100
	}
	return y + len(table6)
}
