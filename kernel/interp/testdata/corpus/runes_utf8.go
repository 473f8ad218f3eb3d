// Strings as bytes and runes; utf8; ranging over strings.
package main

import (
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

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range s {
		if r > 127 {
			fmt.Printf("%d:%c(%d) ", i, r, utf8.RuneLen(r))
		}
	}
	fmt.Println()
	fmt.Println(reverse(s), s[1], s[0:2], string(s[7]))
	b := []byte(s)
	r, size := utf8.DecodeRune(b[1:])
	fmt.Println(string(r), size, utf8.Valid(b[:2]))
	fmt.Println(string(rune(65)), fmt.Sprint('A'), []byte("AB"), []rune("ab"))
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], '€')
	fmt.Println(buf[:n], n)
}
