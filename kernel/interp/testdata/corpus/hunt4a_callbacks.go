package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing/fstest"
	"unicode"
)

type wordSplitter struct {
	minLen int
	tokens int
}

// split is a bufio.SplitFunc that yields words of at least minLen letters.
func (w *wordSplitter) split(data []byte, atEOF bool) (int, []byte, error) {
	start := 0
	for start < len(data) && !unicode.IsLetter(rune(data[start])) {
		start++
	}
	for i := start; i < len(data); i++ {
		if !unicode.IsLetter(rune(data[i])) {
			if i-start >= w.minLen {
				w.tokens++
				return i + 1, bytes.ToLower(data[start:i]), nil
			}
			return i + 1, nil, nil
		}
	}
	if atEOF && len(data) > start {
		if len(data)-start >= w.minLen {
			w.tokens++
			return len(data), bytes.ToLower(data[start:]), nil
		}
		return len(data), nil, nil
	}
	return start, nil, nil
}

type redactor struct {
	seen map[string]int
}

func (r *redactor) mask(s string) string {
	r.seen[s]++
	return s[:1] + strings.Repeat("*", len(s)-1)
}

type walker struct {
	dirs, files int
	sizes       []string
}

func (w *walker) visit(path string, d fs.DirEntry, err error) error {
	if err != nil {
		return err
	}
	if d.IsDir() {
		w.dirs++
		if d.Name() == "skip" {
			return fs.SkipDir
		}
		return nil
	}
	w.files++
	info, _ := d.Info()
	w.sizes = append(w.sizes, fmt.Sprintf("%s=%d", path, info.Size()))
	return nil
}

func main() {
	text := "The quick brown fox, the lazy dog; and THE end of it all"
	ws := &wordSplitter{minLen: 3}
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 8), 64)
	sc.Split(ws.split)
	counts := map[string]int{}
	for sc.Scan() {
		counts[sc.Text()]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s:%d ", k, counts[k])
	}
	fmt.Println("| tokens", ws.tokens, sc.Err())

	r := &redactor{seen: map[string]int{}}
	re := regexp.MustCompile(`\b[A-Z][a-z]+\b`)
	fmt.Println(re.ReplaceAllStringFunc("Alice met Bob and Alice left", r.mask), r.seen["Alice"], len(r.seen))
	fmt.Println(strings.Join(strings.FieldsFunc("a1b22c333", unicode.IsDigit), "|"))
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println("isqrt-ish:", idx)

	fsys := fstest.MapFS{
		"a.txt":          &fstest.MapFile{Data: []byte("hello")},
		"docs/b.md":      &fstest.MapFile{Data: []byte("# title\n")},
		"docs/skip/c.go": &fstest.MapFile{Data: []byte("package c")},
		"docs/d/e.csv":   &fstest.MapFile{Data: []byte("x,y\n1,2\n")},
	}
	w := &walker{}
	err := fs.WalkDir(fsys, ".", w.visit)
	fmt.Println(w.dirs, w.files, w.sizes, err)
	matches, _ := fs.Glob(fsys, "docs/*/*")
	fmt.Println(matches)
}
