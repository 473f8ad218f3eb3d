// The results of a call of several results passed straight to a print
// function (fmt.Println(two())), of fmt, of log and of a *log.Logger, in a
// statement, inside an expression and in a closure: fmt calls the methods of
// a cell's types on each as in Go.
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
)

type P struct{ N int }

func (P) String() string { return "P!" }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Names []string

type E struct{ Code int }

func (e *E) Error() string { return fmt.Sprint("E", e.Code) }

func two() (int, P)                             { return 1, P{2} }
func withFormat() (string, P, Celsius, Celsius) { return "%v|%s|%v|%T\n", P{3}, 4, 5 }
func writer() (io.Writer, P)                    { return os.Stdout, P{6} }
func ifaces() (any, fmt.Stringer)               { return P{7}, Celsius(8) }
func named() (Names, *P, error)                 { return Names{"a"}, &P{9}, &E{10} }
func errf() (string, error)                     { return "wrapped: %w", &E{11} }

var calls []string

func logged(s string) (string, P) { calls = append(calls, s); return s, P{0} }

func main() {
	fmt.Println(two())
	fmt.Printf(withFormat())
	fmt.Fprintln(writer())
	fmt.Println(ifaces())
	fmt.Println(named())
	fmt.Printf("%T %T\n", "x", Celsius(1))
	fmt.Printf("%#v\n", Names{"b"})
	err := fmt.Errorf(errf())
	var e *E
	fmt.Println(err, errors.As(err, &e), e.Code)
	s := strings.ToUpper(fmt.Sprint(two())) + fmt.Sprintln(two())
	fmt.Print(s)
	f := func() string { return fmt.Sprint(logged("a")) + fmt.Sprint(logged("b")) }
	fmt.Println(f(), calls)
	l := log.New(os.Stdout, "L: ", 0)
	l.Println(two())
	l.Printf(withFormat())
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Print(two())
	b := fmt.Append(nil, 1, P{})
	fmt.Println(string(b))
	done := make(chan bool)
	go func() { fmt.Println(two()); done <- true }()
	<-done
}
