package interp

import (
	"encoding/json"
	"flag"
	"fmt"
	"go/constant"
	"io"
	"log"
	"math/bits"
	"reflect"
	"sync"

	"github.com/traefik/yaegi/interp"

	"github.com/ratelab/ratelab/kernel/interp/symbols"
)

// The session replaces some functions of fmt, log and flag for its cells:
//
//   - fmt's and log's print functions show the structs declared in cells as Go
//     does (cellArgs), and print to the cell's streams;
//   - json.Unmarshal's errors name the structs declared in cells as Go does, and
//     json.Marshal encodes the values yaegi holds in its valueInterface
//     (celljson.go);
//   - reflect.DeepEqual compares those values as Go does (deepequal.go);
//   - log.Fatal* and os.Exit end the cell with the exit status (symbols.Exit);
//   - flag's functions work on a flag set of the running cell, empty at its start
//     and parsing no arguments, as `go run prog` with no arguments: re-running a
//     cell that defines a flag no longer panics ("flag redefined"), and
//     flag.Parse no longer reads the kernel's own command line.

// useOverrides loads exports into yi, replacing symbols it has. yaegi's Use, when
// the exports have the key "fmt/fmt", also runs fixStdlib (use.go), which binds
// fmt.Print*, fmt.Scan*, log, flag.CommandLine and os's streams and arguments to
// the interpreter, and compiles yaegi's copies of Go 1.22's cmp, maps and
// slices into the universe scope, where they hide a cell's imports of the same
// names. So package fmt is always given under "fmt//fmt", which Use reads as
// the same package (it splits keys with path.Dir and path.Base, which clean
// them), and the session binds those symbols itself (stdlibOverrides).
func useOverrides(yi *interp.Interpreter, exports interp.Exports) error {
	e := interp.Exports{}
	for k, v := range exports {
		if k == "fmt/fmt" {
			k = "fmt//fmt"
		}
		e[k] = v
	}
	return yi.Use(e)
}

