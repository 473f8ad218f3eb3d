// %+v of cell structs and containers whose fields or elements print through
// a method: *big.Int, *time.Location, and errors holding pointers to cell types.
package main

import (
	"errors"
	"fmt"
	"math/big"
	"time"
)

type BadTemp struct{ V float64 }

func (b *BadTemp) Error() string { return fmt.Sprintf("bad temp %v", b.V) }

type Result struct {
	Name string
	Err  error
}

type Account struct {
	Name    string
	Balance *big.Int
}

type Zone struct{ L *time.Location }

func main() {
	r := Result{"a", &BadTemp{7}}
	fmt.Printf("%+v\n", r)
	fmt.Printf("%+v\n", []error{&BadTemp{5}, errors.New("plain")})
	fmt.Printf("%+v\n", Account{"ann", big.NewInt(1200)})
	fmt.Printf("%+v\n", Zone{time.UTC})
	fmt.Printf("%+v\n", []Account{{"bob", big.NewInt(6)}})
	var none *big.Int
	fmt.Printf("%+v|%v\n", Account{"nil", none}, Account{"nil", none})
}
