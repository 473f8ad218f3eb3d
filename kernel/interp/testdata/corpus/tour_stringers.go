// The Tour of Go's Stringers and Errors exercises: named array and float types with String and Error methods.
package main

import (
	"fmt"
	"math"
)

type IPAddr [4]byte

func (ip IPAddr) String() string { return fmt.Sprintf("%v.%v.%v.%v", ip[0], ip[1], ip[2], ip[3]) }

type ErrNegativeSqrt float64

func (e ErrNegativeSqrt) Error() string {
	return fmt.Sprintf("cannot Sqrt negative number: %v", float64(e))
}

func Sqrt(x float64) (float64, error) {
	if x < 0 {
		return 0, ErrNegativeSqrt(x)
	}
	return math.Sqrt(x), nil
}

type Person struct {
	Name string
	Age  int
}

func (p Person) String() string { return fmt.Sprintf("%v (%v years)", p.Name, p.Age) }

func main() {
	hosts := map[string]IPAddr{
		"loopback":  {127, 0, 0, 1},
		"googleDNS": {8, 8, 8, 8},
	}
	for name, ip := range hosts {
		if name == "loopback" {
			fmt.Printf("%v: %v\n", name, ip)
		}
	}
	fmt.Println(Sqrt(2))
	fmt.Println(Sqrt(-2))
	_, err := Sqrt(-3)
	fmt.Println(err)
	fmt.Printf("%T %v\n", err, err)
	a := Person{"Arthur Dent", 42}
	z := Person{"Zaphod Beeblebrox", 9001}
	fmt.Println(a, z)
	people := []Person{a, z}
	fmt.Println(len(people), people[0])
}
