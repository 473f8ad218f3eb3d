// A pipeline of stages connected by channels of structs: generate orders,
// price them, fan out to workers and merge in order by sequence number.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Order struct {
	Seq   int
	Item  string
	Qty   int
	Price float64
}

type Priced struct {
	Order
	Total float64
	Tax   float64
}

type Summary struct {
	Count int
	Sum   float64
	Max   Priced
}

var catalog = map[string]float64{"apple": 0.5, "pear": 0.75, "melon": 3.2, "grape": 2.1}

func generate(items []string) <-chan Order {
	out := make(chan Order)
	go func() {
		defer close(out)
		for i, it := range items {
			out <- Order{Seq: i, Item: it, Qty: (i*7)%5 + 1}
		}
	}()
	return out
}

func price(in <-chan Order, out chan<- Priced, wg *sync.WaitGroup) {
	defer wg.Done()
	for o := range in {
		o.Price = catalog[o.Item]
		t := o.Price * float64(o.Qty)
		out <- Priced{Order: o, Total: t, Tax: t * 0.08}
	}
}

func main() {
	items := []string{"apple", "pear", "melon", "grape", "apple", "melon", "pear", "grape", "grape"}
	orders := generate(items)
	results := make(chan Priced, len(items))
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go price(orders, results, &wg)
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []Priced
	for p := range results {
		all = append(all, p)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Seq < all[j].Seq })

	var s Summary
	for _, p := range all {
		fmt.Printf("%d %-6s x%d @%.2f = %6.2f (tax %.3f)\n", p.Seq, p.Item, p.Qty, p.Price, p.Total, p.Tax)
		s.Count++
		s.Sum += p.Total
		if p.Total > s.Max.Total {
			s.Max = p
		}
	}
	fmt.Printf("count=%d sum=%.2f max=%s/%d\n", s.Count, s.Sum, s.Max.Item, s.Max.Seq)
	fmt.Printf("%+v\n", s.Max.Order)

	// A buffered channel of structs used as a queue, and a done channel of struct{}.
	q := make(chan Order, 4)
	done := make(chan struct{})
	var got []Order
	go func() {
		for o := range q {
			o.Qty *= 10
			got = append(got, o)
		}
		close(done)
	}()
	src := []Order{{Seq: 1, Item: "a"}, {Seq: 2, Item: "b", Qty: 2}}
	for _, o := range src {
		q <- o
	}
	close(q)
	<-done
	fmt.Println(got, src)

	// select with a default and a nil channel.
	var nilCh chan Order
	ready := make(chan Order, 1)
	ready <- Order{Seq: 99}
	for i := 0; i < 2; i++ {
		select {
		case o := <-nilCh:
			fmt.Println("never", o)
		case o, ok := <-ready:
			fmt.Println("ready", o.Seq, ok)
		default:
			fmt.Println("nothing ready")
		}
	}
	ch := make(chan *Order, 1)
	o := &Order{Seq: 5}
	ch <- o
	o.Qty = 50
	fmt.Println((<-ch).Qty, len(ch), cap(ch))
}
