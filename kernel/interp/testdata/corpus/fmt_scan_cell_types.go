// fmt's Scan functions fill values of cell types through pointers: a named
// float type, and fields of a struct, in a loop.
package main

import "fmt"

type Celsius float64

type Reading struct {
	C    Celsius
	When string
}

func main() {
	var c Celsius
	n, err := fmt.Sscan("21.5", &c)
	fmt.Println(n, err, float64(c))
	var rs []Reading
	for _, line := range []string{"1.5 am", "2.5 pm"} {
		var rd Reading
		fmt.Sscan(line, &rd.C, &rd.When)
		rs = append(rs, rd)
	}
	fmt.Println(rs)
	var a, b int
	k, err := fmt.Sscanf("3-4", "%d-%d", &a, &b)
	fmt.Println(k, err, a, b)
}
