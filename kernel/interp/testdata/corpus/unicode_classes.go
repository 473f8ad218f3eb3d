// Classifying runes with unicode, and counting words, digits and spaces.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	text := "Go 1.26 ships in 2026 — naïve café, ÜBER cool!"
	var letters, digits, spaces, upper, punct int
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
		case unicode.IsSpace(r):
			spaces++
		case unicode.IsPunct(r):
			punct++
		}
	}
	fmt.Println(letters, digits, spaces, upper, punct)
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	fmt.Println(len(words), words)
	fmt.Println(strings.ToLower("ÜBER"), string(unicode.ToTitle('ß')), unicode.In('λ', unicode.Greek))
}
