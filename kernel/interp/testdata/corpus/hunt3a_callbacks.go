// Compiled packages calling back into cell types: an io.Writer and io.Reader
// used by fmt, bufio and io.ReadAll, sort.Interface, container/heap, fmt.Formatter.
package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

type upperWriter struct {
	w io.Writer
	n int
}

func (u *upperWriter) Write(p []byte) (int, error) {
	u.n += len(p)
	return u.w.Write([]byte(strings.ToUpper(string(p))))
}

type countReader struct {
	r     io.Reader
	calls int
}

func (c *countReader) Read(p []byte) (int, error) {
	c.calls++
	if len(p) > 4 {
		p = p[:4]
	}
	return c.r.Read(p)
}

type Score struct {
	Name string
	Pts  int
}

type byPts []Score

func (b byPts) Len() int { return len(b) }
func (b byPts) Less(i, j int) bool {
	return b[i].Pts > b[j].Pts || b[i].Pts == b[j].Pts && b[i].Name < b[j].Name
}
func (b byPts) Swap(i, j int) { b[i], b[j] = b[j], b[i] }

type minHeap []float64

func (h minHeap) Len() int           { return len(h) }
func (h minHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h minHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)        { *h = append(*h, x.(float64)) }
func (h *minHeap) Pop() any          { old := *h; x := old[len(old)-1]; *h = old[:len(old)-1]; return x }

type Point struct{ X, Y int }

func (p Point) GoString() string { return fmt.Sprintf("Pt(%d,%d)", p.X, p.Y) }
func (p Point) Format(f fmt.State, verb rune) {
	if verb == 'v' && f.Flag('+') {
		fmt.Fprintf(f, "{x=%d y=%d}", p.X, p.Y)
		return
	}
	fmt.Fprintf(f, "(%d,%d)", p.X, p.Y)
}

func main() {
	uw := &upperWriter{w: os.Stdout}
	fmt.Fprintf(uw, "hello %d %s\n", 42, "world")
	fmt.Println(uw.n)
	bw := bufio.NewWriter(uw)
	bw.WriteString("buffered line\n")
	bw.Flush()
	cr := &countReader{r: strings.NewReader("alpha beta\ngamma delta\nepsilon\n")}
	sc := bufio.NewScanner(cr)
	for sc.Scan() {
		fmt.Println(">", sc.Text())
	}
	fmt.Println("calls", cr.calls)
	data, _ := io.ReadAll(&countReader{r: strings.NewReader("xyz123")})
	fmt.Println(string(data))
	s := []Score{{"ann", 5}, {"bob", 9}, {"cy", 5}, {"di", 7}}
	sort.Sort(byPts(s))
	fmt.Println(s, sort.IsSorted(byPts(s)))
	sort.Stable(sort.Reverse(byPts(s)))
	fmt.Println(s)
	h := &minHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 1.5)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()
	p := Point{1, 2}
	fmt.Printf("%v %+v %#v %s\n", p, p, p, p)
	fmt.Println(p)
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(idx)
}
