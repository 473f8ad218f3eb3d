package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Temp float64

var count = 100

var errNeg = errors.New("negative")

func parse(s string) (n int, err error) {
	if n, err := strconv.Atoi(s); err != nil {
		return 0, fmt.Errorf("parse %q: %w", s, err)
	} else if n < 0 {
		return n, errNeg
	} else {
		n *= 2
		_ = n
	}
	n, err = strconv.Atoi(s)
	return
}

func named() (x int, err error) {
	x = 1
	{
		x := 2
		x++
		_ = x
	}
	if x, err := strconv.Atoi("5"); err == nil {
		x += 10
		_ = x
	}
	defer func() { x *= 3 }()
	return x + 1, err
}

func useTypeName() string {
	Temp := 3
	count := count + Temp
	return fmt.Sprint(Temp, count)
}

func main() {
	for _, s := range []string{"21", "x", "-3"} {
		n, err := parse(s)
		fmt.Println(n, err, errors.Is(err, errNeg))
	}
	fmt.Println(named())
	fmt.Println(useTypeName(), count, Temp(1.5))
	err := errors.New("outer")
	if true {
		v, err := strconv.Atoi("7")
		fmt.Println(v, err)
		if err == nil {
			err := fmt.Errorf("inner %d", v)
			fmt.Println(err)
		}
	}
	fmt.Println(err)
	x := 1
	if x := x * 10; x > 5 {
		fmt.Println("if", x)
	} else if y := x + 1; y > 0 {
		fmt.Println("elif", x, y)
	}
	switch x := x + 1; {
	case x > 1:
		x := "str"
		fmt.Println("switch", x)
	}
	fmt.Println(x)
	count := 0
	total := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			switch {
			case j > i:
				continue outer
			case i == 4:
				break outer
			}
			count++
			total += i * j
		}
	}
	fmt.Println(count, total)
	len := func(s string) int { return 42 }
	fmt.Println(len("abc"))
	{
		fmt := "shadowed fmt"
		_ = fmt
	}
	var string = "a string var"
	fmt.Println(string)
	true := false
	fmt.Println(true, !true)
	for i := 0; i < 2; i++ {
		i := i * 10
		fmt.Print(i, " ")
	}
	fmt.Println()
}
