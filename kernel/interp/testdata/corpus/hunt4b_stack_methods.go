package main

import "fmt"

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}
func (s Stack) Peek() int { return s[len(s)-1] }

type Matrix [][]float64

func (m Matrix) T() Matrix {
	out := make(Matrix, len(m[0]))
	for j := range out {
		out[j] = make([]float64, len(m))
		for i := range m {
			out[j][i] = m[i][j]
		}
	}
	return out
}

func main() {
	var s Stack
	for i := range 5 {
		s.Push(i * i)
	}
	a := s
	a.Push(100)
	fmt.Println(s, a)
	top := s.Pop()
	fmt.Println(top, s.Peek(), len(s), cap(s) >= 4, s)
	ss := []Stack{{1}, {2}}
	ss[0].Push(5)
	ps := &ss[1]
	ps.Push(6)
	fmt.Println(ss)
	m := map[string]*Stack{"x": &Stack{}}
	m["x"].Push(3)
	m["x"].Push(4)
	fmt.Println(*m["x"], m["x"].Peek())
	fmt.Println(m["x"].Pop(), *m["x"])
	mat := Matrix{{1, 2, 3}, {4, 5, 6}}
	fmt.Println(mat.T(), mat.T().T()[1], len(mat.T()))
	type Named struct{ S Stack }
	n := Named{}
	n.S.Push(1)
	n2 := n
	n2.S.Push(2)
	n.S[0] = 9
	fmt.Println(n, n2)
	var st interface{ Push(int) } = &s
	st.Push(42)
	fmt.Println(s.Peek())
	push := (*Stack).Push
	push(&s, 43)
	fmt.Println(s)
}
