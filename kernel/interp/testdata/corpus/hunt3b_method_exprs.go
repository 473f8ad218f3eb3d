package main

import "fmt"

type Engine struct{ hp int }

func (e *Engine) Boost(n int) int { e.hp += n; return e.hp }
func (e Engine) Power() int       { return e.hp }

type Car struct {
	*Engine
	Name string
}

type Truck struct {
	Engine
	Load int
}

func main() {
	boost := Car.Boost
	power := Car.Power
	c := Car{&Engine{100}, "c"}
	fmt.Println(boost(c, 5), power(c), c.hp)
	tboost := (*Truck).Boost
	tpower := Truck.Power
	t := Truck{Engine{200}, 1}
	fmt.Println(tboost(&t, 7), tpower(t), t.hp)
	fns := map[string]func(int) int{"car": c.Boost, "truck": t.Boost}
	fns["car"](1)
	fns["truck"](1)
	fmt.Println(c.hp, t.hp)
	type op struct {
		name string
		f    func(Truck) int
	}
	ops := []op{{"power", Truck.Power}, {"load", func(t Truck) int { return t.Load }}}
	for _, o := range ops {
		fmt.Print(o.name, "=", o.f(t), " ")
	}
	fmt.Println()
	pw := t.Power
	t.hp = 1
	fmt.Println(pw(), t.Power())
	cp := c.Power
	c.hp = 2
	fmt.Println(cp(), c.Power())
	var e *Engine
	func() {
		defer func() { fmt.Println("recovered", recover() != nil) }()
		f := e.Power
		fmt.Println("not reached", f())
	}()
	arr := []Truck{{Engine{1}, 0}, {Engine{2}, 0}}
	for i := range arr {
		arr[i].Boost(10)
	}
	for _, tr := range arr {
		tr.Boost(100)
	}
	fmt.Println(arr[0].hp, arr[1].hp)
}
