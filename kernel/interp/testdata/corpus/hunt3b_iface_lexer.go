package main

import (
	"errors"
	"fmt"
	"strings"
)

type Token struct {
	Kind string
	Text string
}

var (
	EOF   = Token{"eof", ""}
	Comma = Token{"punct", ","}
)

type Source interface {
	Next() (Token, bool)
}

type Peeker interface {
	Source
	Peek() Token
}

type lexer struct {
	words []string
	pos   int
}

func (l *lexer) Next() (Token, bool) {
	if l.pos >= len(l.words) {
		return EOF, false
	}
	w := l.words[l.pos]
	l.pos++
	if w == "," {
		return Comma, true
	}
	return Token{"word", w}, true
}

func (l *lexer) Peek() Token {
	if l.pos >= len(l.words) {
		return EOF
	}
	return Token{"word", l.words[l.pos]}
}

type counting struct {
	src Source
	n   int
}

func (c *counting) Next() (Token, bool) {
	c.n++
	return c.src.Next()
}

type ParseError struct{ Pos int }

func (p *ParseError) Error() string { return fmt.Sprintf("parse error at %d", p.Pos) }

var ErrEmpty = errors.New("empty")

func parse(src Source) (n int, err error) {
	for {
		t, ok := src.Next()
		if !ok {
			break
		}
		switch t {
		case Comma:
			continue
		case Token{"word", "bad"}:
			return n, fmt.Errorf("wrapped: %w", &ParseError{n})
		}
		n++
	}
	if n == 0 {
		return 0, ErrEmpty
	}
	return n, nil
}

func main() {
	lx := &lexer{words: strings.Fields("a , b , c")}
	var src Source = lx
	if p, ok := src.(Peeker); ok {
		fmt.Println("peek:", p.Peek())
	}
	c := &counting{src: src}
	_, isPeeker := any(c).(Peeker)
	n, err := parse(c)
	fmt.Println(n, err, c.n, isPeeker)

	_, err = parse(&lexer{words: []string{"x", "bad"}})
	var pe *ParseError
	fmt.Println(err, errors.As(err, &pe), pe.Pos)
	_, err = parse(&lexer{})
	fmt.Println(err == ErrEmpty, errors.Is(err, ErrEmpty))

	p3 := &ParseError{3}
	var e1 error = p3
	var e2 error = p3
	fmt.Println(e1 == e2, e1 == error(&ParseError{3}))

	var empty counting
	func() {
		defer func() { fmt.Println("nil embedded:", recover() != nil) }()
		empty.Next()
	}()
}
