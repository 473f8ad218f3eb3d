package main

import (
	"fmt"
	"slices"
	"strings"
)

// A small table of mixed cells, built by variadic helpers that take ...any:
// a []any passed as one argument is one value, not the arguments themselves.

type Table struct {
	header []string
	rows   [][]any
}

func (t *Table) Add(cells ...any) { t.rows = append(t.rows, cells) }

func count(args ...any) int { return len(args) }

func describe(label string, args ...any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = fmt.Sprintf("%T", a)
	}
	return fmt.Sprintf("%s(%d): %s", label, len(args), strings.Join(parts, ","))
}

type Row []any

func collect[T any](xs ...T) []T { return xs }

func main() {
	row := []any{"berlin", 3.5, 12}
	fmt.Println(count(row), count(row...), count(row, row, row), count(1, row))
	fmt.Println(describe("one", row), describe("spread", row...), describe("mixed", "x", row))
	fmt.Println(count(Row{1, 2}), count(any(row)), count([]any{}), count([]any(nil)))

	var bag []any
	bag = append(bag, row)
	bag = append(bag, 7, row)
	bag = append(bag, row...)
	fmt.Println(len(bag), bag)

	t := &Table{header: []string{"city", "rate", "n"}}
	t.Add(row...)
	t.Add("paris", 2.25, 9)
	t.Add(row)
	for _, r := range t.rows {
		fmt.Println(len(r), r)
	}

	nested := collect[any](row, 1)
	fmt.Println(len(nested), nested)
	inferred := collect(row, row)
	fmt.Println(len(inferred), inferred)

	f := func(xs ...any) int { return len(xs) }
	g := count
	fmt.Println(f(row), g(row), f(row, row))

	var errs []error
	fmt.Println(count(errs), count(slices.Clone(row)))
}
