// Struct values: assignment copies, structs in maps and slices, range value copies, returned structs.
package main

import "fmt"

type Point struct{ X, Y int }

type Player struct {
	Name  string
	Score int
	Pos   Point
}

func newPlayer(n string) Player { return Player{Name: n, Pos: Point{1, 1}} }

func (p Player) Moved(dx int) Player {
	p.Pos.X += dx
	return p
}

func main() {
	p := newPlayer("ann")
	q := p
	q.Score = 10
	q.Pos.Y = 5
	fmt.Println(p, q)
	m := map[string]Player{"ann": p}
	cp := m["ann"]
	cp.Score = 77
	fmt.Println(m["ann"].Score, cp.Score)
	m["ann"] = cp
	fmt.Println(m["ann"].Score)
	players := []Player{newPlayer("a"), newPlayer("b")}
	for _, pl := range players {
		pl.Score = 100
	}
	fmt.Println(players)
	for i := range players {
		players[i].Score += i + 1
	}
	fmt.Println(players)
	r := players[0]
	players[0].Name = "changed"
	fmt.Println(r.Name, players[0].Name)
	moved := p.Moved(3)
	fmt.Println(p.Pos, moved.Pos)
	pp := &players[1]
	pp.Pos.X = 40
	fmt.Println(players[1].Pos)
	var arr [2]Player
	arr[0] = p
	arr[0].Score = -1
	fmt.Println(p.Score, arr[0].Score)
	s := struct {
		P Point
		L []int
	}{Point{2, 3}, []int{1}}
	t := s
	t.P.X = 20
	t.L[0] = 10
	fmt.Println(s, t)
	pts := map[Point]string{{1, 2}: "a", {3, 4}: "b"}
	fmt.Println(pts[Point{3, 4}], len(pts))
}
