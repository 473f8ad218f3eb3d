package interp_test

import (
	"context"
	"fmt"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp"
)

// printOutput is an engine.Output that prints streams and ignores the rest.
type printOutput struct{}

func (printOutput) Stream(_, text string)              { fmt.Print(text) }
func (printOutput) Display(engine.Bundle, string)      {}
func (printOutput) Update(engine.Bundle, string)       {}
func (printOutput) Clear(bool)                         {}
func (printOutput) Input(string, bool) (string, error) { return "", engine.ErrNoStdin }

func ExampleSession_Execute() {
	// NoCapture: this example's own stdout is already captured by go test.
	s, err := interp.New(interp.Options{NoCapture: true})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	for _, cell := range []string{
		"import \"fmt\"\nrates := []float64{2.5, 4}\nfmt.Println(len(rates), \"rates\")",
		"max(rates[0], rates[1])", // the last expression is the cell's result
		"undefinedName",
	} {
		result, cellErr := s.Execute(context.Background(), cell, printOutput{})
		switch {
		case cellErr != nil:
			fmt.Println(cellErr.Traceback[0])
		case result != nil:
			fmt.Println("result:", result.Data["text/plain"])
		}
	}
	// Output:
	// 2 rates
	// result: 4
	// line 1, column 1: undefined: undefinedName
}
