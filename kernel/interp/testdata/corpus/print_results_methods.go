// Values of cell types with String methods printed straight from a call, a
// method call or a type assertion: fmt calls String as in Go.
package main

import "fmt"

type Version struct{ Major, Minor int }

func (v Version) String() string { return fmt.Sprintf("v%d.%d", v.Major, v.Minor) }

type PV struct{ N int }

func (v *PV) String() string { return fmt.Sprint("pv", v.N) }

type Rel struct{ V Version }

func mk() Version { return Version{5, 6} }

func main() {
	var a any = Version{1, 2}
	vs := []Version{{7, 8}}
	m := map[string]Version{"k": {9, 9}}
	r := Rel{Version{3, 3}}
	var pa any = &PV{4}
	fmt.Println(a.(Version), mk(), vs[0], m["k"], r.V, pa.(*PV), Version{1, 1}, (Version{2, 2}))
	fmt.Printf("%v %s|%v\n", a.(Version), a.(Version), pa.(*PV))
	fmt.Println(fmt.Sprint(a.(Version)), fmt.Sprintf("%v", mk()))
}
