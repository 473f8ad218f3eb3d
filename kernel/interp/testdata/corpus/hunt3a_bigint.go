// math/big for exact arithmetic: powers, gcd, modular exponent,
// rationals for harmonic numbers, and big.Float with fixed precision.
package main

import (
	"fmt"
	"math/big"
	"strings"
)

type Poly []*big.Int

func (p Poly) Eval(x *big.Int) *big.Int {
	acc := new(big.Int)
	for i := len(p) - 1; i >= 0; i-- {
		acc.Mul(acc, x)
		acc.Add(acc, p[i])
	}
	return acc
}

func harmonic(n int) *big.Rat {
	s := new(big.Rat)
	for i := 1; i <= n; i++ {
		s.Add(s, big.NewRat(1, int64(i)))
	}
	return s
}

func digitsSum(n *big.Int) int {
	total := 0
	for _, ch := range n.String() {
		total += int(ch - '0')
	}
	return total
}

func main() {
	two := big.NewInt(2)
	p := new(big.Int).Exp(two, big.NewInt(100), nil)
	fmt.Println("2^100 =", p, "digits sum", digitsSum(p))
	m := new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1000007))
	fmt.Println("3^1000 mod 1000007 =", m)
	a, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	b, ok := new(big.Int).SetString("987654321098765432109876543210", 10)
	fmt.Println(ok, new(big.Int).Mul(a, b))
	fmt.Println("gcd:", new(big.Int).GCD(nil, nil, a, b), a.Cmp(b), b.Sign())
	q, r := new(big.Int).QuoRem(b, a, new(big.Int))
	fmt.Println("quorem:", q, r)
	_, bad := new(big.Int).SetString("12x4", 10)
	fmt.Println("bad parse ok:", bad)

	poly := Poly{big.NewInt(1), big.NewInt(-3), big.NewInt(2)}
	for _, x := range []int64{0, 1, 2, 1000000000000} {
		fmt.Printf("p(%d)=%s\n", x, poly.Eval(big.NewInt(x)))
	}

	for _, n := range []int{1, 5, 10} {
		h := harmonic(n)
		f, exact := h.Float64()
		fmt.Printf("H(%d)=%s ~ %.6f exact=%v\n", n, h.RatString(), f, exact)
	}

	prec := uint(200)
	x := new(big.Float).SetPrec(prec).SetInt64(2)
	sq := new(big.Float).SetPrec(prec).Sqrt(x)
	fmt.Println("sqrt2:", sq.Text('f', 50))
	prod := new(big.Float).SetPrec(prec).Mul(sq, sq)
	fmt.Println("sq*sq:", prod.Text('g', 30))

	var sb strings.Builder
	fact := big.NewInt(1)
	for i := int64(1); i <= 25; i++ {
		fact.Mul(fact, big.NewInt(i))
		if i%5 == 0 {
			fmt.Fprintf(&sb, "%d!=%v bits=%d\n", i, fact, fact.BitLen())
		}
	}
	fmt.Print(sb.String())
	fmt.Printf("%x %08d %v\n", big.NewInt(255), big.NewInt(42), big.NewInt(-7).Abs(big.NewInt(-7)))
	fmt.Println(big.NewInt(97).ProbablyPrime(10), big.NewInt(91).ProbablyPrime(10))
}
