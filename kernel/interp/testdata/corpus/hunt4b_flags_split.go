package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"regexp"
	"strings"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type level int

func (l *level) String() string { return fmt.Sprint(int(*l)) }
func (l *level) Set(v string) error {
	switch v {
	case "low":
		*l = 1
	case "high":
		*l = 3
	default:
		return fmt.Errorf("bad level %q", v)
	}
	return nil
}

func commaSplit(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, ','); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

func main() {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	var tags listFlag
	lv := level(2)
	fs.Var(&tags, "tag", "repeatable tag")
	fs.Var(&lv, "level", "low|high")
	n := fs.Int("n", 1, "count")
	err := fs.Parse([]string{"-tag", "a", "-n", "5", "-tag=b", "-level", "high", "rest", "x"})
	fmt.Println(err, tags, len(tags), lv, *n, fs.Args())
	fs.VisitAll(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value.String(), " ") })
	fmt.Println()
	fs2 := flag.NewFlagSet("t2", flag.ContinueOnError)
	fs2.SetOutput(new(bytes.Buffer))
	var l2 level
	fs2.Var(&l2, "level", "")
	fmt.Println(fs2.Parse([]string{"-level", "mid"}))

	sc := bufio.NewScanner(strings.NewReader("a,bb,,ccc"))
	sc.Split(commaSplit)
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println()
	words := 0
	sc2 := bufio.NewScanner(strings.NewReader("one two\nthree"))
	sc2.Split(bufio.ScanWords)
	for sc2.Scan() {
		words++
	}
	fmt.Println(words)
	re := regexp.MustCompile(`\d+`)
	seen := map[string]int{}
	out := re.ReplaceAllStringFunc("a1b22c1", func(s string) string {
		seen[s]++
		return fmt.Sprintf("<%d>", len(s)*seen[s])
	})
	fmt.Println(out, len(seen))
	fmt.Println(strings.FieldsFunc("a1b2c", func(r rune) bool { return r >= '0' && r <= '9' }))
}
