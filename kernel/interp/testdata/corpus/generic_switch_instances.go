// Type switches and assertions naming instances with several type arguments:
// P[string, int] in main and in a function, and P[K, V] and S[P[K, V]] in a
// generic function (hunt3b L6).
package main

import "fmt"

type P[K, V any] struct {
	Key K
	Val V
}

type S[T any] struct{ x T }

func kind(v any) string {
	switch x := v.(type) {
	case P[string, int]:
		return "P " + x.Key
	case *P[string, int]:
		return "*P " + x.Key
	case []P[int, int]:
		return fmt.Sprint("slice ", len(x))
	default:
		return "other"
	}
}

func describe[K comparable, V any](v any) string {
	switch x := v.(type) {
	case P[K, V]:
		return fmt.Sprint("P ", x.Key, " ", x.Val)
	case S[P[K, V]]:
		return fmt.Sprint("S ", x.x.Key)
	case []P[K, V], map[K]P[K, V]:
		return fmt.Sprint("many ", x)
	case nil:
		return "nil"
	}
	return "other"
}

func main() {
	var v any = P[string, int]{"k", 1}
	switch x := v.(type) {
	case P[string, int]:
		fmt.Println("P", x.Key)
	default:
		fmt.Println("other")
	}
	var w any = 1
	switch w.(type) {
	case P[string, int]:
		fmt.Println("P")
	default:
		fmt.Println("not P")
	}
	fmt.Println(kind(1), kind(v), kind(&P[string, int]{"p", 2}), kind([]P[int, int]{{1, 2}}))
	_, ok := v.(P[string, int])
	fmt.Println(ok)
	fmt.Println(describe[string, int](v))
	fmt.Println(describe[int, int](v))
	fmt.Println(describe[string, int](S[P[string, int]]{P[string, int]{"s", 3}}))
	fmt.Println(describe[int, bool]([]P[int, bool]{{1, true}}))
	fmt.Println(describe[int, bool](map[int]P[int, bool]{2: {2, false}}))
	fmt.Println(describe[int, bool](nil))
}
