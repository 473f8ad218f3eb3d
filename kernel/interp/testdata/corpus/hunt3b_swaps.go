package main

import (
	"fmt"
	"sort"
)

type Vec struct{ X, Y int }

type Node struct {
	Val         int
	Left, Right *Node
}

func (n *Node) Mirror() {
	if n == nil {
		return
	}
	n.Left, n.Right = n.Right, n.Left
	n.Left.Mirror()
	n.Right.Mirror()
}

func (n *Node) InOrder(out *[]int) {
	if n == nil {
		return
	}
	n.Left.InOrder(out)
	*out = append(*out, n.Val)
	n.Right.InOrder(out)
}

func divmod(a, b int) (q, r int) { return a / b, a % b }

func main() {
	m := map[string]int{"a": 1, "b": 2}
	m["a"], m["b"] = m["b"], m["a"]
	fmt.Println(m["a"], m["b"])

	p := &Vec{1, 2}
	p.X, p.Y = p.Y, p.X
	fmt.Println(*p)

	arr := [3]Vec{{1, 1}, {2, 2}, {3, 3}}
	arr[0], arr[2] = arr[2], arr[0]
	arr[1].X, arr[1].Y = arr[1].Y+10, arr[1].X-10
	fmt.Println(arr)

	var i1, i2 any = "s", 3
	i1, i2 = i2, i1
	fmt.Println(i1, i2)

	vs := []*Vec{{1, 0}, {2, 0}}
	vs[0], vs[1] = vs[1], vs[0]
	vs[0].Y = 9
	fmt.Println(*vs[0], *vs[1])

	root := &Node{4, &Node{2, &Node{1, nil, nil}, &Node{3, nil, nil}}, &Node{6, nil, nil}}
	var before, after []int
	root.InOrder(&before)
	root.Mirror()
	root.InOrder(&after)
	fmt.Println(before, after)

	q, r := divmod(17, 5)
	q, r = r, q
	fmt.Println(q, r)
	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	fmt.Println(x, y, z)

	fib := [10]int{0, 1}
	a, b := 0, 1
	for i := 2; i < len(fib); i++ {
		a, b = b, a+b
		fib[i] = b
	}
	fmt.Println(fib)

	grid := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	for i := range grid {
		for j := i + 1; j < len(grid); j++ {
			grid[i][j], grid[j][i] = grid[j][i], grid[i][j]
		}
	}
	fmt.Println(grid)

	people := map[string]Vec{"al": {30, 1}, "bo": {25, 2}}
	names := []string{"bo", "al"}
	sort.Slice(names, func(i, j int) bool { return people[names[i]].X > people[names[j]].X })
	tmp := people["al"]
	tmp.X, tmp.Y = tmp.Y, tmp.X
	people["al"] = tmp
	fmt.Println(names, people)
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	var c1, c2 int
	c1, c2 = <-ch, <-ch
	fmt.Println(c1, c2)
}
