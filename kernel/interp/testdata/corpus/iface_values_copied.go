// Values of types with methods stored in interfaces: each interface keeps its
// own copy (or its own pointer), whatever later happens to the variable,
// call result or literal it came from.
package main

import (
	"container/list"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return math.Pi * c.R * c.R }
func (c *Circle) Name() string  { return fmt.Sprintf("circle(%g)", c.R) }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }
func (s Square) Name() string  { return fmt.Sprintf("square(%g)", s.S) }

type Version struct{ Major, Minor int }

func (v Version) String() string { return fmt.Sprintf("v%d.%d", v.Major, v.Minor) }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func reading(i int) Celsius { return Celsius(i) / 2 }

type Names []string

func (n Names) Len() int { return len(n) }

type Lener interface{ Len() int }

type Tagged struct {
	Label string
	Value any
}

type byArea []Shape

func (b byArea) Len() int           { return len(b) }
func (b byArea) Less(i, j int) bool { return b[i].Area() < b[j].Area() }
func (b byArea) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

var current = Version{1, 0}

func release() any { return current }

func releaseWithErr() (fmt.Stringer, error) { return current, nil }

func releaseAndCount(xs []int) (fmt.Stringer, int, string) { return current, len(xs), "n" }

func square(s float64) Square { return Square{s} }

func describe(shapes []Shape) string {
	var parts []string
	for _, s := range shapes {
		parts = append(parts, fmt.Sprintf("%s=%.1f", s.Name(), s.Area()))
	}
	return strings.Join(parts, " ")
}

func main() {
	var shapes []Shape
	for i := 1; i <= 3; i++ {
		shapes = append(shapes, &Circle{R: float64(i)})
	}
	for i := 1; i <= 2; i++ {
		shapes = append(shapes, square(float64(i)))
	}
	fmt.Println(describe(shapes))

	sq := Square{5}
	var s Shape = sq
	var a any = sq
	sq.S = 7
	fmt.Println(s.Area(), a.(Square).S, sq.Area())

	byName := map[string]Shape{}
	for i, name := range []string{"small", "large"} {
		byName[name] = &Circle{R: float64(i + 1)}
	}
	fmt.Printf("%.2f %.2f\n", byName["small"].Area(), byName["large"].Area())

	ch := make(chan fmt.Stringer, 3)
	for i := 0; i < 3; i++ {
		ch <- Version{1, i}
	}
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()

	var errs []error
	for _, k := range []string{"a", "b", "c"} {
		errs = append(errs, &NotFound{Key: k})
	}
	fmt.Println(errors.Join(errs...))
	var joined []error
	for _, k := range []string{"x", "y"} {
		joined = append(joined, errors.Join(&NotFound{Key: k}))
	}
	fmt.Println(joined[0], joined[1])

	var tags []Tagged
	for i := 0; i < 3; i++ {
		tags = append(tags, Tagged{Label: fmt.Sprint("t", i), Value: Version{2, i}})
	}
	for _, t := range tags {
		fmt.Print(t.Label, "=", t.Value.(Version), " ")
	}
	fmt.Println()

	var anys []any
	for i := 0; i < 3; i++ {
		anys = append(anys, Version{3, i}, &Circle{R: float64(i)})
	}
	fmt.Println(anys[0].(Version), anys[2].(Version), anys[1].(*Circle).R, anys[5].(*Circle).R, anys[1] == anys[3])

	r1 := release()
	e1, _ := releaseWithErr()
	c1, n, label := releaseAndCount([]int{1, 2})
	current = Version{2, 0}
	r2 := release()
	fmt.Println(r1, r2, e1, c1, n, label)

	l := list.New()
	for i := 0; i < 3; i++ {
		l.PushBack(Version{4, i})
	}
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value.(Version).Minor, " ")
	}
	fmt.Println()

	mixed := byArea{Square{3}, &Circle{R: 1}, Square{1}}
	sort.Sort(mixed)
	fmt.Println(describe(mixed))

	var err error
	for _, k := range []string{"first", "second"} {
		if err == nil {
			err = &NotFound{Key: k}
		}
	}
	fmt.Println(err)

	var temps []fmt.Stringer
	var lens []Lener
	for i := 0; i < 3; i++ {
		temps = append(temps, reading(i))
		lens = append(lens, Names(make([]string, i)))
	}
	fmt.Println(temps[0], temps[1], lens[0].Len(), lens[1].Len())
	c := Celsius(1)
	var held any = c
	c = 5
	fmt.Println(held, c)
}
