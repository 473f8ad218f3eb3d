package main

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"strings"
)

type User struct {
	ID       int
	Name     string
	Password string
}

func (u User) attr(key string) slog.Attr {
	return slog.Group(key, slog.Int("id", u.ID), slog.String("name", u.Name))
}

type lineBuf struct {
	lines []string
}

func (b *lineBuf) Write(p []byte) (int, error) {
	b.lines = append(b.lines, strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// prefixHandler is a cell slog.Handler that records and forwards.
type prefixHandler struct {
	inner slog.Handler
	seen  *int
}

func (h prefixHandler) Enabled(ctx context.Context, l slog.Level) bool { return l >= slog.LevelInfo }
func (h prefixHandler) Handle(ctx context.Context, r slog.Record) error {
	*h.seen++
	r.AddAttrs(slog.Int("seq", *h.seen))
	return h.inner.Handle(ctx, r)
}
func (h prefixHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return wrap(h.inner.WithAttrs(as), h.seen)
}
func (h prefixHandler) WithGroup(name string) slog.Handler {
	return wrap(h.inner.WithGroup(name), h.seen)
}

func wrap(inner slog.Handler, seen *int) slog.Handler { return prefixHandler{inner, seen} }

func noTime(groups []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey && len(groups) == 0 {
		return slog.Attr{}
	}
	return a
}

func main() {
	buf := &lineBuf{}
	opts := &slog.HandlerOptions{ReplaceAttr: noTime}
	logger := slog.New(slog.NewTextHandler(buf, opts))
	u := User{7, "ann", "hunter2"}
	logger.Info("login", u.attr("user"), "pw", "REDACTED")
	logger.Warn("plain", u.attr("u"), slog.Int("n", 3))

	jbuf := &lineBuf{}
	jl := slog.New(slog.NewJSONHandler(jbuf, opts)).With("svc", "api")
	jl.Info("req", u.attr("user"), "secret", len(u.Password))
	jl.WithGroup("g").Error("bad", "code", 500)

	seen := 0
	hl := slog.New(wrap(slog.NewTextHandler(buf, opts), &seen))
	hl.Debug("hidden")
	hl.Info("shown", u.attr("who"))
	hl.With("k", 1).Info("again")
	fmt.Println("seen:", seen)

	for _, l := range buf.lines {
		fmt.Println(l)
	}
	for _, l := range jbuf.lines {
		fmt.Println(l)
	}

	lb := &lineBuf{}
	lg := log.New(lb, "[app] ", log.Lmsgprefix)
	lg.Printf("user %v", u.Name)
	lg.Println("done", 3)
	fmt.Printf("%q\n", lb.lines)
}
