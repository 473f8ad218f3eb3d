// Package desugar rewrites type-checked cells into the Go that yaegi v0.16.1 runs
// correctly. It works on the syntax package check typed, in place, keeping the
// positions of the user's nodes so that errors still point into the cell.
//
// With types it can:
//   - write every constant expression as a literal of the value go/types
//     computed, rounded to its type as Go rounds it (consts.go);
//   - give every call of a generic function its type arguments, from what the
//     checker inferred, so the interpreter never infers (it fails through ~[]E
//     constraints and from arguments' result types), and wrap a generic function
//     used as a value, which the interpreter instantiates wrongly (generic.go);
//   - keep type parameters out of the places where the interpreter looks them
//     up by name and fails for any defined type argument: conversions T(x),
//     literals T{…} and type switch cases of a type parameter (typeparams.go,
//     typeswitch.go);
//   - replace the builtins the interpreter lacks: min and max (constants folded,
//     the rest through generic helpers with Go's NaN and signed-zero rules), clear,
//     new(expr) (builtins.go);
//   - turn `for i := range n` over any integer into a counting loop (rangeint.go),
//     a range over a string into a loop decoding it rune by rune, and one over a
//     pointer to an array into a counting loop (rangeloops.go), and a range over
//     a function (iter.Seq, iter.Seq2 and the like) into a call of the function
//     with the body as its yield callback, break, continue, return, labels and
//     defer included (rangefunc.go);
//   - evaluate a method value's receiver where it is made, as Go does, where the
//     interpreter reads it when the method value is called (generic.go);
//   - work around how the interpreter runs a cell's top level, where variables are
//     the session's: multi-value assignments go through temporaries, `_` is never a
//     variable, and sibling statements' variables do not share slots (toplevel.go);
//   - set named results to their zero values first, and put the results of a
//     return that calls a builtin after its first in temporaries: the
//     interpreter starts named results from their slot's last value, and
//     writes such a builtin's value to the first result (results.go);
//   - put the value of an assignment that is a receive or a composite literal
//     in parentheses, which the interpreter otherwise builds in a new place for
//     its variable, away from the pointers and closures that have the old one;
//     and give a range statement that assigns its variables, which the
//     interpreter leaves unassigned, temporaries that the body assigns to them
//     (reassign.go);
//   - put the values of a parallel assignment in temporaries first where one
//     is a call, a composite literal or a receive, which the interpreter
//     writes straight into its variable, leaving the others unassigned
//     (parallel.go);
//   - drop the blank names of var declarations without values, which the
//     interpreter cannot compile in a function (blank.go);
//   - send the calls of compiled methods the session replaces to its runtime
//     (methods.go: json.Decoder.Decode, whose errors must name cell structs,
//     and the methods of reflect.Type and reflect.Value that would describe a
//     cell's struct type as the interpreter built it), and refuse such a method
//     used as a value;
//   - write out the struct of a type defined from a cell's struct type, which
//     the interpreter would give the other type's identity (structdefs.go);
//   - write out the methods a struct promotes from an embedded interface, which
//     the interpreter does not promote (promoted.go);
//   - give fmt's and log's print functions, and a cell's shown value, what the
//     interpreter keeps off a value: the name of a cell's named type that is not
//     a struct, and the String or Error method of a value held in an interface
//     (printargs.go);
//   - check the indexes and slice expressions that are not provably in range
//     before the interpreter does, to panic with Go's message, which gives the
//     index and the length (bounds.go);
//   - copy a value of a cell's type with methods before it is converted to an
//     interface, which the interpreter makes refer to the variable, call result
//     or literal the value was in, so that it changes with them (a slice of
//     Shapes appended in a loop all held the last); and refuse a nil pointer of
//     a cell's type where it is converted to a compiled interface (error…),
//     which the interpreter makes a nil interface where Go keeps a non-nil one
//     holding the nil pointer (ifaceconv.go);
//   - bind what a deferred call uses at the defer statement (defer.go), and make
//     each deferred call of a function that may run several catch its panic, so
//     that it replaces the function's panic and the other deferred calls still
//     run, as in Go, where the interpreter stops at the first that panics
//     (deferpanic.go);
//   - turn an expression switch with a case expression after the first that
//     the interpreter would never evaluate (a call, an index, a literal…) into
//     a switch without a tag on a temporary (switchcases.go, compare.go);
//   - put false first in a chain of || and && whose first operand holds a
//     composite literal, which the interpreter would never build (logicalops.go);
//
// and, with syntax alone, send a break in a block of a select's clause to the
// select, labelling it, where the interpreter leaves the loop around it
// (selectbreak.go), move a switch's default clause to the end, where the
// interpreter would swap it with the last clause (switchcases.go), recover panics in goroutines (goroutine.go), give
// closures per-iteration loop variables (loopvars.go), make every closure that
// may outlive its statement apart from the frame that runs (closures.go), and
// tag the fields of struct types with what compiled code reading them by
// reflection must know: which are unexported, which type is which (structtags.go).
//
// The helpers the rewritten code calls are Prelude, which the session runs once.
package desugar

