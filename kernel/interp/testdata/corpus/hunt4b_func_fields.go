package main

import (
	"fmt"
	"sort"
	"strings"
)

type Handler struct {
	name string
	fn   func(string) string
}

type Router map[string]Handler

func (r Router) Handle(path string, fn func(string) string) { r[path] = Handler{path, fn} }

func (r Router) Serve(path, body string) string {
	if h, ok := r[path]; ok {
		return h.name + ":" + h.fn(body)
	}
	return "404"
}

func main() {
	r := Router{}
	prefix := ">"
	r.Handle("/up", strings.ToUpper)
	r.Handle("/echo", func(s string) string { return prefix + s })
	prefix = ">>"
	fmt.Println(r.Serve("/up", "hi"), r.Serve("/echo", "x"), r.Serve("/none", ""))
	hs := []Handler{{"a", strings.ToLower}, {"b", strings.TrimSpace}}
	hs[0].fn = func(s string) string { return "[" + s + "]" }
	for _, h := range hs {
		fmt.Print(h.name, "=", h.fn(" Q "), ";")
	}
	fmt.Println()
	keys := make([]string, 0, len(r))
	for k := range r {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys)
	h := r["/echo"]
	h.fn = nil
	fmt.Println(r["/echo"].fn != nil, h.fn == nil)
}
