// strings.Builder and bytes.Buffer passed around by pointer and as
// io.Writer, a custom Writer type counting bytes, fmt.Fprint family.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
)

type CountingWriter struct {
	W     io.Writer
	Bytes int
	Lines int
}

func (c *CountingWriter) Write(p []byte) (int, error) {
	n, err := c.W.Write(p)
	c.Bytes += n
	c.Lines += bytes.Count(p[:n], []byte("\n"))
	return n, err
}

type upper struct{ w io.Writer }

func (u upper) Write(p []byte) (int, error) {
	return u.w.Write(bytes.ToUpper(p))
}

func writeTable(w io.Writer, rows [][]string) {
	for _, r := range rows {
		fmt.Fprintf(w, "%-8s|%5s\n", r[0], r[1])
	}
}

func appendCSV(b *strings.Builder, fields ...string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if strings.ContainsAny(f, ",\"") {
			b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
		} else {
			b.WriteString(f)
		}
	}
	b.WriteByte('\n')
}

func byValue(b strings.Builder) int { return b.Len() }

func main() {
	var sb strings.Builder
	appendCSV(&sb, "name", "note")
	appendCSV(&sb, "ann", `said "hi", left`)
	appendCSV(&sb, "bob", "")
	fmt.Print(sb.String())
	fmt.Println(sb.Len(), strings.Count(sb.String(), "\n"))

	var buf bytes.Buffer
	cw := &CountingWriter{W: &buf}
	writeTable(cw, [][]string{{"alpha", "1"}, {"beta", "22"}, {"gamma", "333"}})
	fmt.Fprintln(upper{cw}, "shout", 42)
	fmt.Print(buf.String())
	fmt.Println(cw.Bytes, cw.Lines, buf.Len())

	line, err := buf.ReadString('\n')
	fmt.Printf("%q %v %d\n", line, err, buf.Len())
	rest, _ := io.ReadAll(&buf)
	fmt.Println(len(rest), buf.Len())

	var w io.Writer = &sb
	sb.Reset()
	fmt.Fprint(w, "x=", 1, " y=", 2.5, true)
	if s, ok := w.(fmt.Stringer); ok {
		fmt.Println(s.String())
	}
	fmt.Println(byValue(strings.Builder{}))

	sc := bufio.NewScanner(strings.NewReader("The quick brown fox\njumps over\n\nthe lazy dog"))
	sc.Split(bufio.ScanWords)
	counts := map[bool]int{}
	var words []string
	for sc.Scan() {
		t := sc.Text()
		counts[unicode.IsUpper(rune(t[0]))]++
		words = append(words, t)
	}
	fmt.Println(len(words), counts[true], counts[false], words[len(words)-1])

	bw := bufio.NewWriter(cw)
	fmt.Fprintf(bw, "buffered %d\n", 7)
	fmt.Println("before flush", cw.Lines)
	bw.Flush()
	fmt.Println("after flush", cw.Lines, buf.String())
	var b2 bytes.Buffer
	b2.Write([]byte("abc"))
	b2.WriteRune('é')
	b2.WriteByte('!')
	fmt.Println(b2.String(), b2.Len(), b2.Bytes()[3])
	r := bufio.NewReader(strings.NewReader("k1=v1;k2=v2"))
	for {
		tok, err := r.ReadString(';')
		fmt.Printf("%q ", strings.TrimSuffix(tok, ";"))
		if err != nil {
			break
		}
	}
	fmt.Println()
}