// stdlibOverrides returns the session's symbols of fmt, log, flag, os and
// math/bits, and the MapTypes entry that makes yaegi pass cell values to the
// print functions with their Format, Error or String method. os.Stdin, Stdout
// and Stderr stay the process's files, as yaegi leaves them for streams that
// are not files (the session captures file descriptors 1 and 2).
func (s *Session) stdlibOverrides(stdin io.Reader) (funcs, mapTypes interp.Exports) {
	stdout, stderr := s.io.writer("stdout"), s.io.writer("stderr")
	args := []string{"ratelab"}
	funcs = interp.Exports{
		"os/os":          {"Args": reflect.ValueOf(&args).Elem()},
		"math/bits/bits": {"UintSize": reflect.ValueOf(constant.MakeInt64(bits.UintSize))},
		"fmt/fmt": {
			"Scan":    reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fscan(stdin, a...) }),
			"Scanln":  reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fscanln(stdin, a...) }),
			"Scanf":   reflect.ValueOf(func(f string, a ...any) (int, error) { return fmt.Fscanf(stdin, f, a...) }),
			"Print":   reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fprint(stdout, s.printers.cellArgs(a)...) }),
			"Println": reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fprintln(stdout, s.printers.cellArgs(a)...) }),
			"Printf": reflect.ValueOf(func(f string, a ...any) (int, error) {
				f, a = cellFormat(f, s.printers.cellArgs(a))
				return fmt.Fprintf(stdout, f, a...)
			}),
			"Sprint":   reflect.ValueOf(func(a ...any) string { return fmt.Sprint(s.printers.cellArgs(a)...) }),
			"Sprintln": reflect.ValueOf(func(a ...any) string { return fmt.Sprintln(s.printers.cellArgs(a)...) }),
			"Sprintf": reflect.ValueOf(func(f string, a ...any) string {
				f, a = cellFormat(f, s.printers.cellArgs(a))
				return fmt.Sprintf(f, a...)
			}),
			"Fprint":   reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { return fmt.Fprint(w, s.printers.cellArgs(a)...) }),
			"Fprintln": reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { return fmt.Fprintln(w, s.printers.cellArgs(a)...) }),
			"Fprintf": reflect.ValueOf(func(w io.Writer, f string, a ...any) (int, error) {
				f, a = cellFormat(f, s.printers.cellArgs(a))
				return fmt.Fprintf(w, f, a...)
			}),
			"Errorf": reflect.ValueOf(func(f string, a ...any) error {
				f, a = cellFormat(f, s.printers.cellArgs(a))
				return fmt.Errorf(f, a...)
			}),
			"Append":   reflect.ValueOf(func(b []byte, a ...any) []byte { return fmt.Append(b, s.printers.cellArgs(a)...) }),
			"Appendln": reflect.ValueOf(func(b []byte, a ...any) []byte { return fmt.Appendln(b, s.printers.cellArgs(a)...) }),
			"Appendf": reflect.ValueOf(func(b []byte, f string, a ...any) []byte {
				f, a = cellFormat(f, s.printers.cellArgs(a))
				return fmt.Appendf(b, f, a...)
			}),
		},
		"encoding/json/json": {
			"Unmarshal":     reflect.ValueOf(jsonUnmarshal),
			"Marshal":       reflect.ValueOf(jsonMarshal),
			"MarshalIndent": reflect.ValueOf(jsonMarshalIndent),
		},
		"reflect/reflect": {"DeepEqual": reflect.ValueOf(deepEqual)},
		"log/log":         logFuncs(log.New(stderr, "", log.LstdFlags), s.printers),
		"flag/flag":       s.flags.funcs(),
	}
	printing := []reflect.Type{reflect.TypeFor[fmt.Formatter](), reflect.TypeFor[error](), reflect.TypeFor[fmt.Stringer]()}
	m := map[reflect.Value][]reflect.Type{}
	for _, name := range []string{"Print", "Println", "Printf", "Sprint", "Sprintln", "Sprintf", "Fprint", "Fprintln", "Fprintf", "Errorf", "Append", "Appendln", "Appendf"} {
		m[funcs["fmt/fmt"][name]] = printing
	}
	for _, name := range []string{"Print", "Println", "Printf", "Panic", "Panicln", "Panicf", "Fatal", "Fatalln", "Fatalf"} {
		m[funcs["log/log"][name]] = printing
	}
	scanning := []reflect.Type{reflect.TypeFor[fmt.Scanner]()}
	for _, name := range []string{"Scan", "Scanln", "Scanf"} {
		m[funcs["fmt/fmt"][name]] = scanning
	}
	for _, name := range []string{"Marshal", "MarshalIndent"} {
		m[funcs["encoding/json/json"][name]] = symbols.MapTypes[reflect.ValueOf(json.Marshal)]
	}
	return funcs, interp.Exports{".": {"MapTypes": reflect.ValueOf(m)}}
}

