// A small bank: accounts, transfers with errors, a ledger, totals in cents.
package main

import (
	"errors"
	"fmt"
	"sort"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	ID      string
	Balance int64
}

type Bank struct {
	accounts map[string]*Account
	ledger   []string
}

func (b *Bank) Open(id string, cents int64) {
	if b.accounts == nil {
		b.accounts = map[string]*Account{}
	}
	b.accounts[id] = &Account{id, cents}
}

func (b *Bank) Transfer(from, to string, cents int64) error {
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("transfer: no account %q", from)
	}
	dst, ok := b.accounts[to]
	if !ok {
		return fmt.Errorf("transfer: no account %q", to)
	}
	if src.Balance < cents {
		return fmt.Errorf("transfer %d from %s: %w", cents, from, ErrInsufficient)
	}
	src.Balance -= cents
	dst.Balance += cents
	b.ledger = append(b.ledger, fmt.Sprintf("%s->%s %d.%02d", from, to, cents/100, cents%100))
	return nil
}

func main() {
	var b Bank
	b.Open("alice", 10_000)
	b.Open("bob", 2_550)
	steps := []struct {
		from, to string
		amt      int64
	}{{"alice", "bob", 1_999}, {"bob", "carol", 1}, {"bob", "alice", 10_000}, {"bob", "alice", 4_549}}
	for _, s := range steps {
		if err := b.Transfer(s.from, s.to, s.amt); err != nil {
			fmt.Println("error:", err, errors.Is(err, ErrInsufficient))
		}
	}
	ids := make([]string, 0)
	var total int64
	for id, a := range b.accounts {
		ids = append(ids, id)
		total += a.Balance
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Printf("%-6s %8.2f\n", id, float64(b.accounts[id].Balance)/100)
	}
	fmt.Println(total, b.ledger)
}
