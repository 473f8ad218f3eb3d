// Struct embedding: promoted fields and methods, shadowing, interface embedding.
package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string { return fmt.Sprintf("%s has %d legs", a.Name, a.Legs) }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Describe() string { return d.Animal.Describe() + " and is a " + d.Breed }

type Logger struct{ prefix string }

func (l Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	Logger
	*Animal
	calls int
}

type Describer interface{ Describe() string }
type Namer interface{ Rename(string) }
type DescribeNamer interface {
	Describer
	Namer
}

func main() {
	d := Dog{Animal{"Rex", 4}, "beagle"}
	fmt.Println(d.Describe())
	fmt.Println(d.Animal.Describe(), d.Name, d.Legs)
	d.Rename("Max")
	fmt.Println(d.Name)
	s := Service{Logger{"[svc] "}, &Animal{"Tweety", 2}, 0}
	s.Log(s.Describe())
	var dn DescribeNamer = &d
	dn.Rename("Buddy")
	fmt.Println(dn.Describe())
	var ds []Describer = []Describer{d, d.Animal, s}
	for _, x := range ds {
		fmt.Println(x.Describe())
	}
}
