// fmt verbs on builtin values: width, precision, flags, argument indexes.
package main

import "fmt"

func main() {
	fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%b|%#x\n", 42, 42, 42, 42, 255, 255, 8, 5, 255)
	fmt.Printf("%f|%.2f|%8.3f|%-8.1f|%e|%g|%G\n", 3.14159, 3.14159, 3.14159, 2.5, 123456.789, 0.000012, 1e21)
	fmt.Printf("%s|%q|%10s|%-10s|%.3s|%x\n", "go", "go\n", "right", "left", "truncate", "hi")
	fmt.Printf("%c|%U|%q|%d\n", 'λ', 'λ', 'λ', 'λ')
	fmt.Printf("%t|%v|%p\n", true, nil, nil)
	fmt.Printf("%v|%d|%s\n", []int{1, 2}, []int{3, 4}, []string{"a", "b"})
	fmt.Printf("%v|%v\n", map[string]int{"b": 2, "a": 1}, [2]bool{true, false})
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 7, 4, 8, 2, 3.14159)
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("%+d %+d % d\n", 5, -5, 5)
	fmt.Printf("%v %v\n", 1e6, 1e-7)
	fmt.Printf("%T %T %T %T %T\n", 1, 2.0, "s", 'r', []any{1})
	fmt.Println(fmt.Sprintf("%08.3f", -3.14159), fmt.Sprint("a", 1, 2, "b"), fmt.Sprintln("x", 3))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%!d\n", 1)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
}
