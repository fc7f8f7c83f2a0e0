// The control case: a plain Go nil pointer dereference, no C involved. Every toolchain and runner should report
// the same Go panic; if translation changed that, the translator would be at fault.
package main

import "fmt"

type node struct{ next *node }

//go:noinline
func second(n *node) *node { return n.next.next }

func main() {
	fmt.Println(second(&node{}))
	fmt.Println("M1GO_OK")
}
