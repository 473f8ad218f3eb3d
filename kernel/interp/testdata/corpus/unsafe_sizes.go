// unsafe.Sizeof and Alignof of fixed types.
package main

import (
	"fmt"
	"unsafe"
)

type packed struct {
	a bool
	b int64
	c bool
}

func main() {
	fmt.Println(unsafe.Sizeof(int32(0)), unsafe.Sizeof(packed{}), unsafe.Alignof(int64(0)))
}
