// Types defined from another struct type of the program: each keeps its own
// methods, its own identity in interfaces, and converts to the other.
package main

import "fmt"

type Item struct {
	Name  string
	Count int
}

func (i Item) String() string { return fmt.Sprintf("item %s×%d", i.Name, i.Count) }

type Tag Item

func (t Tag) String() string { return "tag " + t.Name }

type Plain Item

type Labels []string

type Names Labels

func show(v any) { fmt.Println(v) }

func kind(v any) string {
	switch v.(type) {
	case Item:
		return "Item"
	case Tag:
		return "Tag"
	case Plain:
		return "Plain"
	}
	return "other"
}

func main() {
	it := Item{"bolt", 3}
	tg := Tag{"red", 1}
	fmt.Println(it, tg, Plain(it))
	show(it)
	show(tg)
	show(Tag(it))
	show(Item(tg))
	fmt.Println(kind(it), kind(tg), kind(Plain{"p", 2}))
	_, isItem := any(tg).(Item)
	fmt.Println(isItem)
	fmt.Printf("%v %+v\n", Plain(it), Plain(it))
	fmt.Println(len(Names(Labels{"a", "b"})))
}
