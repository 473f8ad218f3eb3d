package main

import (
	"errors"
	"fmt"
)

func chain() (msg string) {
	defer func() {
		r := recover()
		msg = fmt.Sprint("final: ", r)
	}()
	defer func() {
		panic("second")
	}()
	defer fmt.Println("plain defer runs")
	panic("first")
}

func cleanupErr() (err error) {
	defer func() {
		if cerr := closeRes("b"); cerr != nil {
			err = errors.Join(err, cerr)
		}
	}()
	defer func() {
		if cerr := closeRes("a"); cerr != nil {
			err = errors.Join(err, cerr)
		}
	}()
	return errors.New("work failed")
}

func closeRes(name string) error {
	if name == "b" {
		return fmt.Errorf("close %s failed", name)
	}
	return nil
}

func loopRecover(xs []int) (out []string) {
	for _, x := range xs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					out = append(out, fmt.Sprint("recovered ", r))
				}
			}()
			if x == 0 {
				panic("zero")
			}
			out = append(out, fmt.Sprint(100/x))
		}()
	}
	return
}

type stack struct{ items []string }

func (s *stack) push(v string) { s.items = append(s.items, v) }

func ordered() []string {
	s := &stack{}
	func() {
		for i := range 3 {
			defer s.push(fmt.Sprint("loop", i))
		}
		defer func() {
			if r := recover(); r != nil {
				s.push(fmt.Sprint("caught ", r))
			}
		}()
		var arr []int
		_ = arr[5]
	}()
	return s.items
}

func main() {
	fmt.Println(chain())
	fmt.Println(cleanupErr())
	fmt.Println(loopRecover([]int{5, 0, 20, 0}))
	fmt.Println(ordered())
	func() {
		defer func() {
			r := recover()
			err, ok := r.(error)
			fmt.Println(ok, err)
		}()
		var m map[string][]int
		m["a"] = append(m["a"], 1)
	}()
	func() {
		defer func() { fmt.Println("re:", recover()) }()
		defer func() {
			if r := recover(); r != nil {
				panic(fmt.Sprintf("wrapped(%v)", r))
			}
		}()
		panic(errors.New("inner"))
	}()
}
