// Print forwarders: functions taking ...any that hand their arguments on to
// fmt with args..., as loggers and error helpers do.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

var logged []string

func wrap(format string, args ...any) error { return fmt.Errorf(format, args...) }

func logf(format string, args ...any) { logged = append(logged, fmt.Sprintf(format, args...)) }

func line(args ...any) string { return strings.TrimSpace(fmt.Sprintln(args...)) }

func main() {
	e := wrap("ctx %d: %w", 3, io.EOF)
	fmt.Println(e, errors.Is(e, io.EOF))
	e2 := wrap("load %q: %w", "cfg", errors.New("missing"))
	fmt.Println(e2, errors.Unwrap(e2))

	logf("%v|%s|%d", &NotFound{"z"}, "s", 4)
	logf("temp %v, point %v, %s", Temp(21.5), Point{1, 2}, Point{3, 4})
	logf("%5.2f %x %t", 3.14159, 255, true)
	logf("row %v", []any{"a", 2.5})
	logf("points %v", []string{"p", "q"})
	var p *Point
	logf("nil %v %v", p == nil, nil)
	for _, l := range logged {
		fmt.Println(l)
	}
	fmt.Println(line("a", 1, Temp(2), Point{5, 6}))
}
