package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

type Bytes []byte
type Name string
type Glyph rune
type Code byte

func (n Name) Upper() Name { return Name(strings.ToUpper(string(n))) }

func main() {
	b := Bytes("héllo")
	fmt.Printf("%s|%x|%X|%q|%v|%d\n", b, b, b, b, b[:2], len(b))
	fmt.Println(string(b), string(b[1:3]), bytes.ToUpper(b), bytes.Contains(b, []byte("ll")))
	n := Name("bob")
	nb := []byte(n)
	nr := []rune(n.Upper())
	fmt.Println(nb, nr, string(nr), n.Upper(), n+"!", n < "carl", len(n))
	fmt.Printf("%s %q %v %x %T\n", n, n, n, n, n)
	g := Glyph('é')
	fmt.Println(g, string(g), string(rune(g)+1), utf8.RuneLen(rune(g)))
	fmt.Printf("%c %U %q %d %T\n", g, g, g, g, g)
	c := Code('A')
	fmt.Println(c, string(rune(c)), c+1, c+191+1)
	fmt.Printf("%c %v %08b %T\n", c, c, c, c)
	fmt.Printf("%[2]d %[1]d %[2]*[1]d|%*d|%-*d|\n", 1, 5, 4, 7, 3, 8)
	fmt.Printf("%6.2f%%|%+.1e|%#v|%#v\n", 12.345, 1234.5, n, g)
	fmt.Printf("%v %d %s\n", []Name{"a", "b"}, []Code{1, 2}, []Name{"x"})
	fmt.Printf("%!|%z|%d\n", 5)
	var nilB Bytes
	var nilM map[Name]int
	fmt.Println(nilB == nil, len(nilM), nilM[n], fmt.Sprintf("%v %v %q", nilB, nilM, nilB))
	names := map[Name]Glyph{"a": 'x'}
	names["b"] = 'y'
	fmt.Println(len(names), string(names["b"]))
	var sb strings.Builder
	sb.Grow(64)
	for i, part := range strings.SplitAfter("a,b,,c", ",") {
		fmt.Fprintf(&sb, "%d=%q;", i, part)
	}
	fmt.Println(sb.String(), sb.Cap() >= 64)
	raw := `C:\path\n` + "\t" + `"quoted"`
	fmt.Println(raw, len(raw), strings.Count(raw, `\`))
	fmt.Printf("%x % X %#x\n", "Go€", []byte("Go"), "Go")
	fmt.Println(strings.ToValidUTF8("a\xffb", "?"), bytes.Runes([]byte("añ")), utf8.AppendRune(nil, 'ñ'))
}
