// A bank simulation: accounts behind an interface, a ledger of transactions
// (a struct with an embedded kind), overdraft errors, interest, and a state
// machine for account status.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Status int

const (
	Active Status = iota
	Frozen
	Closed
)

var statusNames = [...]string{"active", "frozen", "closed"}

type Cents int64

func (c Cents) Dollars() string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, c/100, c%100)
}

type Account interface {
	ID() string
	Balance() Cents
	Deposit(Cents) error
	Withdraw(Cents) error
}

type InsufficientFunds struct {
	Need, Have Cents
}

func (e *InsufficientFunds) Error() string {
	return "insufficient funds: need " + e.Need.Dollars() + ", have " + e.Have.Dollars()
}

var ErrFrozen = errors.New("account frozen")

type base struct {
	id      string
	balance Cents
	status  Status
	history []string
}

func (b *base) ID() string     { return b.id }
func (b *base) Balance() Cents { return b.balance }
func (b *base) Deposit(c Cents) error {
	if b.status != Active {
		return fmt.Errorf("deposit to %s: %w", b.id, ErrFrozen)
	}
	b.balance += c
	b.history = append(b.history, "+"+c.Dollars())
	return nil
}

type Checking struct {
	base
	overdraft Cents
}

func (a *Checking) Withdraw(c Cents) error {
	if a.status != Active {
		return ErrFrozen
	}
	if a.balance+a.overdraft < c {
		return &InsufficientFunds{c, a.balance + a.overdraft}
	}
	a.balance -= c
	a.history = append(a.history, "-"+c.Dollars())
	return nil
}

type Savings struct {
	base
	rateBP int
}

func (s *Savings) Withdraw(c Cents) error {
	if c > s.balance {
		return &InsufficientFunds{Need: c, Have: s.balance}
	}
	s.balance -= c
	return nil
}

func (s *Savings) Accrue() Cents {
	interest := s.balance * Cents(s.rateBP) / 10000
	s.balance += interest
	return interest
}

func transfer(from, to Account, amt Cents) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("transfer %s->%s %s: %w", from.ID(), to.ID(), amt.Dollars(), err)
		}
	}()
	if err = from.Withdraw(amt); err != nil {
		return err
	}
	return to.Deposit(amt)
}

func main() {
	chk := &Checking{base{id: "chk-1", balance: 10000}, 5000}
	sav := &Savings{base: base{id: "sav-1", balance: 250000}, rateBP: 125}
	accts := map[string]Account{chk.ID(): chk, sav.ID(): sav}

	steps := []struct {
		from, to string
		amt      Cents
	}{{"chk-1", "sav-1", 12000}, {"chk-1", "sav-1", 5000}, {"sav-1", "chk-1", 999999}, {"sav-1", "chk-1", 3050}}
	for _, s := range steps {
		err := transfer(accts[s.from], accts[s.to], s.amt)
		var inf *InsufficientFunds
		switch {
		case err == nil:
			fmt.Println("ok", s.amt.Dollars())
		case errors.As(err, &inf):
			fmt.Println("declined:", err, "| short by", (inf.Need - inf.Have).Dollars())
		default:
			fmt.Println("error:", err)
		}
	}
	chk.status = Frozen
	fmt.Println(transfer(sav, chk, 100), errors.Is(transfer(sav, chk, 100), ErrFrozen))
	fmt.Println("interest", sav.Accrue().Dollars(), sav.Accrue().Dollars())

	ids := make([]string, 0, len(accts))
	for id := range accts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		a := accts[id]
		var st Status
		switch v := a.(type) {
		case *Checking:
			st = v.status
		case *Savings:
			st = v.status
		}
		fmt.Printf("%-6s %12s %s\n", id, a.Balance().Dollars(), statusNames[st])
	}
	fmt.Println(strings.Join(chk.history, " "), len(sav.history))
	var total Cents
	for _, a := range accts {
		total += a.Balance()
	}
	fmt.Println("total", total.Dollars(), Cents(-5).Dollars())
}
