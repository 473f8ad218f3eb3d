package main

import (
	"errors"
	"fmt"
	"strings"
)

type Counter struct {
	Name string
	N    int
}

func (c Counter) Show() string { return fmt.Sprintf("%s=%d", c.Name, c.N) }
func (c *Counter) Inc()        { c.N++ }

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return
}

func tripled(x int) (r int) {
	defer func() { r *= 3 }()
	return x + 1
}

func rethrow() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = "outer caught: " + fmt.Sprint(r)
		}
	}()
	func() {
		defer func() {
			if r := recover(); r != nil {
				panic(fmt.Sprintf("re-%v", r))
			}
		}()
		panic("boom")
	}()
	return "unreachable"
}

func collect() (out []string, err error) {
	defer func() {
		out = append(out, "done")
		if err != nil {
			err = errors.Join(err, errors.New("cleanup"))
		}
	}()
	out = append(out, "start")
	return out, errors.New("failed")
}

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	c := Counter{Name: "a"}
	show := c.Show
	inc := c.Inc
	inc()
	inc()
	c.N += 10
	fmt.Println(show(), c.Show(), c.N)

	showE := Counter.Show
	incE := (*Counter).Inc
	incE(&c)
	fmt.Println(showE(c))

	total := 0
	add := func(xs ...int) {
		for _, x := range xs {
			total += x
		}
	}
	add(1, 2, 3)
	add()
	fmt.Println("total", total)

	q, err := safeDiv(7, 0)
	fmt.Println(q, err)
	q, err = safeDiv(7, 2)
	fmt.Println(q, err)
	fmt.Println(tripled(4))
	fmt.Println(rethrow())
	out, err := collect()
	fmt.Println(strings.Join(out, ","), strings.ReplaceAll(err.Error(), "\n", "|"))

	cs := []Counter{{"x", 1}, {"y", 2}}
	var shows []func() string
	for _, cc := range cs {
		shows = append(shows, cc.Show)
	}
	cs[0].N = 100
	for _, s := range shows {
		fmt.Print(s(), ";")
	}
	fmt.Println()
}
