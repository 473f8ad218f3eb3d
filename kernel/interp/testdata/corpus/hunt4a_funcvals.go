package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

type Cipher struct{ shift rune }

func (c Cipher) Encode(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return 'a' + (r-'a'+c.shift)%26
	}
	if r == ' ' {
		return -1
	}
	return r
}

type Splitter struct{ seps string }

func (s *Splitter) IsSep(r rune) bool { return strings.ContainsRune(s.seps, r) }

type Emp struct {
	Name string
	Dept string
	Pay  int
}

type ctxKey struct{ name string }

type reqIDKey struct{}

type Counter struct {
	mu   sync.Mutex
	hits map[string]int
}

func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.mu.Lock()
	c.hits[r.URL.Path]++
	n := c.hits[r.URL.Path]
	c.mu.Unlock()
	fmt.Fprintf(w, "%s #%d", r.URL.Path, n)
}

func (c *Counter) hello(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Who", r.URL.Query().Get("who"))
	w.WriteHeader(http.StatusTeapot)
	io.WriteString(w, "hi "+r.URL.Query().Get("who"))
}

func main() {
	c := Cipher{shift: 3}
	fmt.Println(strings.Map(c.Encode, "hello gopher world"))
	enc := Cipher.Encode
	fmt.Println(string(enc(Cipher{1}, 'z')))

	sp := &Splitter{seps: ",;|"}
	fmt.Printf("%q\n", strings.FieldsFunc("a,b;;c|d,", sp.IsSep))
	sp.seps = " "
	fmt.Printf("%q\n", strings.FieldsFunc("a,b c", sp.IsSep))
	fmt.Println(strings.IndexFunc("abc1", unicode.IsDigit), strings.TrimFunc("xxhixx", func(r rune) bool { return r == 'x' }))

	emps := []Emp{{"ann", "eng", 120}, {"bob", "ops", 90}, {"cat", "eng", 100}, {"dan", "ops", 90}}
	byPay := func(a, b Emp) int {
		if a.Pay != b.Pay {
			return b.Pay - a.Pay
		}
		return strings.Compare(a.Name, b.Name)
	}
	slices.SortFunc(emps, byPay)
	fmt.Println(emps)
	sort.Slice(emps, func(i, j int) bool {
		return emps[i].Dept < emps[j].Dept || emps[i].Dept == emps[j].Dept && emps[i].Name > emps[j].Name
	})
	fmt.Println(emps)
	i, ok := slices.BinarySearchFunc([]int{1, 3, 5, 7}, 5, func(a, b int) int { return a - b })
	fmt.Println(i, ok, slices.IndexFunc(emps, func(e Emp) bool { return e.Pay < 100 }))

	var once sync.Once
	calls := 0
	setup := func() { calls++ }
	for k := 0; k < 3; k++ {
		once.Do(setup)
	}
	fmt.Println("once:", calls)

	ctx := context.WithValue(context.Background(), ctxKey{"user"}, "ann")
	ctx = context.WithValue(ctx, reqIDKey{}, 42)
	ctx = context.WithValue(ctx, "user", "string-key")
	fmt.Println(ctx.Value(ctxKey{"user"}), ctx.Value(reqIDKey{}), ctx.Value("user"), ctx.Value(ctxKey{"none"}))
	ctx2, cancel := context.WithCancel(ctx)
	cancel()
	<-ctx2.Done()
	fmt.Println(ctx2.Err(), ctx2.Value(reqIDKey{}))

	cnt := &Counter{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.Handle("/count/", cnt)
	mux.HandleFunc("/hello", cnt.hello)
	for _, path := range []string{"/count/a", "/count/a", "/count/b", "/hello?who=gopher", "/nope"} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		fmt.Printf("%s -> %d %q %q\n", path, rec.Code, strings.TrimSpace(rec.Body.String()), rec.Header().Get("X-Who"))
	}
}
