// Package notebook reads and writes Jupyter notebooks (nbformat 4) and executes them
// in process through an engine.Interpreter, as `ratelab run` does: the same outputs a
// Jupyter client (nbclient) would record, with no sockets and no Jupyter installed.
//
// Reading keeps every field ratelab does not know, so a notebook written back loses
// nothing; writing formats the JSON as nbformat does (1-space indent, sorted keys,
// multi-line strings split into lists of lines, trailing newline) so that committed
// notebooks diff cleanly against ones saved by Jupyter.
package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Notebook is an nbformat 4 document.
type Notebook struct {
	Format      int // nbformat, 4
	FormatMinor int // nbformat_minor
	Metadata    map[string]any
	Cells       []*Cell
	// Extra holds top-level fields other than the four above, kept as read.
	Extra map[string]any
}

// Cell is one notebook cell.
type Cell struct {
	Type     string // "code", "markdown" or "raw"
	ID       string // nbformat 4.5 cell id; empty when the notebook has none
	Source   string
	Metadata map[string]any
	// ExecutionCount is the code cell's prompt number; nil is JSON null.
	ExecutionCount *int
	// Outputs of a code cell, in order.
	Outputs []*Output
	// Extra holds the cell's other fields (attachments, unknown keys), kept as read.
	Extra map[string]any
}

// Output is one output of a code cell, as nbformat stores it.
type Output struct {
	Type string // "stream", "display_data", "execute_result" or "error"

	Name string // stream: "stdout" or "stderr"
	Text string // stream: the text

	// display_data and execute_result: the MIME bundle. Text values are strings
	// (lines rejoined); JSON MIME types hold any JSON value.
	Data     map[string]any
	Metadata map[string]any
	// ExecutionCount is set on execute_result only.
	ExecutionCount *int

	EName     string   // error: exception name
	EValue    string   // error: message
	Traceback []string // error: traceback lines

	// Extra holds the output's other fields, kept as read.
	Extra map[string]any
}

// Read decodes an nbformat 4 notebook.
func Read(r io.Reader) (*Notebook, error) {
	dec := json.NewDecoder(r)
	// Numbers stay json.Number so that metadata such as 1.0 is written back as read.
	dec.UseNumber()
	var top map[string]any
	if err := dec.Decode(&top); err != nil {
		return nil, fmt.Errorf("not a notebook: %v", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("not a notebook: data after the top-level JSON object")
	}
	nb := &Notebook{}
	var err error
	if nb.Format, err = intField(top, "nbformat"); err != nil {
		return nil, err
	}
	if nb.Format != 4 {
		return nil, fmt.Errorf("nbformat %d is not supported: ratelab reads nbformat 4 (convert with `jupyter nbconvert --to notebook`)", nb.Format)
	}
	if nb.FormatMinor, err = intField(top, "nbformat_minor"); err != nil {
		return nil, err
	}
	if nb.Metadata, err = objectField(top, "metadata", "notebook"); err != nil {
		return nil, err
	}
	rawCells, ok := top["cells"].([]any)
	if !ok {
		return nil, fmt.Errorf(`notebook: "cells" is missing or not a list`)
	}
	for i, rc := range rawCells {
		c, err := readCell(rc)
		if err != nil {
			return nil, fmt.Errorf("cell %d: %v", i, err)
		}
		nb.Cells = append(nb.Cells, c)
	}
	nb.Extra = unknownFields(top, map[string]bool{"nbformat": true, "nbformat_minor": true, "metadata": true, "cells": true})
	return nb, nil
}

// ReadFile reads the notebook at path.
func ReadFile(path string) (*Notebook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	nb, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %v", path, err)
	}
	return nb, nil
}

