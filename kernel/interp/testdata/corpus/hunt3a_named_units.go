// Values of named numeric types (units) flowing through slices, maps,
// interfaces, generics and fmt verbs.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Celsius float64
type Fahrenheit float64
type Meters int
type Grade uint8

func (c Celsius) String() string  { return fmt.Sprintf("%.1f°C", float64(c)) }
func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (f Fahrenheit) ToC() Celsius { return Celsius((f - 32) * 5 / 9) }
func (m Meters) Km() float64      { return float64(m) / 1000 }
func (g Grade) Letter() string    { return string("FFFFFFDCBAA"[g/10]) }
func (g *Grade) Bump(n uint8)     { *g += Grade(n) }

type Number interface {
	~int | ~int64 | ~float64 | ~uint8
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Mean[T Number](xs []T) float64 {
	return float64(Sum(xs)) / float64(len(xs))
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) T {
	best := xs[0]
	for _, x := range xs[1:] {
		if key(x) > key(best) {
			best = x
		}
	}
	return best
}

type Unit interface {
	Unit() string
}

func (c Celsius) Unit() string    { return "C" }
func (f Fahrenheit) Unit() string { return "F" }
func (m Meters) Unit() string     { return "m" }

func describe(u Unit) string {
	return fmt.Sprintf("unit %s %v", u.Unit(), u)
}

func main() {
	temps := []Celsius{21.5, -3.25, 37, 0, 15.75}
	fmt.Println(temps[0], temps[1].ToF(), Fahrenheit(98.6).ToC())
	fmt.Printf("%v %.2f %s %6.1f\n", temps[2], float64(temps[2]), temps[3], float64(temps[4]))
	fmt.Println("sum", Sum(temps), "mean", Mean(temps))
	sort.Slice(temps, func(i, j int) bool { return temps[i] < temps[j] })
	fmt.Println(float64(temps[0]), float64(temps[len(temps)-1]))
	hottest := MaxBy(temps, func(c Celsius) float64 { return float64(c) })
	fmt.Println("hottest", hottest)

	byCity := map[string]Celsius{"oslo": 4, "rome": 19.5, "cairo": 31}
	byCity["oslo"] += 1.5
	cities := make([]string, 0, len(byCity))
	for c := range byCity {
		cities = append(cities, c)
	}
	slices.Sort(cities)
	for _, c := range cities {
		fmt.Printf("%-6s %s %v\n", c, byCity[c], byCity[c].ToF() > 50)
	}

	dists := []Meters{1200, 350, 4100, 800}
	total := Sum(dists)
	fmt.Println(total, total.Km(), Mean(dists), slices.Max(dists), slices.Index(dists, 4100))
	fmt.Printf("%d %v %x %T\n", total, total, total, total)

	grades := []Grade{95, 67, 82, 58, 74}
	for i := range grades {
		grades[i].Bump(3)
	}
	var letters []string
	for _, g := range grades {
		letters = append(letters, g.Letter())
	}
	fmt.Println(grades, strings.Join(letters, ""), Sum(grades), Mean(grades))

	vals := []Unit{Celsius(10), Fahrenheit(50), Meters(2500), temps[0]}
	for _, v := range vals {
		fmt.Println(describe(v))
	}
	var s fmt.Stringer = Celsius(-40)
	fmt.Println(s, s.String() == "-40.0°C")
	counts := map[Grade]int{}
	for _, g := range grades {
		counts[g/10*10]++
	}
	fmt.Println(counts[60], counts[70], counts[80], counts[90])
}
