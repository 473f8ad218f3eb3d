// Constants with iota and typed constants, shadowing in nested scopes and if/else chains.
package main

import (
	"fmt"
	"strconv"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	_  = iota
	A1 = iota * 10
	B1
	C1 = "str"
	D1
	E1 = iota + 0.5
)

type Flag uint8

const (
	FRead Flag = 1 << iota
	FWrite
	FExec
)

const big = 1 << 100
const ratio = big >> 98

var x = 1

func shadow() int {
	x := x + 1
	{
		x := x * 10
		x++
		_ = x
	}
	if x := 100; x > 50 {
		return x + 1
	}
	return x
}

func parse(s string) (n int, err error) {
	if n, err := strconv.Atoi(s); err == nil {
		return n * 2, nil
	} else if n2, err := strconv.ParseFloat(s, 64); err == nil {
		return int(n2), nil
	} else {
		_ = n
		return -1, err
	}
}

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday)
	fmt.Println(A1, B1, C1, D1, E1)
	perm := FRead | FExec
	fmt.Println(perm, perm&FWrite != 0, perm&^FRead, FExec>>1 == FWrite)
	fmt.Printf("%03b %T\n", perm, perm)
	fmt.Println(ratio, big/(big>>3))
	fmt.Println(shadow(), x)
	fmt.Println(parse("21"))
	fmt.Println(parse("2.9"))
	fmt.Println(parse("x"))
	y := 1
	if true {
		y := 2
		y++
	}
	fmt.Println(y)
	err := fmt.Errorf("outer")
	if _, err := strconv.Atoi("7"); err == nil {
		fmt.Println("inner nil")
	}
	fmt.Println(err)
	for i := 0; i < 2; i++ {
		i := i * 10
		fmt.Print(i, " ")
	}
	fmt.Println()
	const local = 3.0
	var f float32 = local / 2
	var n int = local
	fmt.Println(f, n, local/2)
	fmt.Println(Weekday(4) == Thursday, Monday+Tuesday)
}
