// Package std holds the generic packages of Go's standard library that yaegi
// v0.16.1 cannot offer from compiled code (yaegi's extract skips generic
// functions, and the copies of Go's own source yaegi bundles stop at Go 1.22 and
// fail to compile with explicit type arguments): cmp, iter, maps, slices, and
// errors with AsType. Each is written here by hand as plain Go that yaegi runs
// correctly (no range over functions, no min/max or clear builtins, no
// `range n`, explicit type arguments on every generic call inside but those of
// one type parameter that the arguments give: yaegi instantiates f[T] inside a
// generic function wrongly once T stands for a defined type, such as a cell's
// type Celsius float64, and infers it right), served to
// the session as interpreted source under ratelab/std/<name> (see
// ../stdsrc.go), and compiled by the Go toolchain too, so that their tests
// check them against Go's own packages.
//
// yaegi resolves a generic function's constraints in the scope of the code that
// calls it, where the package's own names (slices' cmp import, cmp's Ordered)
// are not: slices spells cmp.Ordered out as an interface literal wherever it
// constrains a type parameter.
//
// Sorting an ordered slice of a compiled element type (int, float64, string…)
// goes to compiled code (package fast): see DESIGN.md for the measurements.
package std
