// Named types with String methods under many fmt verbs: widths, precision,
// %q, %x, %U, indexed and star arguments, bad verbs, missing and extra args.
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Level int

func (l Level) String() string { return [...]string{"low", "mid", "high"}[l] }

type Money struct{ Cents int64 }

func (m Money) String() string { return fmt.Sprintf("$%d.%02d", m.Cents/100, m.Cents%100) }

func main() {
	c := Celsius(21.55)
	fmt.Printf("%v|%s|%.1f|%6.2f|%g|%e|%q|%x\n", c, c, c, c, c, c, c, c)
	l := Level(2)
	fmt.Printf("%v|%d|%s|%03d|%x|%q|%c|%U\n", l, l, l, l, l, l, l+63, l)
	m := Money{12345}
	fmt.Printf("%v|%s|%+v|%d|%10s|%-10v|\n", m, m, m, m, m, m)
	fmt.Println(fmt.Sprint(c, l, m), fmt.Sprintln(c, 3))
	fmt.Printf("%v %v\n", &m, &l)
	fmt.Printf("%5.1f%%\n", Celsius(99.44))
	fmt.Printf("%[2]v %[1]v %v\n", c, l)
	fmt.Printf("%*d|%-*d|\n", 5, l, 4, l)
	fmt.Printf("%t %v\n", true, nil)
	fmt.Printf("%d %s\n", "x", 5)
	fmt.Printf("%d\n")
	fmt.Printf("x\n", 1)
	report := []struct {
		Name string
		Temp Celsius
		Lvl  Level
		Cost Money
	}{
		{"oven", 180.25, 2, Money{1999}},
		{"fridge", 4.5, 0, Money{50}},
	}
	for _, r := range report {
		fmt.Printf("%-8s %8v %-5v %9v %7.2f\n", r.Name, r.Temp, r.Lvl, r.Cost, float64(r.Temp))
	}
	var total Money
	for _, r := range report {
		total.Cents += r.Cost.Cents
	}
	fmt.Println("total", total, fmt.Sprintf("%08.3f", float64(report[0].Temp)))
}
