// Typed constants and expressions of named types with String methods:
// iota weekdays, a Celsius constant, arithmetic results, min/max, method expressions.
package main

import (
	"fmt"
	"time"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

const Boiling Celsius = 100

func warmer(c Celsius) Celsius { return c + 5 }

func main() {
	fmt.Println(Boiling, Boiling/2, -Boiling, Celsius(1)+2)
	c := Celsius(20)
	fmt.Println(c*2, c-30, warmer(c), warmer(c)+1, c+Boiling)
	fmt.Println(Monday, Tuesday+0, Sunday+1, Weekday(2))
	d := Monday
	d++
	fmt.Println(d, d-1, []string{d.String()})
	fmt.Println(time.Second*2, 3*time.Minute/2, time.Duration(90)*time.Second)
	var x any = c + 1
	fmt.Println(x)
	fmt.Printf("%v %s %d\n", Tuesday, Monday, Tuesday)
	cs := [2]Celsius{1, 2}
	fmt.Println(cs[0]+cs[1], max(cs[0], cs[1]), min(c, Boiling))
	fmt.Println(func() Celsius { return 7 }())
	f := Celsius.String
	fmt.Println(f(3), fmt.Sprint(Celsius(4)), fmt.Sprintf("%v|%6v|", Celsius(5), Monday))
}
