package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

// countingWriter counts bytes and calls.
type countingWriter struct {
	w     io.Writer
	n     int
	calls int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.calls++
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

// upperWriter implements io.StringWriter too.
type upperWriter struct {
	sb      strings.Builder
	strings int
}

func (u *upperWriter) Write(p []byte) (int, error) {
	return u.sb.Write([]byte(strings.ToUpper(string(p))))
}
func (u *upperWriter) WriteString(s string) (int, error) {
	u.strings++
	return u.sb.WriteString("<" + s + ">")
}

// rot13Reader wraps a reader.
type rot13Reader struct{ r io.Reader }

func (r rot13Reader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z':
			p[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			p[i] = 'A' + (c-'A'+13)%26
		}
	}
	return n, err
}

// source writes its lines itself.
type source struct{ lines []string }

func (s *source) WriteLines(w io.Writer) (int64, error) {
	var total int64
	for _, l := range s.lines {
		n, err := io.WriteString(w, l+";")
		total += int64(n)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

type Row struct {
	Name  string  `json:"name"`
	Score float64 `json:"score"`
}

func main() {
	cw := &countingWriter{w: os.Stdout}
	fmt.Fprintf(cw, "hello %s %d\n", "world", 42)
	fmt.Fprintln(cw, "second", 3.5)
	fmt.Println("counted:", cw.n, cw.calls)

	uw := &upperWriter{}
	uw.WriteString("abc")
	fmt.Fprintf(uw, "def")
	var sw io.StringWriter = uw
	sw.WriteString("ghi")
	fmt.Println(uw.sb.String(), uw.strings)

	var out strings.Builder
	n, err := io.Copy(&out, rot13Reader{strings.NewReader("Uryyb, Tbcure!")})
	fmt.Println(out.String(), n, err)

	out.Reset()
	n, err = (&source{lines: []string{"a", "bb", "ccc"}}).WriteLines(&out)
	fmt.Println(out.String(), n, err)

	sc := bufio.NewScanner(rot13Reader{strings.NewReader("bar\nsbb\nonm\n")})
	for sc.Scan() {
		fmt.Print(sc.Text(), ",")
	}
	fmt.Println()

	cw2 := &countingWriter{w: os.Stdout}
	bw := bufio.NewWriterSize(cw2, 16)
	for i := 0; i < 5; i++ {
		fmt.Fprintf(bw, "line%d ", i)
	}
	bw.Flush()
	fmt.Println("| buffered calls:", cw2.calls, cw2.n)

	enc := json.NewEncoder(cw)
	enc.SetIndent("", " ")
	enc.Encode([]Row{{"a", 1.5}, {"b", 2}})

	w := csv.NewWriter(cw)
	w.Write([]string{"name", "note"})
	w.Write([]string{"x", "has,comma"})
	w.Flush()
	fmt.Println("csv err:", w.Error())

	tw := tabwriter.NewWriter(cw, 0, 8, 1, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "a\tbbb\tc\t")
	fmt.Fprintln(tw, "aaaa\tb\tcc\t")
	tw.Flush()
	fmt.Println("total:", cw.n, cw.calls)
}
