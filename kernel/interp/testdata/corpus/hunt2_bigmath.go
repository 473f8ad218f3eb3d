// Arbitrary precision with math/big: factorials, Fibonacci, binomials,
// rationals for exact sums, and big.Float square roots.
package main

import (
	"fmt"
	"math/big"
)

type Fraction struct {
	r *big.Rat
}

func NewFraction(a, b int64) Fraction { return Fraction{big.NewRat(a, b)} }

func (f Fraction) Add(g Fraction) Fraction { return Fraction{new(big.Rat).Add(f.r, g.r)} }

func (f Fraction) String() string { return f.r.RatString() }

func factorial(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func harmonic(n int64) *big.Rat {
	sum := new(big.Rat)
	for i := int64(1); i <= n; i++ {
		sum.Add(sum, big.NewRat(1, i))
	}
	return sum
}

func main() {
	f50 := factorial(50)
	fmt.Println(f50)
	fmt.Println(len(f50.String()), f50.BitLen(), f50.Sign())
	fmt.Println(fib(100), fib(1), fib(0))

	var binom big.Int
	binom.Binomial(60, 30)
	fmt.Println(&binom, binom.String())

	h := harmonic(20)
	fmt.Println(h.RatString(), h.FloatString(10))
	num, den := h.Num(), h.Denom()
	fmt.Println(num.Cmp(den) > 0, new(big.Int).Mod(num, big.NewInt(1000)))

	sum := NewFraction(1, 3).Add(NewFraction(1, 6)).Add(NewFraction(1, 2))
	fmt.Println(sum, sum.r.IsInt())
	fs := []Fraction{NewFraction(2, 4), NewFraction(-3, 9)}
	acc := NewFraction(0, 1)
	for _, f := range fs {
		acc = acc.Add(f)
	}
	fmt.Println(acc.String(), fs[0].String())

	x := new(big.Float).SetPrec(200).SetInt64(2)
	x.Sqrt(x)
	fmt.Println(x.Text('f', 50))
	fmt.Printf("%.20f\n", x)

	m := new(big.Int)
	m.SetString("123456789012345678901234567890", 10)
	q, r := new(big.Int).QuoRem(m, big.NewInt(97), new(big.Int))
	fmt.Println(q, r)
	e := new(big.Int).Exp(big.NewInt(2), big.NewInt(127), nil)
	e.Sub(e, big.NewInt(1))
	fmt.Println(e, e.ProbablyPrime(20))
	fmt.Printf("%x %d %s\n", e, big.NewInt(-42), big.NewInt(255).Text(2))
	g := new(big.Int).GCD(nil, nil, big.NewInt(462), big.NewInt(1071))
	fmt.Println(g)
}
