package main

import (
	"bufio"
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
)

type Item struct {
	Name string
	Pri  int
}

type PQ []*Item

func (q PQ) Len() int           { return len(q) }
func (q PQ) Less(i, j int) bool { return q[i].Pri > q[j].Pri }
func (q PQ) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *PQ) Push(x any)        { *q = append(*q, x.(*Item)) }
func (q *PQ) Pop() any          { old := *q; n := len(old); it := old[n-1]; *q = old[:n-1]; return it }

type Upper struct {
	w io.Writer
	n int
}

func (u *Upper) Write(p []byte) (int, error) {
	u.n += len(p)
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

type Counts map[string]int

type Temp float64

func (t Temp) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`"%.1fC"`, float64(t))), nil }

type Level int

func (l Level) MarshalText() ([]byte, error) { return []byte([]string{"low", "mid", "high"}[l]), nil }

type Reading struct {
	Where string `json:"where"`
	T     Temp   `json:"t"`
	Lvl   Level  `json:"lvl"`
}

type rot13 struct{ r io.Reader }

func (r rot13) Read(p []byte) (int, error) {
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

type ByLen []string

func (b ByLen) Len() int           { return len(b) }
func (b ByLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b ByLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	q := &PQ{}
	heap.Init(q)
	for i, n := range []string{"low", "high", "mid", "top"} {
		heap.Push(q, &Item{n, []int{1, 8, 5, 9}[i]})
	}
	for q.Len() > 0 {
		it := heap.Pop(q).(*Item)
		fmt.Print(it.Name, ":", it.Pri, " ")
	}
	fmt.Println()
	u := &Upper{w: os.Stdout}
	fmt.Fprintf(u, "hello %d %s\n", 42, "world")
	bw := bufio.NewWriter(u)
	bw.WriteString("buffered\n")
	bw.Flush()
	fmt.Println(u.n)

	c := Counts{"b": 2, "a": 1, "c": 3}
	keys := slices.Sorted(maps.Keys(c))
	fmt.Println(keys, len(c))
	c2 := maps.Clone(c)
	c2["d"] = 4
	fmt.Println(len(c), len(c2), maps.Equal(c, c2))

	out, err := json.Marshal(Temp(21.55))
	fmt.Println(string(out), err)
	out, err = json.Marshal(Level(2))
	fmt.Println(string(out), err)
	var lv Level = 1
	txt, err := lv.MarshalText()
	fmt.Println(string(txt), err, len(Reading{}.Where))
	data, _ := io.ReadAll(rot13{strings.NewReader("Uryyb, Tbcure!")})
	fmt.Println(string(data))
	sc := bufio.NewScanner(rot13{strings.NewReader("nop\nqrs\n")})
	for sc.Scan() {
		fmt.Print(sc.Text(), ";")
	}
	fmt.Println()

	words := ByLen{"banana", "kiwi", "apple", "fig"}
	sort.Stable(words)
	fmt.Println(words, sort.IsSorted(words))
	ws := []string(words)
	slices.Reverse(ws)
	fmt.Println(words[0], slices.Index(words, "kiwi"), slices.Contains(words, "fig"))
	tmps := []Temp{3, 1, 2}
	slices.Sort(tmps)
	fmt.Println(slices.Max(tmps), tmps[0], slices.Index(tmps, 2))
}
