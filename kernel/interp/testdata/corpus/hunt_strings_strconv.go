// strings and strconv: parsing numbers, quoting, building, splitting, formatting a report.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

func parseCSVLine(line string) (name string, vals []float64, err error) {
	parts := strings.Split(line, ",")
	name = strings.TrimSpace(parts[0])
	vals = make([]float64, 0, len(parts)-1)
	for _, p := range parts[1:] {
		v, perr := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if perr != nil {
			return name, nil, fmt.Errorf("%s: %w", name, perr)
		}
		vals = append(vals, v)
	}
	return
}

func main() {
	lines := []string{"alice, 1.5, 2, 3.25", " bob ,4,5e1, -6", "carl, 7, x"}
	for _, l := range lines {
		n, v, err := parseCSVLine(l)
		fmt.Printf("%q %v %v\n", n, v, err)
	}
	for _, s := range []string{"42", "-17", "0x1f", "9999999999999999999", "", " 3"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	i64, err := strconv.ParseInt("0x1f", 0, 64)
	fmt.Println(i64, err)
	u, err := strconv.ParseUint("300", 10, 8)
	fmt.Println(u, err)
	b, err := strconv.ParseBool("TRUE")
	fmt.Println(b, err)
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64))
	fmt.Println(strconv.Quote("tab\there"), strconv.QuoteRune('☺'), strconv.Itoa(1<<20))
	uq, err := strconv.Unquote(`"a\tb"`)
	fmt.Printf("%q %v\n", uq, err)
	var sb strings.Builder
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&sb, "%d...", i)
	}
	sb.WriteByte('!')
	sb.WriteRune('🚀')
	fmt.Println(sb.String(), sb.Len())
	s := "The quick brown fox jumps over the lazy dog"
	fmt.Println(strings.Fields(s)[2], strings.Count(s, "o"), strings.Index(s, "fox"), strings.LastIndex(s, "o"))
	fmt.Println(strings.ToUpper(s[:9]), strings.Title("x"), strings.Repeat("=-", 3))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		if r == ' ' {
			return -1
		}
		return r
	}, s[:15]))
	before, after, found := strings.Cut("key=value=x", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.SplitN("a,b,c,d", ",", 2), strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.HasPrefix(s, "The"), strings.ContainsAny(s, "xyz"))
	r := strings.NewReplacer("a", "1", "e", "2")
	fmt.Println(r.Replace("banana tree"))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, " | "))
	words := strings.FieldsFunc("a1b22c333", unicode.IsDigit)
	fmt.Println(words, len(words))
	fmt.Printf("%-10s|%10s|\n", strings.TrimFunc("  pad  ", unicode.IsSpace), "right")
	fmt.Println(strconv.AppendInt([]byte("n="), 42, 10), string(strconv.AppendQuote(nil, "q")))
}
