package display

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"reflect"
	"sort"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"gonum.org/v1/plot"

	"github.com/ratelab/ratelab/kernel/display/chartjs"
	"github.com/ratelab/ratelab/kernel/engine"
)

// The interfaces a value implements to choose its own rich forms. They are plain
// method sets, so a package needs no import of display to be displayable.
type (
	// HTMLer is a value that renders itself as an HTML fragment.
	HTMLer interface{ HTML() string }
	// Markdowner is a value that renders itself as Markdown.
	Markdowner interface{ Markdown() string }
	// SVGer is a value that renders itself as an SVG document.
	SVGer interface{ SVG() string }
	// PNGer is a value that renders itself as a PNG image.
	PNGer interface{ PNG() ([]byte, error) }
	// JSONer is a value shown as application/json; JSON returns the value to encode.
	JSONer interface{ JSON() any }
	// MIMEBundler is a value that gives its forms itself, keyed by MIME type (as
	// IPython's _repr_mimebundle_): text as strings, binary forms such as image/png as
	// []byte, JSON types as values encoding/json encodes. A chart spec
	// (chartjs.MIMEType) becomes an interactive chart in text/html, over the bundle's
	// image/png.
	MIMEBundler interface {
		MIMEBundle() (map[string]any, error)
	}
)

// Render returns the MIME bundle v shows as, and false for values that show nothing
// (nil). Every bundle has text/plain. A gota DataFrame gives an HTML table, a
// *plot.Plot a PNG (and SVG when the cell's options ask), an image.Image a PNG, and
// a value with HTML, Markdown, SVG, PNG, JSON or MIMEBundle methods each form it
// offers, and a Widget itself (live where the front end has widgets). Other
// values print as fmt's %v, with strings quoted as Go source quotes them.
func Render(v any) (engine.Bundle, bool) {
	_, o := current()
	return render(v, o)
}

func render(v any, o Options) (engine.Bundle, bool) {
	if v == nil {
		return engine.Bundle{}, false
	}
	if w, ok := v.(Widget); ok {
		return w.model().render(), true
	}
	data := map[string]any{}
	meta := map[string]any{}
	switch x := v.(type) {
	case dataframe.DataFrame:
		data["text/html"] = frameHTML(x)
		data["text/plain"] = x.String()
	case *dataframe.DataFrame:
		if x == nil {
			return engine.Bundle{}, false
		}
		return render(*x, o)
	case *plot.Plot:
		if x == nil {
			return engine.Bundle{}, false
		}
		if err := plotData(data, x, defaultWidth, defaultHeight, o.SVG); err != nil {
			data["text/plain"] = fmt.Sprintf("plot: %v", err)
			break
		}
		data["text/plain"] = fmt.Sprintf("<plot %q>", x.Title.Text)
	case image.Image:
		b, err := encodePNG(x)
		if err != nil {
			data["text/plain"] = fmt.Sprintf("image: %v", err)
			break
		}
		data["image/png"] = b
		r := x.Bounds()
		data["text/plain"] = fmt.Sprintf("<image %d×%d>", r.Dx(), r.Dy())
	}
	if x, ok := v.(HTMLer); ok {
		data["text/html"] = x.HTML()
	}
	if x, ok := v.(Markdowner); ok {
		data["text/markdown"] = x.Markdown()
	}
	if x, ok := v.(SVGer); ok {
		data["image/svg+xml"] = x.SVG()
	}
	if x, ok := v.(PNGer); ok && !isBundler(v) {
		if b, err := x.PNG(); err != nil {
			data["text/plain"] = fmt.Sprintf("%T.PNG: %v", v, err)
		} else {
			data["image/png"] = base64.StdEncoding.EncodeToString(b)
		}
	}
	if x, ok := v.(JSONer); ok {
		data["application/json"] = x.JSON()
	}
	if x, ok := v.(MIMEBundler); ok {
		if err := addBundle(data, x); err != nil {
			data["text/plain"] = fmt.Sprintf("%T.MIMEBundle: %v", v, err)
		}
	}
	if _, ok := data["text/plain"]; !ok {
		data["text/plain"] = plainText(v, data)
	}
	return engine.Bundle{Data: data, Metadata: meta}, true
}

// isBundler reports whether v gives its own bundle, which then holds its PNG: the
// PNG method is not asked to draw it a second time.
func isBundler(v any) bool {
	_, ok := v.(MIMEBundler)
	return ok
}

// addBundle adds the forms x gives to data, turning a chart spec into text/html.
func addBundle(data map[string]any, x MIMEBundler) error {
	forms, err := x.MIMEBundle()
	if err != nil {
		return err
	}
	for mime, f := range forms {
		if b, ok := f.([]byte); ok {
			f = base64.StdEncoding.EncodeToString(b)
		}
		data[mime] = f
	}
	if _, ok := data[chartjs.MIMEType]; ok {
		return chartHTML(data, takeLibrary())
	}
	return nil
}

// plainText is the text/plain form of a value shown in the rich forms of data. A
// struct or pointer with rich forms but no String method names its type and forms
// instead of printing its fields with %v: those hold pointers whose addresses change
// from run to run, which would make a re-executed notebook differ from the committed one.
func plainText(v any, data map[string]any) string {
	_, stringer := v.(fmt.Stringer)
	_, isErr := v.(error)
	kind := reflect.TypeOf(v).Kind()
	if stringer || isErr || len(data) == 0 || (kind != reflect.Pointer && kind != reflect.Struct) {
		return Text(v)
	}
	forms := make([]string, 0, len(data))
	for mime := range data {
		forms = append(forms, mime)
	}
	sort.Strings(forms)
	return fmt.Sprintf("<%T: %s>", v, strings.Join(forms, ", "))
}

// Text is the text/plain form of v for values with no form of their own: fmt's %v,
// with a string (or a named string type) quoted as Go quotes it, as IPython shows
// repr() rather than str().
func Text(v any) string {
	if v == nil {
		return "<nil>"
	}
	if _, ok := v.(fmt.Stringer); !ok && reflect.TypeOf(v).Kind() == reflect.String {
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprintf("%v", v)
}

// encodePNG returns img as a base64 PNG, the form bundles carry.
func encodePNG(img image.Image) (string, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}
