// io Readers and Writers: bytes.Buffer, io.Copy, MultiReader, LimitReader, TeeReader.
package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

type upperWriter struct{ w io.Writer }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.w.Write(bytes.ToUpper(p))
}

func main() {
	var buf bytes.Buffer
	r := io.MultiReader(strings.NewReader("hello "), strings.NewReader("world"))
	n, err := io.Copy(&buf, r)
	fmt.Println(n, err, buf.String())
	limited, _ := io.ReadAll(io.LimitReader(strings.NewReader("0123456789"), 4))
	fmt.Println(string(limited))
	var tee bytes.Buffer
	all, _ := io.ReadAll(io.TeeReader(strings.NewReader("copy me"), &tee))
	fmt.Println(string(all), tee.Len())
	var out bytes.Buffer
	fmt.Fprintf(upperWriter{&out}, "shout %d times", 3)
	fmt.Println(out.String())
	p := make([]byte, 3)
	sr := strings.NewReader("abcdefg")
	for {
		k, err := sr.Read(p)
		if err == io.EOF {
			break
		}
		fmt.Print(string(p[:k]), "|")
	}
	fmt.Println()
	buf.Reset()
	buf.WriteByte('x')
	buf.WriteRune('é')
	fmt.Println(buf.Bytes(), buf.Len())
}
