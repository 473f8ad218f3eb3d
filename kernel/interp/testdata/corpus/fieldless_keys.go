// Struct types without fields and without methods declared in a cell, which
// the interpreter made struct{}: in an interface each is its own type, as a
// context key, a map key, for == and for %T, %#v and package reflect.
package main

import (
	"context"
	"fmt"
	"reflect"
)

type userKey struct{}

type requestKey struct{}

type Token struct{}

type Pair struct {
	T Token
	N int
}

func main() {
	ctx := context.WithValue(context.Background(), userKey{}, "ann")
	ctx = context.WithValue(ctx, requestKey{}, 42)
	fmt.Println(ctx.Value(userKey{}), ctx.Value(requestKey{}), ctx.Value(struct{}{}))

	var a any = Token{}
	fmt.Println(a == any(struct{}{}), a == any(Token{}), any(userKey{}) == any(requestKey{}))
	seen := map[any]int{Token{}: 1, struct{}{}: 2, userKey{}: 3}
	fmt.Println(len(seen), seen[Token{}], seen[struct{}{}])

	fmt.Printf("%T %T %T %T\n", a, &Token{}, []Token{{}}, Pair{})
	fmt.Printf("%v %+v %#v\n", a, a, a)
	fmt.Printf("%v %+v %#v\n", Pair{N: 1}, Pair{N: 2}, Pair{N: 3})
	fmt.Println(Token{}, []Token{{}, {}}, &Pair{})

	t := reflect.TypeOf(a)
	fmt.Println(t.Name(), t.String(), t.NumField(), reflect.ValueOf(a).NumField(), t.Size())
	_, isTok := a.(Token)
	_, isUser := a.(userKey)
	fmt.Println(isTok, isUser)
	switch a.(type) {
	case userKey:
		fmt.Println("userKey")
	case Token:
		fmt.Println("Token")
	}
}