func readCell(v any) (*Cell, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not a JSON object")
	}
	c := &Cell{}
	var err error
	if c.Type, err = stringField(m, "cell_type"); err != nil {
		return nil, err
	}
	if c.Source, err = multiline(m["source"], "source"); err != nil {
		return nil, err
	}
	if c.Metadata, err = objectField(m, "metadata", "cell"); err != nil {
		return nil, err
	}
	if id, ok := m["id"]; ok {
		if c.ID, ok = id.(string); !ok {
			return nil, fmt.Errorf(`"id" is not a string`)
		}
	}
	known := map[string]bool{"cell_type": true, "source": true, "metadata": true, "id": true}
	if c.Type == "code" {
		known["execution_count"], known["outputs"] = true, true
		if c.ExecutionCount, err = countField(m, "execution_count"); err != nil {
			return nil, err
		}
		outs, ok := m["outputs"].([]any)
		if !ok && m["outputs"] != nil {
			return nil, fmt.Errorf(`"outputs" is not a list`)
		}
		for j, ro := range outs {
			o, err := readOutput(ro)
			if err != nil {
				return nil, fmt.Errorf("output %d: %v", j, err)
			}
			c.Outputs = append(c.Outputs, o)
		}
	}
	c.Extra = unknownFields(m, known)
	if att, ok := c.Extra["attachments"].(map[string]any); ok {
		for _, bundle := range att {
			if b, ok := bundle.(map[string]any); ok {
				joinBundle(b)
			}
		}
	}
	return c, nil
}

func readOutput(v any) (*Output, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not a JSON object")
	}
	o := &Output{}
	var err error
	if o.Type, err = stringField(m, "output_type"); err != nil {
		return nil, err
	}
	known := map[string]bool{"output_type": true}
	switch o.Type {
	case "stream":
		known["name"], known["text"] = true, true
		if o.Name, err = stringField(m, "name"); err != nil {
			return nil, err
		}
		if o.Text, err = multiline(m["text"], "text"); err != nil {
			return nil, err
		}
	case "display_data", "execute_result":
		known["data"], known["metadata"] = true, true
		if o.Data, err = objectField(m, "data", "output"); err != nil {
			return nil, err
		}
		joinBundle(o.Data)
		if o.Metadata, err = objectField(m, "metadata", "output"); err != nil {
			return nil, err
		}
		if o.Type == "execute_result" {
			known["execution_count"] = true
			if o.ExecutionCount, err = countField(m, "execution_count"); err != nil {
				return nil, err
			}
		}
	case "error":
		known["ename"], known["evalue"], known["traceback"] = true, true, true
		if o.EName, err = stringField(m, "ename"); err != nil {
			return nil, err
		}
		if o.EValue, err = stringField(m, "evalue"); err != nil {
			return nil, err
		}
		tb, _ := m["traceback"].([]any)
		for _, line := range tb {
			s, ok := line.(string)
			if !ok {
				return nil, fmt.Errorf(`"traceback" holds a non-string`)
			}
			o.Traceback = append(o.Traceback, s)
		}
	}
	// Unknown output types keep all their fields in Extra.
	o.Extra = unknownFields(m, known)
	return o, nil
}

// unknownFields returns the fields of m that known does not name, for an Extra map.
func unknownFields(m map[string]any, known map[string]bool) map[string]any {
	extra := map[string]any{}
	for k, v := range m {
		if !known[k] {
			extra[k] = v
		}
	}
	return extra
}

// Write encodes nb as nbformat's writer does (nbformat.write: json.dumps with
// indent=1, sort_keys=True, ensure_ascii=False, after split_lines; then a newline).
func (nb *Notebook) Write(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false) // Python's json does not escape <, > and &.
	if err := enc.Encode(nb.tree()); err != nil {
		return fmt.Errorf("encode notebook: %v", err)
	}
	// Encode ends with the newline nbformat.write adds.
	_, err := w.Write(unescapeLineSeparators(buf.Bytes()))
	return err
}

