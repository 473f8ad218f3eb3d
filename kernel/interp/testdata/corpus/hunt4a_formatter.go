package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
)

type Vec struct{ X, Y float64 }

func (v Vec) Format(f fmt.State, verb rune) {
	p, ok := f.Precision()
	if !ok {
		p = 1
	}
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "Vec{X:%.*f, Y:%.*f}", p, v.X, p, v.Y)
			return
		}
		fmt.Fprintf(f, "(%.*f, %.*f)", p, v.X, p, v.Y)
	default:
		fmt.Fprintf(f, "%%!%c(Vec)", verb)
	}
}

type ID int

func (i ID) GoString() string { return fmt.Sprintf("ID(%d)", int(i)) }

type NotFound struct{ key string }

func (e NotFound) Error() string { return "no " + e.key }

func main() {
	v := Vec{1.25, -3}
	s := fmt.Sprintf("%v|%.3v|%+v|%d|%8.2v|", v, v, v, v, v)
	fmt.Println(s)
	fmt.Printf("%#v %#v\n", ID(4), []int{1})
	err := fmt.Errorf("lookup %v: %w", v, NotFound{"k"})
	fmt.Println(err, errors.Unwrap(err) != nil)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%6.2f|%-8v|", v, v)
	fmt.Println(sb.String())
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', 0)
	fmt.Fprintf(tw, "a\t%v\t%s\n", v, ID(2))
	fmt.Fprintf(tw, "bbbb\t%.0v\t%v\n", v, NotFound{"z"})
	tw.Flush()
	fmt.Println(fmt.Sprint(v, " ", NotFound{"q"}), fmt.Sprintln(ID(3), v))
	b := fmt.Appendf(nil, "%v/%v", v, ID(9))
	fmt.Println(string(b))
}
