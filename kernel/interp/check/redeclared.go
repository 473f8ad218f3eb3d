package check

import (
	"fmt"
	"go/types"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// explainRedeclared adds to msg, a go/types error, why two types it spells
// alike differ: a notebook may declare a type again, and a value made before
// keeps the type it was made with. go/types writes both as the same name
// ("cannot use pts (variable of type []Point) as []Point value"), which no Go
// program can produce and which reads as nonsense without the note.
func (v *view) explainRedeclared(scope *types.Scope, msg string) string {
	stale := v.staleTypeNames(scope)
	mentions := func(name string) int {
		return len(regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\b`).FindAllStringIndex(msg, -1))
	}
	var names []string
	for name := range stale {
		if mentions(name) > 0 {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		holders := slices.DeleteFunc(slices.Clone(stale[name]), func(h string) bool { return mentions(h) == 0 })
		if len(holders) == 0 {
			if mentions(name) < 2 {
				continue // neither side of the error is the earlier type
			}
			holders = stale[name]
		}
		verb := "were"
		if len(holders) == 1 {
			verb = "was"
		}
		list := strings.Join(holders, ", ")
		msg += fmt.Sprintf(" (%s %s declared with an earlier %s, declared again since: run again the cells that declare %s)", list, verb, name, list)
	}
	return msg
}

// staleTypeNames maps the name of each type the session declared again to the
// session's variables and functions whose types still mention an earlier
// declaration of it, sorted. scope is the unit's package scope: the session's
// names and the unit's own.
func (v *view) staleTypeNames(scope *types.Scope) map[string][]string {
	stale := map[string][]string{}
	names := v.sessionNames()
	sort.Strings(names)
	for _, holder := range names {
		obj := v.lookup(holder)
		if _, isType := obj.(*types.TypeName); isType {
			continue
		}
		seen := map[types.Type]bool{}
		var walk func(t types.Type)
		walk = func(t types.Type) {
			if t == nil || seen[t] {
				return
			}
			seen[t] = true
			switch t := t.(type) {
			case *types.Named:
				tn := t.Obj()
				if IsSessionLevel(tn) && scope.Lookup(tn.Name()) != tn {
					if list := stale[tn.Name()]; len(list) == 0 || list[len(list)-1] != holder {
						stale[tn.Name()] = append(list, holder)
					}
				}
				for i := range t.TypeArgs().Len() {
					walk(t.TypeArgs().At(i))
				}
			case *types.Pointer:
				walk(t.Elem())
			case *types.Slice:
				walk(t.Elem())
			case *types.Array:
				walk(t.Elem())
			case *types.Map:
				walk(t.Key())
				walk(t.Elem())
			case *types.Chan:
				walk(t.Elem())
			case *types.Signature:
				walk(t.Params())
				walk(t.Results())
			case *types.Tuple:
				for i := range t.Len() {
					walk(t.At(i).Type())
				}
			}
		}
		walk(obj.Type())
	}
	return stale
}
