// Accounts in maps and slices by value and by pointer; transfers with error returns.
package main

import (
	"errors"
	"fmt"
	"sort"
)

type Account struct {
	ID      string
	Balance int64
	History []int64
}

var ErrFunds = errors.New("insufficient funds")

func (a *Account) Deposit(x int64) {
	a.Balance += x
	a.History = append(a.History, x)
}

func (a *Account) Withdraw(x int64) error {
	if x > a.Balance {
		return fmt.Errorf("withdraw %d from %s: %w", x, a.ID, ErrFunds)
	}
	a.Balance -= x
	a.History = append(a.History, -x)
	return nil
}

func (a Account) Summary() string {
	return fmt.Sprintf("%s: %d.%02d (%d ops)", a.ID, a.Balance/100, a.Balance%100, len(a.History))
}

type Bank struct {
	accounts map[string]*Account
}

func (b *Bank) Open(id string, initial int64) *Account {
	if b.accounts == nil {
		b.accounts = make(map[string]*Account)
	}
	acc := &Account{ID: id}
	acc.Deposit(initial)
	b.accounts[id] = acc
	return acc
}

func (b *Bank) Transfer(from, to string, x int64) error {
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("no account %q", from)
	}
	dst, ok := b.accounts[to]
	if !ok {
		return fmt.Errorf("no account %q", to)
	}
	if err := src.Withdraw(x); err != nil {
		return err
	}
	dst.Deposit(x)
	return nil
}

func main() {
	var bank Bank
	bank.Open("alice", 10000)
	bob := bank.Open("bob", 2550)
	bank.Open("carol", 0)
	fmt.Println(bank.Transfer("alice", "bob", 2500))
	err := bank.Transfer("carol", "alice", 1)
	fmt.Println(err, errors.Is(err, ErrFunds))
	fmt.Println(bank.Transfer("dave", "alice", 1))
	bob.Deposit(1)
	ids := make([]string, 0, len(bank.accounts))
	for id := range bank.accounts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Println(bank.accounts[id].Summary(), bank.accounts[id].History)
	}
	byValue := map[string]Account{}
	for id, a := range bank.accounts {
		byValue[id] = *a
	}
	snap := byValue["bob"]
	snap.Deposit(100000)
	fmt.Println(byValue["bob"].Balance, snap.Balance, bob.Balance)
	list := []Account{*bank.accounts["alice"], *bob}
	for i := range list {
		list[i].Deposit(1)
	}
	fmt.Println(list[0].Balance, bank.accounts["alice"].Balance)
	var total int64
	for _, a := range bank.accounts {
		total += a.Balance
	}
	fmt.Println(total)
}
