package main

import "fmt"

var log []string

func t(name string, v bool) bool {
	log = append(log, name)
	return v
}

func n(name string, v int) int {
	log = append(log, name)
	return v
}

func main() {
	cases := []func() bool{
		func() bool { return t("a", false) && t("b", true) },
		func() bool { return t("a", true) || t("b", true) },
		func() bool { return t("a", true) && (t("b", false) || t("c", true)) && !t("d", false) },
		func() bool { return (t("a", false) || t("b", false)) || (t("c", true) && t("d", true)) },
		func() bool { return n("x", 1) < n("y", 2) && n("z", 3) == 3 },
		func() bool { return t("a", false) == t("b", false) },
	}
	for i, c := range cases {
		log = nil
		r := c()
		fmt.Println(i, r, log)
	}
	log = nil
	for i := 0; t(fmt.Sprint("cond", i), i < 2) && t("extra", true); i++ {
		log = append(log, "body")
	}
	fmt.Println(log)
	log = nil
	x := 0
	if t("p", x > 0) || x == 0 && t("q", true) {
		log = append(log, "then")
	}
	fmt.Println(log)
	log = nil
	vals := []int{n("e0", 10), n("e1", 20), n("e2", 30)}
	m := map[string]int{"k": n("mv", 1)}
	_ = m
	arr := [...]int{2: n("i2", 1), 0: n("i0", 2)}
	fmt.Println(vals, arr, log)
	log = nil
	a, b := n("A", 1), n("B", 2)
	a, b = b+n("C", 0), a+n("D", 0)
	fmt.Println(a, b, log)
	log = nil
	s := []int{0, 0, 0}
	s[n("idx", 1)] = n("val", 7)
	fmt.Println(s, log)
	log = nil
	res := n("f", 1) + n("g", 2)*n("h", 3) - n("k", 4)
	fmt.Println(res, log)
}