// logFuncs are the functions of package log, on the logger l, printing with
// the session's printers. Fatal* log and panic with symbols.Exit{1}.
func logFuncs(l *log.Logger, printers *sessionPrinters) map[string]reflect.Value {
	output := func(s string) { l.Output(3, s) }
	return map[string]reflect.Value{
		"Default": reflect.ValueOf(func() *log.Logger { return l }),
		"Print":   reflect.ValueOf(func(a ...any) { output(fmt.Sprint(printers.cellArgs(a)...)) }),
		"Println": reflect.ValueOf(func(a ...any) { output(fmt.Sprintln(printers.cellArgs(a)...)) }),
		"Printf":  reflect.ValueOf(func(f string, a ...any) { f, a = cellFormat(f, printers.cellArgs(a)); output(fmt.Sprintf(f, a...)) }),
		"Panic":   reflect.ValueOf(func(a ...any) { m := fmt.Sprint(printers.cellArgs(a)...); output(m); panic(m) }),
		"Panicln": reflect.ValueOf(func(a ...any) { m := fmt.Sprintln(printers.cellArgs(a)...); output(m); panic(m) }),
		"Panicf": reflect.ValueOf(func(f string, a ...any) {
			f, a = cellFormat(f, printers.cellArgs(a))
			m := fmt.Sprintf(f, a...)
			output(m)
			panic(m)
		}),
		"Fatal":   reflect.ValueOf(func(a ...any) { output(fmt.Sprint(printers.cellArgs(a)...)); panic(symbols.Exit{Code: 1}) }),
		"Fatalln": reflect.ValueOf(func(a ...any) { output(fmt.Sprintln(printers.cellArgs(a)...)); panic(symbols.Exit{Code: 1}) }),
		"Fatalf": reflect.ValueOf(func(f string, a ...any) {
			f, a = cellFormat(f, printers.cellArgs(a))
			output(fmt.Sprintf(f, a...))
			panic(symbols.Exit{Code: 1})
		}),
		"Flags":     reflect.ValueOf(l.Flags),
		"SetFlags":  reflect.ValueOf(l.SetFlags),
		"Prefix":    reflect.ValueOf(l.Prefix),
		"SetPrefix": reflect.ValueOf(l.SetPrefix),
		"Output":    reflect.ValueOf(func(depth int, s string) error { return l.Output(depth+1, s) }),
		"SetOutput": reflect.ValueOf(l.SetOutput),
		"Writer":    reflect.ValueOf(l.Writer),
	}
}

// cellFlags is the flag set of the running cell (flag.CommandLine for cells).
type cellFlags struct {
	mu  sync.Mutex
	set *flag.FlagSet
	// usage is flag.Usage for cells: the set's usage message.
	usage  func()
	stderr io.Writer
}

// reset gives the next cell an empty flag set, which prints to stderr and panics
// on a bad flag (a Go program would print the usage and exit with status 2).
func (c *cellFlags) reset(stderr io.Writer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stderr = stderr
	c.set = flag.NewFlagSet("ratelab", flag.PanicOnError)
	c.set.SetOutput(stderr)
	c.set.Usage = func() {
		c.mu.Lock()
		u := c.usage
		c.mu.Unlock()
		u()
	}
}

// current returns the running cell's flag set.
func (c *cellFlags) current() *flag.FlagSet {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.set
}

// funcs returns package flag's functions and variables for cells: each function
// that has a method of the same name and type on *flag.FlagSet calls it on the
// running cell's set.
func (c *cellFlags) funcs() map[string]reflect.Value {
	c.usage = func() {
		set := c.current()
		fmt.Fprintf(set.Output(), "Usage of %s:\n", set.Name())
		set.PrintDefaults()
	}
	out := map[string]reflect.Value{
		"CommandLine": reflect.ValueOf(&c.set).Elem(),
		"Usage":       reflect.ValueOf(&c.usage).Elem(),
		"Parse":       reflect.ValueOf(func() { c.current().Parse([]string{}) }),
	}
	setType := reflect.TypeFor[*flag.FlagSet]()
	for name, v := range symbols.Symbols["flag/flag"] {
		if _, done := out[name]; done || v.Kind() != reflect.Func {
			continue
		}
		m, ok := setType.MethodByName(name)
		if !ok || !sameSignature(m.Type, v.Type()) {
			continue
		}
		out[name] = reflect.MakeFunc(v.Type(), func(args []reflect.Value) []reflect.Value {
			return reflect.ValueOf(c.current()).MethodByName(name).Call(args)
		})
	}
	return out
}

// sameSignature reports whether method (with its receiver first) takes and
// returns what fn does.
func sameSignature(method, fn reflect.Type) bool {
	if method.NumIn() != fn.NumIn()+1 || method.NumOut() != fn.NumOut() || method.IsVariadic() != fn.IsVariadic() {
		return false
	}
	for i := range fn.NumIn() {
		if method.In(i+1) != fn.In(i) {
			return false
		}
	}
	for i := range fn.NumOut() {
		if method.Out(i) != fn.Out(i) {
			return false
		}
	}
	return true
}
