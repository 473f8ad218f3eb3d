package main

import (
	"fmt"
	"strings"
)

type ID struct{ ID int }

func (i ID) Key() string { return fmt.Sprint("id-", i.ID) }

type Timestamps struct{ Created, Updated int }

func (t *Timestamps) Touch(now int) { t.Updated = now }

type Named struct {
	Name string
	ID   string
}

type User struct {
	ID
	*Timestamps
	Named
	Email string
}

type Admin struct {
	User
	Level int
	Name  string
}

type Keyer interface{ Key() string }
type Toucher interface{ Touch(int) }

func describe(k Keyer) string { return "key=" + k.Key() }

func main() {
	u := User{ID: ID{7}, Timestamps: &Timestamps{1, 1}, Named: Named{"ann", "n-7"}, Email: "a@x"}
	fmt.Println(u.Key(), u.Name, u.Named.ID, u.ID.ID, u.Created)
	u.Touch(5)
	u2 := u
	u2.Touch(9)
	u2.ID.ID = 8
	fmt.Println(u.Updated, u2.Updated, u.Key(), u2.Key())

	ad := Admin{User: u, Level: 3, Name: "root"}
	fmt.Println(ad.Name, ad.User.Name, ad.Key(), ad.Level)
	ad.Touch(20)
	fmt.Println(u.Updated, ad.Updated)

	var ks []Keyer = []Keyer{u, ad, &ad, ID{1}}
	var parts []string
	for _, k := range ks {
		parts = append(parts, describe(k))
	}
	fmt.Println(strings.Join(parts, ", "))

	var t Toucher = u
	t.Touch(30)
	fmt.Println(u.Updated)
	if _, ok := any(ID{}).(Toucher); !ok {
		fmt.Println("ID is not a Toucher")
	}
	users := map[string]User{"a": u}
	users["a"].Touch(40)
	fmt.Println(u.Updated, users["a"].Key())

	list := []Admin{ad, ad}
	list[0].ID.ID = 100
	list[1].Named.Name = "changed"
	for _, a := range list {
		fmt.Print(a.Key(), " ", a.User.Name, " ", a.Name, "; ")
	}
	fmt.Println()

	var nilU User
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		nilU.Touch(1)
	}()
	fmt.Println(nilU.Key(), nilU.Timestamps == nil)
}
