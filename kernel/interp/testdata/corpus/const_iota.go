// const and iota: skips, expressions, typed constants with String, big constants.
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue", "Wed"}[d]
}

type Size uint64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

const (
	A, B = iota, iota * 10
	C, D
	_, _
	E, F
)

const huge = 1 << 100
const ratio = huge >> 98

type Flags uint8

const (
	Read Flags = 1 << iota
	Write
	Exec
)

func main() {
	fmt.Println(Sunday, Wednesday, Monday+1, int(Tuesday))
	fmt.Println(KB, MB, GB)
	fmt.Println(A, B, C, D, E, F)
	fmt.Println(ratio, huge/(huge>>3))
	perm := Read | Exec
	fmt.Printf("%03b %v %v\n", perm, perm&Write != 0, perm&Exec != 0)
	const typed float32 = 1.0 / 3
	const untyped = 1.0 / 3
	fmt.Println(typed, untyped, typed == float32(untyped))
	const s = "con" + "cat"
	fmt.Println(s, len(s))
}
