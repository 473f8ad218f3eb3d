// Function types composed as middleware, with closures capturing configuration.
package main

import (
	"fmt"
	"strings"
)

type Handler func(req string) string

type Middleware func(Handler) Handler

func Logging(log *[]string) Middleware {
	return func(next Handler) Handler {
		return func(req string) string {
			*log = append(*log, "in:"+req)
			resp := next(req)
			*log = append(*log, "out:"+resp)
			return resp
		}
	}
}

func Prefix(p string) Middleware {
	return func(next Handler) Handler {
		return func(req string) string { return next(p + req) }
	}
}

func Chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

func main() {
	var log []string
	echo := Handler(strings.ToUpper)
	h := Chain(echo, Logging(&log), Prefix("api/"), Prefix("v1/"))
	fmt.Println(h("users"))
	fmt.Println(h("items"))
	fmt.Println(strings.Join(log, " "))
}
