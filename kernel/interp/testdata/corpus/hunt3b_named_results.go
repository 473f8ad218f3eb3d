package main

import (
	"errors"
	"fmt"
	"strconv"
)

func parseAll(xs []string) (nums []int, bad int, err error) {
	for _, x := range xs {
		n, err := strconv.Atoi(x)
		if err != nil {
			bad++
			continue
		}
		nums = append(nums, n)
	}
	if bad > 0 {
		err = fmt.Errorf("%d bad", bad)
	}
	return
}

func minMax(xs ...int) (lo, hi int) {
	if len(xs) == 0 {
		return
	}
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		} else if x > hi {
			hi = x
		}
	}
	return lo, hi
}

func counter() (next func() int, total *int) {
	var t int
	total = &t
	next = func() int {
		t++
		return t
	}
	return
}

func depth(n int) (d int, err error) {
	defer func() {
		if err != nil {
			d = -d
		}
	}()
	if n < 0 {
		return 1, errors.New("negative")
	}
	if n == 0 {
		return 0, nil
	}
	d, err = depth(n / 2)
	d++
	return
}

func swapNamed(a, b string) (x, y string) {
	x, y = b, a
	{
		x := "shadow"
		_ = x
	}
	return
}

func retry(attempts int, f func(int) error) (tries int, err error) {
	for tries = 1; tries <= attempts; tries++ {
		if err = f(tries); err == nil {
			return
		}
	}
	tries--
	return tries, fmt.Errorf("after %d: %w", tries, err)
}

func main() {
	nums, bad, err := parseAll([]string{"1", "x", "22", "", "3"})
	fmt.Println(nums, bad, err)
	fmt.Println(minMax(4, -2, 9, 0))
	fmt.Println(minMax())
	next, total := counter()
	next()
	next()
	fmt.Println(next(), *total)
	fmt.Println(depth(20))
	fmt.Println(depth(-1))
	fmt.Println(swapNamed("a", "b"))
	tries, err := retry(5, func(i int) error {
		if i < 3 {
			return errors.New("not yet")
		}
		return nil
	})
	fmt.Println(tries, err)
	tries, err = retry(2, func(i int) error { return fmt.Errorf("fail %d", i) })
	fmt.Println(tries, err)
}
