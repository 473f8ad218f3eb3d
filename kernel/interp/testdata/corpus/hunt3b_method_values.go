package main

import "fmt"

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(s string) { l.lines = append(l.lines, l.prefix+s) }
func (l Logger) Count() int    { return len(l.lines) }

type Engine struct {
	*Logger
	Name string
	RPM  int
}

func (e Engine) Describe() string { return fmt.Sprintf("%s@%d", e.Name, e.RPM) }
func (e *Engine) Rev(d int)       { e.RPM += d; e.Log(fmt.Sprint("rev ", e.RPM)) }

type Car struct {
	Engine
	Model string
}

func (c Car) Describe() string { return c.Model + "/" + c.Engine.Describe() }

type Describer interface{ Describe() string }

func main() {
	lg := &Logger{prefix: "> "}
	car := Car{Engine: Engine{Logger: lg, Name: "v8", RPM: 1000}, Model: "gt"}
	d1 := car.Describe
	d2 := car.Engine.Describe
	rev := car.Rev
	rev(500)
	car.Rev(250)
	fmt.Println(d1(), d2(), car.Describe(), car.RPM)

	var ds []Describer = []Describer{car, car.Engine, &car, &car.Engine}
	car.RPM = 9
	for _, d := range ds {
		fmt.Print(d.Describe(), " ")
	}
	fmt.Println()

	count := car.Count
	car.Log("x")
	fmt.Println(count(), car.Count(), lg.Count(), len(lg.lines))

	cars := []Car{car, car}
	cars[0].RPM = 1
	cars[1].Model = "rs"
	for _, c := range cars {
		c.Rev(1)
	}
	fmt.Println(cars[0].RPM, cars[1].RPM, cars[1].Describe(), lg.Count())

	fexpr := (*Engine).Rev
	fexpr(&cars[1].Engine, 100)
	fdesc := Car.Describe
	fmt.Println(fdesc(cars[1]), Engine.Describe(cars[0].Engine))

	byName := map[string]Car{"a": car}
	c := byName["a"]
	c.Rev(5)
	byName["a"] = c
	fmt.Println(byName["a"].RPM, car.RPM)

	e2 := car.Engine
	e2.Logger = &Logger{prefix: "# "}
	e2.Rev(1)
	car.Rev(2)
	fmt.Println(e2.lines, len(car.lines))
	for _, l := range lg.lines[len(lg.lines)-3:] {
		fmt.Println(l)
	}
}
