// Runes and bytes: ranging over strings, conversions, utf8, byte manipulation, reversing.
package main

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func caesar(s string, k int) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = 'a' + (c-'a'+byte(k))%26
		case c >= 'A' && c <= 'Z':
			b[i] = 'A' + (c-'A'+byte(k))%26
		}
	}
	return string(b)
}

func main() {
	s := "héllo, 世界!"
	fmt.Println(len(s), utf8.RuneCountInString(s), len([]rune(s)))
	for i, r := range s {
		if r > 127 {
			fmt.Printf("%d:%c(%d) ", i, r, utf8.RuneLen(r))
		}
	}
	fmt.Println()
	fmt.Println(s[1], s[1:3], string(s[1]), reverse(s))
	fmt.Println(caesar("Hello, World", 3), caesar(caesar("Zebra", 3), 23))
	b := []byte("abc")
	b = append(b, "def"...)
	b[0] -= 32
	fmt.Println(string(b), b[1:3], bytes.ToUpper(b), bytes.Contains(b, []byte("cd")))
	var buf bytes.Buffer
	buf.WriteString("line1\n")
	buf.Write([]byte{'x', 'y', '\n'})
	fmt.Fprintf(&buf, "%03d\n", 7)
	fmt.Printf("%q %d\n", buf.String(), buf.Len())
	line, err := buf.ReadString('\n')
	fmt.Printf("%q %v %d\n", line, err, buf.Len())
	r, size := utf8.DecodeRuneInString("世")
	fmt.Println(r, size, string(r), utf8.ValidString("\xff"))
	bad := string([]byte{0xff, 'a'})
	fmt.Println([]rune(bad), len(bad), utf8.RuneCountInString(bad))
	counts := [256]int{}
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	fmt.Println(counts['l'], counts[','])
	var rs []rune
	for _, r := range "abc" {
		rs = append(rs, r+1)
	}
	fmt.Println(string(rs), rs, string(rune(65)), fmt.Sprint('a'))
	fmt.Println(bytes.Equal([]byte("a"), []byte{97}), bytes.Fields([]byte(" a b ")), string(bytes.Repeat([]byte("-"), 4)))
	up := bytes.Map(func(r rune) rune { return r + 1 }, []byte("HAL"))
	fmt.Println(string(up))
	x := "日本語"
	fmt.Println(x[0:3], len(x[3:]), []byte(x[:3]))
}
