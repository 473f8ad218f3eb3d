// context: cancel a producer after a fixed number of items; deadlines already passed.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func produce(ctx context.Context, out chan<- int) {
	defer close(out)
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case out <- i:
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan int)
	go produce(ctx, ch)
	sum := 0
	for v := range ch {
		sum += v
		if v == 9 {
			cancel()
			break
		}
	}
	fmt.Println("sum", sum, ctx.Err())
	past, stop := context.WithDeadline(context.Background(), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	defer stop()
	<-past.Done()
	fmt.Println(errors.Is(past.Err(), context.DeadlineExceeded))
	vctx := context.WithValue(context.Background(), "user", "ann")
	fmt.Println(vctx.Value("user"), vctx.Value("missing"))
}
