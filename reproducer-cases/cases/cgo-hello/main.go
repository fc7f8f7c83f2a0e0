// crash.go from the article that motivated m1go: a C printf through cgo. The article
// claims this line crashes ("SIGBUS or fatal error: unexpected signal during runtime
// execution") when arm64 Go meets a translated shell; the matrix measures it.
package main

/*
#include <stdio.h>
void hello() { printf("hello from C\n"); fflush(stdout); }
*/
import "C"

import "fmt"

func main() {
	C.hello()
	fmt.Println("M1GO_OK")
}
