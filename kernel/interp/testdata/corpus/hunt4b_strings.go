package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

const poem = `line one
	"tabbed" line two \n not escaped
héllo, 世界`

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

type Word string

func (w Word) Title() Word {
	if w == "" {
		return w
	}
	r, n := utf8.DecodeRuneInString(string(w))
	return Word(string(unicode.ToUpper(r)) + string(w[n:]))
}

func main() {
	s := "héllo, 世界!"
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i := 0; i < 4; i++ {
		fmt.Printf("%d=%x ", i, s[i])
	}
	fmt.Println()
	bad := "a\xffb\xc3"
	for i, r := range bad {
		fmt.Printf("%d:%U:%q ", i, r, r)
	}
	fmt.Println(utf8.ValidString(bad), []rune(bad), len([]rune(bad)))
	fmt.Printf("%q %+q %x % x %X\n", s, s, "hi", "hi", []byte("é"))
	b := []byte(s)
	b[0] = 'H'
	fmt.Println(string(b), s, string(b[1:3]), reverse(s))
	rs := []rune(s)
	rs[7] = '地'
	fmt.Println(string(rs), string(rs[7:9]), string(rune(65)), string(rune(-1)))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "[%d]", i)
		sb.WriteByte(' ')
		sb.WriteRune('→')
	}
	sb.WriteString("end")
	fmt.Println(sb.String(), sb.Len())
	fmt.Println("apple" < "banana", "Zebra" < "apple", "ab" < "abc", "é" > "z", strings.Compare("a", "b"))
	lines := strings.Split(poem, "\n")
	for _, l := range lines {
		fmt.Printf("%d %q\n", len(l), l)
	}
	cnt := map[string]int{}
	for _, r := range "Hello, World 42 ünï!" {
		switch {
		case unicode.IsUpper(r):
			cnt["upper"]++
		case unicode.IsLetter(r):
			cnt["lower"]++
		case unicode.IsDigit(r):
			cnt["digit"]++
		case unicode.IsSpace(r):
			cnt["space"]++
		case unicode.IsPunct(r):
			cnt["punct"]++
		}
	}
	fmt.Println(cnt["upper"], cnt["lower"], cnt["digit"], cnt["space"], cnt["punct"])
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "a1b2ç3"), strings.ToTitle("ǆ"), unicode.Is(unicode.Han, '世'))
	ws := []Word{"alpha", "éclair", ""}
	for _, w := range ws {
		fmt.Printf("%q %s %v|", w.Title(), w.Title(), len(w))
	}
	fmt.Println()
	fmt.Println(strings.Fields("  a  b\tc\n"), strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Go", "GO"))
	var r rune = 'x'
	var by byte = 'y'
	fmt.Println(r, by, string(r)+string(by), fmt.Sprintf("%c%c %v", r, by, []byte("ab")))
	fmt.Printf("%5.2s|%-5s|%05d|%x|%X|%08b|%o|%#o|%#x\n", "abc", "é", -42, -255, 255, 5, 8, 8, "hi")
	fmt.Println(strings.Repeat("ab", 3), strings.Index("chicken", "ken"), strings.LastIndexByte("aXbX", 'X'), strings.IndexRune("chicken", 'k'))
	fmt.Println(strings.NewReplacer("a", "1", "b", "2").Replace("abcab"), strings.TrimFunc("123abc456", unicode.IsDigit), strings.Title("hello world"))
}
