package main

import (
	"fmt"
	"strings"
)

type Task struct {
	ID   int
	Deps []int
	Done bool
}

type Runner struct {
	tasks map[int]*Task
	order []int
	log   strings.Builder
}

func (r *Runner) run(id int, depth int) (err error) {
	t, ok := r.tasks[id]
	if !ok {
		return fmt.Errorf("missing task %d", id)
	}
	if t.Done {
		return nil
	}
	if depth > 5 {
		panic(fmt.Sprintf("cycle at %d", id))
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("task %d: %w", id, err)
		}
	}()
	for _, d := range t.Deps {
		if err := r.run(d, depth+1); err != nil {
			return err
		}
	}
	t.Done = true
	r.order = append(r.order, id)
	fmt.Fprintf(&r.log, "%s%d\n", strings.Repeat(" ", depth), id)
	return nil
}

func (r *Runner) RunAll(ids ...int) (n int, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("aborted: %v", p)
			n = -len(r.order)
		}
	}()
	for _, id := range ids {
		if err = r.run(id, 0); err != nil {
			return
		}
		n++
	}
	return
}

func newRunner(deps map[int][]int) *Runner {
	r := &Runner{tasks: map[int]*Task{}}
	for id, d := range deps {
		r.tasks[id] = &Task{ID: id, Deps: d}
	}
	return r
}

func main() {
	r := newRunner(map[int][]int{1: {2, 3}, 2: {3}, 3: nil, 4: {1}})
	n, err := r.RunAll(4, 2)
	fmt.Println(n, err, r.order)
	fmt.Print(r.log.String())

	r2 := newRunner(map[int][]int{1: {2}, 2: {9}})
	n, err = r2.RunAll(1)
	fmt.Println(n, err)

	r3 := newRunner(map[int][]int{1: {2}, 2: {1}})
	n, err = r3.RunAll(1)
	fmt.Println(n, err)

	var cleanups []func() string
	for i := range 3 {
		name := fmt.Sprint("res", i)
		cleanups = append(cleanups, func() string { return name + "/" + fmt.Sprint(i) })
	}
	var out []string
	func() {
		for _, c := range cleanups {
			defer func() { out = append(out, c()) }()
		}
	}()
	fmt.Println(out)
}
