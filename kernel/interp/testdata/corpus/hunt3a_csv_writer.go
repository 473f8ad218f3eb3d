// encoding/csv writing with quoting, a custom bufio.SplitFunc, strconv.Append*,
// a csv.Reader with another separator, and bufio.Reader.ReadString to EOF.
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type Rec struct {
	Name  string
	Score float64
}

func main() {
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"name", "score"})
	for _, r := range []Rec{{"a,b", 1.5}, {`q"x`, 2}} {
		w.Write([]string{r.Name, strconv.FormatFloat(r.Score, 'f', -1, 64)})
	}
	w.Flush()
	fmt.Println(w.Error())
	sc := bufio.NewScanner(strings.NewReader("a;b;;c"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ';'); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println()
	b := strconv.AppendQuote([]byte("v="), "hi\n")
	b = strconv.AppendInt(b, -42, 10)
	fmt.Println(string(b))
	r := csv.NewReader(strings.NewReader("a;b\n1;2\n3\n"))
	r.Comma = ';'
	r.FieldsPerRecord = 0
	recs, err := r.ReadAll()
	fmt.Println(recs, err)
	rd := bufio.NewReader(strings.NewReader("line1\nline2"))
	for {
		line, err := rd.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err != nil {
			break
		}
	}
}
