// Cell structs embedding compiled types: *big.Rat, time.Time and
// strings.Builder, with their promoted methods and String.
package main

import (
	"fmt"
	"math/big"
	"strings"
	"time"
)

type Money struct {
	*big.Rat
}

type Stamp struct {
	time.Time
	Label string
}

type Log struct {
	strings.Builder
	lines int
}

func (l *Log) Line(s string) {
	l.lines++
	l.WriteString(s)
	l.WriteByte('\n')
}

func main() {
	m := Money{big.NewRat(7, 4)}
	fmt.Println(m, m.FloatString(2), m.Sign())
	m.Add(m.Rat, big.NewRat(1, 4))
	fmt.Println(m.RatString(), m.String())
	s := Stamp{time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC), "start"}
	fmt.Println(s.Year(), s.Format("15:04"), s.Label, s.Add(time.Hour).Hour())
	fmt.Println(s)
	var lg Log
	lg.Line("a")
	lg.Line("bb")
	fmt.Print(lg.String())
	fmt.Println(lg.lines, lg.Len())
}