import (
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/ratelab/ratelab/kernel/interp/check"
	"github.com/ratelab/ratelab/kernel/interp/refuse"
)

// Config tells the desugarer how the session names what rewritten code uses.
type Config struct {
	Fset *token.FileSet
	// Runtime is the name the session's runtime package is imported under; its
	// GoPanic(pos string, v any) reports a goroutine's panic, and Recovered(v any)
	// any turns what the interpreter's recover() returned into what Go's returns.
	Runtime string
	// TypeName returns the name the interpreter knows a type of the session by,
	// or false if it cannot name it any more. Types the unit declares are asked for
	// too: their name in the cell is right (the session renames after desugaring).
	TypeName func(*types.TypeName) (string, bool)
	// Import returns the name under which the interpreter has the package at path
	// for rewritten code, importing it if need be: a name no cell can shadow.
	Import func(path string) string
	// Has reports whether the interpreter has path.name of a compiled package.
	Has func(path, name string) bool
	// Unique returns a number never returned before in the session, for the
	// names of temporaries.
	Unique func() int
	// NoBounds leaves out the bounds checks (bounds.go): for benchmarks that
	// measure what they cost.
	NoBounds bool
	// Alias returns the name of an alias of the type written typ (an
	// instance of a generic type, see instances.go) that the session declares
	// at package level before the unit runs.
	Alias func(typ string) string
}

// desugarer rewrites one unit.
type desugarer struct {
	cfg  Config
	unit *check.Unit
	info *types.Info
	// result is the unit's result expression as checked, before any rewrite.
	result ast.Expr
	// escaping holds the loops' variables whose address their body takes
	// (escapingLoopVars).
	escaping map[*ast.Ident]bool
	// typeParams holds the new names of the type parameters typeParamNames
	// renamed.
	typeParams map[*types.TypeName]string
	// aliases maps the instances of generic types a unit of declarations
	// declares aliases of to their names (instanceAlias).
	aliases map[string]string
	// aliasDecls holds their declarations, placed by placeAliases.
	aliasDecls []*ast.GenDecl
	errs       []error
}

