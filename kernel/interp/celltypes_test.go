package interp

import (
	"strings"
	"testing"
)

// structProgram prints and encodes structs declared in the program.
const structProgram = `package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
)

type Point struct {
	X, y int
	name string
}

type Vec struct {
	X    int
	y    int
	name string
}

type Row struct {
	ID    int    ` + "`json:\"id\"`" + `
	Label string ` + "`json:\"label,omitempty\"`" + `
	note  string ` + "`json:\"note\"`" + `
	At    *Point
	Tags  []string
}

type Temp struct{ c float64 }

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", t.c) }

type Code struct{ n int }

func (c Code) Error() string { return fmt.Sprint("code ", c.n) }

func main() {
	p := Point{1, 2, "a"}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%+v|%#v|%T\n", &p, &p, &p)
	ps := []Point{p, {3, 4, "b"}}
	fmt.Printf("%v|%+v|%#v|%T\n", ps, ps, ps, ps)
	m := map[string]Point{"k": p, "a": {5, 6, "c"}}
	fmt.Printf("%+v|%T\n", m, m)
	fmt.Println(fmt.Sprintf("%[2]T %[1]d %5.1f %T", 7, p, 2.5, "s"))
	fmt.Printf("%+v %#v %T\n", struct{ a, B int }{1, 2}, struct{ a int }{3}, struct{ a int }{3})
	var x any = Vec{1, 2, "a"}
	_, isPoint := x.(Point)
	_, isVec := x.(Vec)
	fmt.Println("Vec is Point:", isPoint, "Vec is Vec:", isVec)
	b, err := json.Marshal(ps)
	fmt.Println(string(b), err)
	r := Row{ID: 1, note: "private", At: &p, Tags: []string{"x"}}
	b, err = json.Marshal(r)
	fmt.Println(string(b), err)
	var back Row
	err = json.Unmarshal([]byte(` + "`" + `{"id":2,"label":"L","note":"n","At":{"X":9,"y":8}}` + "`" + `), &back)
	fmt.Printf("%+v %+v %v\n", back.ID, *back.At, err)
	fmt.Println(Temp{21.5}, Code{4})
	fmt.Printf("%v %+v %s\n", Temp{1}, Temp{2}, Temp{3})
	fmt.Println(fmt.Errorf("wrapped: %w", Code{5}))
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Printf("%+v", p)
}
`

// Structs declared in a cell print (%v, %+v, %#v, %T) and encode (JSON) as
// Go's, compared with the same program built by Go.
func TestCellStructsPrintAndEncodeAsGo(t *testing.T) { sameAsGo(t, structProgram) }

// flagProgram defines flags and parses the command line, which is empty.
const flagProgram = `package main

import (
	"flag"
	"fmt"
)

func main() {
	n := flag.Int("n", 5, "count")
	name := flag.String("name", "x", "a name")
	flag.Parse()
	fmt.Println(*n, *name, flag.Args(), flag.NArg(), flag.NFlag(), flag.Parsed(), flag.Lookup("n").DefValue)
}
`

// A cell's flags start from an empty set and parse no arguments, as go run with
// no arguments: running the cell again redefines them without a panic.
func TestFlagsPerCell(t *testing.T) {
	want, _, _ := goRun(t, flagProgram)
	s := newSession(t)
	for i := range 2 {
		got, _, e := runCell(s, flagProgram)
		if e != nil {
			t.Fatalf("run %d: %s: %s", i+1, e.Name, e.Value)
		}
		if got != want {
			t.Errorf("run %d printed %q, go run %q", i+1, got, want)
		}
	}
	// A bad flag panics in the cell instead of exiting the process.
	_, stderr, e := runCell(s, `flag.CommandLine.Parse([]string{"-nope"})`)
	if e == nil || !strings.Contains(e.Value, "flag provided but not defined: -nope") || !strings.Contains(stderr, "Usage of") {
		t.Errorf("bad flag: error %v, stderr %q", e, stderr)
	}
}

// An embedded struct of a type a later cell declared again keeps its declared
// name in %+v, though the session compiles the new declaration under another.
func TestEmbeddedRedeclaredTypeKeepsItsName(t *testing.T) {
	s := newSession(t)
	decls := "type Base struct{ name string }\ntype Dog struct {\n\tBase\n\tBreed string\n}"
	run(t, s, `import "fmt"`)
	run(t, s, decls)
	run(t, s, decls)
	out, _, e := runCell(s, `d := Dog{Base{"rex"}, "lab"}; var a any = d; fmt.Printf("%+v %+v", d, a)`)
	if want := "{Base:{name:rex} Breed:lab} {Base:{name:rex} Breed:lab}"; e != nil || out != want {
		t.Errorf("printed %q (error %v), want %q", out, e, want)
	}
}
