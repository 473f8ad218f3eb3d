package main

import (
	"fmt"
	"strings"
)

type state int

const (
	idle state = iota
	running
	stopped
)

func (s state) String() string {
	names := []string{"idle", "running"}
	if int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("state(%d)", int(s))
}

func tokenize(s string) []string {
	var toks []string
	i := 0
next:
	if i >= len(s) {
		return toks
	}
	switch c := s[i]; {
	case c == ' ':
		i++
		goto next
	case c >= '0' && c <= '9':
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		toks = append(toks, s[i:j])
		i = j
	default:
		toks = append(toks, string(c))
		i++
	}
	goto next
}

func eval(toks []string) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("eval: %v", r)
		}
	}()
	sign := 1
	for i, t := range toks {
		switch t {
		case "+":
			sign = 1
		case "-":
			sign = -1
		case "*", "/":
			panic("unsupported " + t + fmt.Sprint(" at ", i))
		default:
			n := 0
			for _, d := range t {
				n = n*10 + int(d-'0')
			}
			result += sign * n
		}
	}
	return
}

func main() {
	for _, expr := range []string{"12 + 30 - 2", "7-10", "3 * 4"} {
		toks := tokenize(expr)
		v, err := eval(toks)
		fmt.Println(strings.Join(toks, "|"), v, err)
	}
	st := idle
	var log []string
transitions:
	for step := 0; ; step++ {
		switch st {
		case idle:
			st = running
		case running:
			if step > 3 {
				st = stopped
				continue transitions
			}
		case stopped:
			break transitions
		}
		log = append(log, fmt.Sprint(step, ":", st))
	}
	fmt.Println(log, st)
	count := 0
	for i := range 5 {
		switch {
		case i == 1:
			continue
		case i == 3:
			goto done
		}
		count += 10
	}
done:
	fmt.Println("count", count)
}
