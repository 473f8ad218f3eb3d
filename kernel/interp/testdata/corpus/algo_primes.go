// Sieve of Eratosthenes, prime factorisation, gcd/lcm.
package main

import "fmt"

func sieve(n int) []int {
	composite := make([]bool, n+1)
	var primes []int
	for i := 2; i <= n; i++ {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return primes
}

func factor(n int) map[int]int {
	f := map[int]int{}
	for p := 2; p*p <= n; p++ {
		for n%p == 0 {
			f[p]++
			n /= p
		}
	}
	if n > 1 {
		f[n]++
	}
	return f
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func main() {
	p := sieve(100)
	fmt.Println(len(p), p[:10], p[len(p)-1])
	fmt.Println(factor(360), factor(97), factor(1001))
	fmt.Println(gcd(84, 36), 84*36/gcd(84, 36))
}
