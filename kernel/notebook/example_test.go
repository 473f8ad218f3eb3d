package notebook_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/notebook"
)

// shout is a toy interpreter: a cell prints its code in capitals and its value is the
// code's length. `ratelab run` passes the Go session (kernel/interp) instead.
type shout struct{}

func (shout) Execute(_ context.Context, code string, out engine.Output) (*engine.Bundle, *engine.Error) {
	out.Stream("stdout", strings.ToUpper(code)+"\n")
	return &engine.Bundle{Data: map[string]any{"text/plain": fmt.Sprint(len(code))}}, nil
}
func (shout) Complete(string, int) engine.Completion         { return engine.Completion{} }
func (shout) Inspect(string, int, int) (engine.Bundle, bool) { return engine.Bundle{}, false }
func (shout) IsComplete(string) engine.Completeness          { return engine.Completeness{Status: "complete"} }
func (shout) Info() engine.LanguageInfo                      { return engine.LanguageInfo{Name: "shout"} }
func (shout) Reset() error                                   { return nil }
func (shout) Close() error                                   { return nil }

func ExampleExecute() {
	nb, err := notebook.Read(strings.NewReader(`{
 "cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "hello"}],
 "metadata": {}, "nbformat": 4, "nbformat_minor": 4
}`))
	if err != nil {
		panic(err)
	}
	if _, err := notebook.Execute(context.Background(), nb, shout{}, notebook.Options{}); err != nil {
		panic(err)
	}
	// WriteFile(path) writes the same bytes atomically.
	if err := nb.Write(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// {
	//  "cells": [
	//   {
	//    "cell_type": "code",
	//    "execution_count": 1,
	//    "metadata": {},
	//    "outputs": [
	//     {
	//      "name": "stdout",
	//      "output_type": "stream",
	//      "text": [
	//       "HELLO\n"
	//      ]
	//     },
	//     {
	//      "data": {
	//       "text/plain": [
	//        "5"
	//       ]
	//      },
	//      "execution_count": 1,
	//      "metadata": {},
	//      "output_type": "execute_result"
	//     }
	//    ],
	//    "source": [
	//     "hello"
	//    ]
	//   }
	//  ],
	//  "metadata": {
	//   "language_info": {
	//    "codemirror_mode": "",
	//    "file_extension": "",
	//    "mimetype": "",
	//    "name": "shout",
	//    "nbconvert_exporter": "",
	//    "pygments_lexer": "",
	//    "version": ""
	//   }
	//  },
	//  "nbformat": 4,
	//  "nbformat_minor": 4
	// }
}
