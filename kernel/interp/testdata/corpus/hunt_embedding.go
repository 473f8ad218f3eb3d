// Embedded structs: promoted fields and methods, shadowing, embedded pointers, interfaces.
package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (b Base) Describe() string { return fmt.Sprintf("base %d %s", b.ID, b.Name) }
func (b *Base) Rename(n string) { b.Name = n }
func (b Base) Kind() string     { return "base" }

type Timestamps struct{ Created, Updated int }

func (t *Timestamps) Touch(now int) { t.Updated = now }

type User struct {
	Base
	Timestamps
	Email string
	Name  string
}

func (u User) Kind() string { return "user" }

type Admin struct {
	*User
	Level int
}

type Describer interface{ Describe() string }

type Kinder interface{ Kind() string }

func main() {
	u := User{Base: Base{1, "base-name"}, Email: "u@x", Name: "outer"}
	fmt.Println(u.Name, u.Base.Name, u.ID)
	u.Rename("renamed")
	fmt.Println(u.Name, u.Base.Name)
	u.Touch(42)
	fmt.Println(u.Updated, u.Timestamps)
	fmt.Println(u.Describe(), u.Kind(), u.Base.Kind())
	var d Describer = u
	fmt.Println(d.Describe())
	u.ID = 99
	var k Kinder = &u
	fmt.Println(k.Kind())
	a := Admin{User: &u, Level: 3}
	a.Rename("via-admin")
	a.ID++
	fmt.Println(u.Base.Name, u.ID, a.Describe(), a.Kind())
	v := u
	v.Base.ID = 0
	v.Timestamps.Created = 7
	fmt.Println(u.ID, v.ID, u.Created, v.Created)
	fmt.Printf("%+v\n", u)
	users := []User{u, v}
	for i := range users {
		users[i].Rename(fmt.Sprint("n", i))
		users[i].Touch(i * 10)
	}
	fmt.Println(users[0].Base.Name, users[1].Base.Name, users[1].Updated)
	descs := []Describer{u, v, a, &u}
	for _, x := range descs {
		fmt.Println(x.Describe())
	}
	f := u.Describe
	u.Base.Name = "late"
	fmt.Println(f())
	g := (*Base).Rename
	g(&u.Base, "expr")
	fmt.Println(u.Base.Name)
}
