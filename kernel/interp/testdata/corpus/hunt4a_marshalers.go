package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"
)

type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	return json.Marshal(strings.Repeat("*", int(l)))
}

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("level: %w", err)
	}
	*l = Level(len(s))
	return nil
}

type Point struct{ X, Y int }

func (p Point) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("%d:%d", p.X, p.Y)), nil
}

func (p *Point) UnmarshalText(b []byte) error {
	parts := strings.Split(string(b), ":")
	if len(parts) != 2 {
		return fmt.Errorf("bad point %q", b)
	}
	p.X, _ = strconv.Atoi(parts[0])
	p.Y, _ = strconv.Atoi(parts[1])
	return nil
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type pointFlag struct{ p Point }

func (f *pointFlag) String() string     { return fmt.Sprintf("%d/%d", f.p.X, f.p.Y) }
func (f *pointFlag) Set(v string) error { return f.p.UnmarshalText([]byte(v)) }

func main() {
	b, err := json.Marshal(Level(3))
	fmt.Println(string(b), err)
	var l Level
	err = l.UnmarshalJSON([]byte(`"*****"`))
	fmt.Println(int(l), err)
	err = l.UnmarshalJSON([]byte(`5`))
	fmt.Println(int(l), err != nil)

	b, err = json.Marshal(Point{3, 4})
	fmt.Println(string(b), err)
	var p Point
	err = p.UnmarshalText([]byte("7:8"))
	fmt.Println(p, err)
	err = p.UnmarshalText([]byte("78"))
	fmt.Println(p, err)
	txt, _ := p.MarshalText()
	fmt.Println(string(txt))

	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	var tags listFlag
	pf := &pointFlag{}
	fs.Var(&tags, "tag", "repeatable tag")
	fs.Var(pf, "at", "a point x:y")
	n := fs.Int("n", 1, "count")
	err = fs.Parse([]string{"-tag", "a", "-n", "3", "-tag=b", "-at", "5:6", "rest", "more"})
	fmt.Println(err, tags, len(tags), *n, pf.p, fs.Args())
	fmt.Println(fs.Lookup("tag").Value.String(), fs.Lookup("at").Value.String())
	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
	var sb strings.Builder
	fs.SetOutput(&sb)
	err = fs.Parse([]string{"-at", "nope"})
	fmt.Println(err)
	fmt.Println(strings.Count(sb.String(), "\n") > 0)
}
