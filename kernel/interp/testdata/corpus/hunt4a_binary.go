package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

type Header struct {
	Magic   uint32
	Version uint16
	Flags   uint16
	Len     int64
}

func (h Header) Valid() bool { return h.Magic == 0xCAFE }

type pair struct {
	A, B int32
}

func main() {
	var buf bytes.Buffer
	h := Header{0xCAFE, 2, 5, -9}
	err := binary.Write(&buf, binary.BigEndian, h)
	fmt.Println(binary.Size(h), buf.Len(), err, fmt.Sprintf("% x", buf.Bytes()[:8]))
	var back Header
	err = binary.Read(bytes.NewReader(buf.Bytes()), binary.BigEndian, &back)
	fmt.Println(back, back.Valid(), err)
	ps := []pair{{1, 2}, {3, 4}}
	buf.Reset()
	binary.Write(&buf, binary.LittleEndian, ps)
	fmt.Println(binary.Size(ps), buf.Len())
	out := make([]pair, 2)
	binary.Read(&buf, binary.LittleEndian, out)
	fmt.Println(out)
	b, err := binary.Append(nil, binary.LittleEndian, pair{7, 8})
	fmt.Println(b, err)
}