// Unit rewrites u, which check.Session.Check has typed, in place. It returns a
// *refuse.Error for a construct it cannot rewrite.
func Unit(u *check.Unit, cfg Config) error {
	if u.Kind == check.Imports {
		return nil
	}
	d := &desugarer{cfg: cfg, unit: u, info: u.Info, escaping: map[*ast.Ident]bool{}}
	if es := u.ResultExpr(); es != nil {
		d.result = es.X
	}
	var root ast.Node = u.File
	body := u.Body()
	if body != nil {
		root = body
	}
	d.typeParamNames(u.File)
	d.basicConstraintTerms(u.File)
	d.shadowedIota(u.File)
	d.selectBreaks(root)
	d.defaultsLast(root)
	// Statements first, while the expressions they hold are still the typed ones.
	d.escapingLoopVars(root)
	d.constDecls(root)
	d.structDefinitions(u.File)
	if u.Kind == check.Decls {
		d.promotedMethods(u.File)
	}
	if !cfg.NoBounds {
		d.bounds(root) // first, while every index is typed; it moves no statement
	}
	d.reassignments(root) // before the passes that rewrite assignments and ranges further
	d.comparisons(root)
	d.errorCalls(root)
	d.defers(root)
	d.typeSwitches(root)
	d.interfaceAssertions(root)
	d.printArgs(root)
	d.interfaceConversions(root)
	d.variadicArgs(root)
	d.results(root)
	d.genericVarDecls(root)
	d.parallelAssigns(root)
	d.runtimeMethodValues(root)
	blankVars(root)
	d.statements(root)
	if body != nil {
		d.topLevel(body)
	}
	d.logicalFirstOperands(root)
	d.expressions(root)
	d.elidedAddresses(root)
	d.instanceAliases(root)
	d.placeAliases()
	d.genericPointers(root)
	if len(d.errs) > 0 {
		return d.errs[0]
	}
	goStatements(root, cfg)
	perIteration(root, d.escaping, cfg)
	isolateClosures(root)
	tagCellStructs(u.File, cfg.Runtime) // under the names the cell gave its types
	return nil
}

// insertBefore puts the statements before holds for a statement of root in
// front of it: in its block, or, for an else-if, in a block made the else
// branch. A statement replace holds a block for is then replaced by it.
func insertBefore(root ast.Node, before map[ast.Stmt][]ast.Stmt, replace map[ast.Stmt]*ast.BlockStmt) {
	astutil.Apply(root, nil, func(c *astutil.Cursor) bool {
		if st, ok := c.Node().(*ast.IfStmt); ok {
			if elif, ok := st.Else.(*ast.IfStmt); ok && len(before[elif]) > 0 {
				st.Else = &ast.BlockStmt{Lbrace: elif.Pos(), List: append(before[elif], elif), Rbrace: elif.End()}
			}
		}
		if st, ok := c.Node().(ast.Stmt); ok && c.Index() >= 0 {
			for _, s := range before[st] {
				c.InsertBefore(s)
			}
			if block := replace[st]; block != nil {
				c.Replace(block)
			}
		}
		return true
	})
}

// fail records why the node at pos cannot be rewritten.
func (d *desugarer) fail(pos token.Pos, construct string, err error) {
	var ue *unnameableError
	if errors.As(err, &ue) {
		d.errs = append(d.errs, refuse.At(d.cfg.Fset, pos, refuse.StaleType, construct, ue.obj.Name()))
		return
	}
	d.errs = append(d.errs, refuse.At(d.cfg.Fset, pos, refuse.Unwritable, construct, err.Error()))
}

// typeOf returns the type the checker gave e, or nil.
func (d *desugarer) typeOf(e ast.Expr) types.Type {
	if tv, ok := d.info.Types[e]; ok {
		return tv.Type
	}
	if id, ok := e.(*ast.Ident); ok {
		if obj := d.info.ObjectOf(id); obj != nil {
			return obj.Type()
		}
	}
	return nil
}

// temp returns a fresh name for a temporary: __<what><n>.
func (d *desugarer) temp(what string) string {
	return "__" + what + strconv.Itoa(d.cfg.Unique())
}

func ident(pos token.Pos, name string) *ast.Ident { return &ast.Ident{NamePos: pos, Name: name} }

// rtCall returns the call __rt.name(args…) of the session's runtime.
func (d *desugarer) rtCall(pos token.Pos, name string, args ...ast.Expr) *ast.CallExpr {
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: ident(pos, d.cfg.Runtime), Sel: ident(pos, name)}, Lparen: pos, Args: args, Rparen: pos}
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}
