package display

import (
	"encoding/base64"
	"fmt"
	"image"

	"github.com/ratelab/ratelab/kernel/engine"
)

// Show displays v as Render renders it; nil shows nothing.
func Show(v any) {
	out, o := current()
	if b, ok := render(v, o); ok {
		out.Display(b, "")
	}
}

// HTML displays an HTML fragment.
func HTML(s string) { show(map[string]any{"text/html": s, "text/plain": s}) }

// Markdown displays Markdown text.
func Markdown(s string) { show(map[string]any{"text/markdown": s, "text/plain": s}) }

// SVG displays an SVG document.
func SVG(s string) { show(map[string]any{"image/svg+xml": s, "text/plain": "<svg image>"}) }

// PNG displays PNG-encoded bytes.
func PNG(b []byte) {
	show(map[string]any{"image/png": base64.StdEncoding.EncodeToString(b), "text/plain": fmt.Sprintf("<png image, %d bytes>", len(b))})
}

// Image displays img as a PNG.
func Image(img image.Image) {
	b, ok := render(img, Options{})
	if !ok {
		return
	}
	out, _ := current()
	out.Display(b, "")
}

// JSON displays v as application/json (front ends show it as a tree); v must
// encode with encoding/json.
func JSON(v any) { show(map[string]any{"application/json": v, "text/plain": Text(v)}) }

// Clear removes the cell's outputs so far; with wait, only when the next output
// arrives, which avoids flicker in loops that redraw.
func Clear(wait bool) {
	out, _ := current()
	out.Clear(wait)
}

// Input asks the user for a line of text (Jupyter's input_request). It fails when
// the front end cannot answer.
func Input(prompt string) (string, error) {
	out, _ := current()
	return out.Input(prompt, false)
}

// Password asks for a line of text without echoing it.
func Password(prompt string) (string, error) {
	out, _ := current()
	return out.Input(prompt, true)
}

func show(data map[string]any) {
	out, _ := current()
	out.Display(bundle(data), "")
}

func bundle(data map[string]any) engine.Bundle {
	return engine.Bundle{Data: data, Metadata: map[string]any{}}
}
