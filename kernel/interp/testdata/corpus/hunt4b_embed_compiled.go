package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
)

type rev struct{ sort.IntSlice }

func (r rev) Less(i, j int) bool { return r.IntSlice.Less(j, i) }

type byLen struct{ sort.StringSlice }

func (b byLen) Less(i, j int) bool { return len(b.StringSlice[i]) < len(b.StringSlice[j]) }

type Log struct {
	bytes.Buffer
	lines int
}

func (l *Log) Write(p []byte) (int, error) {
	l.lines += bytes.Count(p, []byte("\n"))
	return l.Buffer.Write(p)
}

type SafeCounter struct {
	sync.Mutex
	m map[string]int
}

type prefixW struct {
	w   io.Writer
	pre string
}

func (p prefixW) Write(b []byte) (int, error) {
	return p.w.Write(append([]byte(p.pre), b...))
}

type Report struct {
	sb strings.Builder
}

func (r *Report) Line(s string)               { r.sb.WriteString(s); r.sb.WriteByte('\n') }
func (r *Report) Write(p []byte) (int, error) { return r.sb.Write(p) }

func main() {
	xs := []int{3, 1, 2}
	sort.Sort(rev{xs})
	fmt.Println(xs)
	sort.Sort(sort.Reverse(rev{xs}))
	fmt.Println(xs)
	ws := []string{"ccc", "a", "bb"}
	sort.Sort(byLen{ws})
	fmt.Println(ws)
	var l Log
	fmt.Fprintf(&l, "a=%d\nb=%d\n", 1, 2)
	l.Write([]byte("c\n"))
	fmt.Println(l.lines, l.Len(), strings.TrimSpace(l.String()))
	c := SafeCounter{m: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Lock()
			c.m["k"]++
			c.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(c.m["k"])
	pw := prefixW{os.Stdout, "> "}
	fmt.Fprintln(pw, "hello")
	var w io.Writer = pw
	fmt.Fprintf(w, "%s\n", "again")
	var r Report
	r.Line("one")
	r.Line("two")
	fmt.Print(r.sb.String())
	fmt.Fprintf(&r, "three %d\n", 3)
	fmt.Println(r.sb.Len())
	var buf bytes.Buffer
	outs := []io.Writer{&buf, prefixW{&l, "# "}}
	mw := io.MultiWriter(outs...)
	fmt.Fprintln(mw, "multi")
	fmt.Println(buf.String() == "multi\n", l.lines)
}
