package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type chunky struct {
	src   string
	pos   int
	reads int
}

func (c *chunky) Read(p []byte) (int, error) {
	if c.pos >= len(c.src) {
		return 0, io.EOF
	}
	n := min(3, len(p), len(c.src)-c.pos)
	copy(p, c.src[c.pos:c.pos+n])
	c.pos += n
	c.reads++
	return n, nil
}

type Ev struct {
	Kind string `json:"kind"`
	N    int    `json:"n"`
}

func main() {
	c := &chunky{src: `{"kind":"a","n":1} {"kind":"b","n":2}` + "\n" + `[1,"x",{"y":null}]`}
	dec := json.NewDecoder(c)
	for i := 0; i < 2; i++ {
		var e Ev
		err := dec.Decode(&e)
		fmt.Println(e, err, dec.InputOffset())
	}
	for {
		t, err := dec.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%T:%v ", t, t)
	}
	fmt.Println(c.reads > 5, dec.More())
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	enc.Encode(Ev{"<tag>", 3})
	fmt.Print(sb.String())
}
