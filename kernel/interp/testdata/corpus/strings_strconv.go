// strings and strconv: builders, splitting, replacing, parsing with errors.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

func main() {
	var b strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("liftoff")
	fmt.Println(b.String(), b.Len())
	s := "  Hello, World! Hello, Go!  "
	fmt.Println(strings.TrimSpace(s), strings.Count(s, "Hello"), strings.Index(s, "World"))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("a,b,,c", ",")))
	fmt.Println(strings.Replace(s, "Hello", "Bye", 1), strings.ReplaceAll(s, "l", "L"))
	fmt.Println(strings.ToUpper("mixed Case"), strings.Title("old title"), strings.Repeat("ab", 3))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.Contains("seafood", "foo"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "a1b2c3"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Fields(" a  b c "), strings.TrimLeft("xxhixx", "x"))
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	for _, in := range []string{"42", "-7", "3.5", "abc", "99999999999999999999"} {
		n, err := strconv.Atoi(in)
		fmt.Println(in, n, err)
	}
	f, _ := strconv.ParseFloat("2.5e3", 64)
	bv, _ := strconv.ParseBool("true")
	h, _ := strconv.ParseInt("ff", 16, 64)
	fmt.Println(f, bv, h, strconv.FormatInt(255, 2), strconv.Quote("tab\there"), strconv.Itoa(-9))
	fmt.Println(strconv.FormatFloat(1.0/3, 'f', 4, 64), strconv.AppendInt([]byte("n="), 12, 10))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
}
