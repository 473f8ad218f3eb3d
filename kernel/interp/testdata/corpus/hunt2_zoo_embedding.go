// Animals behind interfaces: value and pointer receivers, an interface
// and a struct embedded (promoted methods), a decorator holding one, method
// values from interfaces, type switches, and interface values copied from slices.
package main

import (
	"fmt"
	"strings"
)

type Animal interface {
	Sound() string
}

type Dog struct{ name string }

func (d Dog) Sound() string { return d.name + " woof" }

type Cat struct{ name string }

func (c *Cat) Sound() string { return c.name + " meow" }

type Loud struct{ inner Animal }

func (l Loud) Sound() string { return strings.ToUpper(l.inner.Sound()) }

type Pet struct {
	Dog
	Age int
}

func main() {
	d := Dog{"rex"}
	c := &Cat{"tom"}
	zoo := map[string]Animal{"d": d, "c": c, "l": Loud{d}}
	d.name = "changed"
	c.name = "TOM"
	for _, k := range []string{"c", "d", "l"} {
		fmt.Println(k, zoo[k].Sound())
	}
	p := Pet{Dog{"fido"}, 3}
	var a Animal = p
	fmt.Println(a.Sound(), p.Sound())
	p.Dog.name = "rover"
	fmt.Println(a.Sound(), p.Sound())
	fn := a.Sound
	a = Loud{c}
	fmt.Println(fn(), a.Sound())
	animals := []Animal{Dog{"a"}, &Cat{"b"}, Loud{&Cat{"c"}}, Pet{Dog{"e"}, 1}}
	for i, an := range animals {
		switch x := an.(type) {
		case Dog:
			fmt.Println(i, "dog", x.name)
		case *Cat:
			fmt.Println(i, "cat", x.name)
		case Loud:
			_, inner := x.inner.(*Cat)
			fmt.Println(i, "loud", inner)
		default:
			fmt.Println(i, "other", x.Sound())
		}
	}
	fmt.Println(animals[0] == Dog{"a"}, animals[0] != Animal(Dog{"b"}))
	dogs := []Dog{{"x"}, {"y"}}
	var as []Animal
	for _, dd := range dogs {
		as = append(as, dd)
	}
	dogs[0].name = "z"
	fmt.Println(as[0].Sound(), as[1].Sound())
	cats := []Cat{{"m"}, {"n"}}
	var cs []Animal
	for i := range cats {
		cs = append(cs, &cats[i])
	}
	cats[0].name = "M"
	fmt.Println(cs[0].Sound(), cs[1].Sound())
}