// unescapeLineSeparators undoes encoding/json's escaping of U+2028 and U+2029
// (kept for JavaScript), which Python's json.dumps(ensure_ascii=False) writes as
// they are. An escape is a \u2028 preceded by an even run of backslashes.
func unescapeLineSeparators(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u202`)) {
		return b
	}
	out := make([]byte, 0, len(b))
	backslashes := 0
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && backslashes%2 == 0 && i+6 <= len(b) {
			switch string(b[i+1 : i+6]) {
			case "u2028":
				out = append(out, "\u2028"...)
				i += 5
				continue
			case "u2029":
				out = append(out, "\u2029"...)
				i += 5
				continue
			}
		}
		if b[i] == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
		out = append(out, b[i])
	}
	return out
}

// tree is the notebook as generic JSON values, with multi-line strings split.
// encoding/json writes map keys sorted, as sort_keys=True does.
func (nb *Notebook) tree() map[string]any {
	top := copyMap(nb.Extra)
	top["nbformat"] = nb.Format
	top["nbformat_minor"] = nb.FormatMinor
	top["metadata"] = orEmpty(nb.Metadata)
	cells := make([]any, len(nb.Cells))
	for i, c := range nb.Cells {
		cells[i] = c.tree()
	}
	top["cells"] = cells
	return top
}

func (c *Cell) tree() map[string]any {
	m := copyMap(c.Extra)
	if att, ok := m["attachments"].(map[string]any); ok {
		split := map[string]any{}
		for name, bundle := range att {
			if b, ok := bundle.(map[string]any); ok {
				bundle = splitBundle(b)
			}
			split[name] = bundle
		}
		m["attachments"] = split
	}
	m["cell_type"] = c.Type
	m["source"] = splitLines(c.Source)
	m["metadata"] = orEmpty(c.Metadata)
	if c.ID != "" {
		m["id"] = c.ID
	}
	if c.Type == "code" {
		m["execution_count"] = countValue(c.ExecutionCount)
		outs := make([]any, len(c.Outputs))
		for i, o := range c.Outputs {
			outs[i] = o.tree()
		}
		m["outputs"] = outs
	}
	return m
}

func (o *Output) tree() map[string]any {
	m := copyMap(o.Extra)
	m["output_type"] = o.Type
	switch o.Type {
	case "stream":
		m["name"] = o.Name
		m["text"] = splitLines(o.Text)
	case "display_data", "execute_result":
		m["data"] = splitBundle(orEmpty(o.Data))
		m["metadata"] = orEmpty(o.Metadata)
		if o.Type == "execute_result" {
			m["execution_count"] = countValue(o.ExecutionCount)
		}
	case "error":
		m["ename"] = o.EName
		m["evalue"] = o.EValue
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		m["traceback"] = tb
	}
	return m
}

func intField(m map[string]any, key string) (int, error) {
	n, ok := m[key].(json.Number)
	if !ok {
		return 0, fmt.Errorf("%q is missing or not a number", key)
	}
	i, err := n.Int64()
	if err != nil {
		return 0, fmt.Errorf("%q: %v", key, err)
	}
	return int(i), nil
}

// countField reads an execution count: a number or null.
func countField(m map[string]any, key string) (*int, error) {
	if m[key] == nil {
		return nil, nil
	}
	i, err := intField(m, key)
	if err != nil {
		return nil, err
	}
	return &i, nil
}

func countValue(n *int) any {
	if n == nil {
		return nil
	}
	return *n
}

func stringField(m map[string]any, key string) (string, error) {
	s, ok := m[key].(string)
	if !ok {
		return "", fmt.Errorf("%q is missing or not a string", key)
	}
	return s, nil
}

func objectField(m map[string]any, key, where string) (map[string]any, error) {
	v, ok := m[key]
	if !ok || v == nil {
		return map[string]any{}, nil
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s %q is not a JSON object", where, key)
	}
	return obj, nil
}

// multiline reads nbformat's multiline string: a string or a list of strings.
func multiline(v any, key string) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case []any:
		if s, ok := joinStrings(v); ok {
			return s, nil
		}
		return "", fmt.Errorf("%q holds a non-string", key)
	}
	return "", fmt.Errorf("%q is neither a string nor a list of strings", key)
}

func copyMap(m map[string]any) map[string]any {
	c := make(map[string]any, len(m)+8)
	for k, v := range m {
		c[k] = v
	}
	return c
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
