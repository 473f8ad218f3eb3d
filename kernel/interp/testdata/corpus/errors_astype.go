// errors.AsType, Go 1.26's generic errors.As.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func main() {
	_, err := os.Open("/no/such/file")
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		fmt.Println("path error on", pe.Path, pe.Op)
	}
}
