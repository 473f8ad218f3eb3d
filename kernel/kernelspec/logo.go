package kernelspec

import (
	"image"
	"image/color"
)

// Colours of the mark: Go's brand blue, and the warm tone of a flagged rate.
var (
	goBlue = color.RGBA{0x00, 0xad, 0xd8, 0xff}
	white  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	amber  = color.RGBA{0xff, 0xb0, 0x20, 0xff}
)

// Logo draws ratelab's mark at size×size pixels: a Go-blue rounded square holding
// four white bars of rising rates, the last one amber, as a flagged release. It is
// what logo-32x32.png and logo-64x64.png hold (go generate writes them).
func Logo(size int) image.Image {
	// Draw on a 64-unit grid, 4× supersampled, then average down: smooth edges
	// without a vector library.
	const ss = 4
	n := size * ss
	scale := float64(n) / 64
	inRect := func(x, y, x0, y0, x1, y1 float64) bool { return x >= x0 && x < x1 && y >= y0 && y < y1 }
	at := func(px, py int) color.RGBA {
		x, y := (float64(px)+0.5)/scale, (float64(py)+0.5)/scale
		// Rounded square: inside unless in a corner beyond the radius.
		const r = 12
		cx, cy := min(max(x, r), 64-r), min(max(y, r), 64-r)
		if (x-cx)*(x-cx)+(y-cy)*(y-cy) > r*r {
			return color.RGBA{}
		}
		bars := [4]float64{22, 30, 38, 50} // heights, rising
		for i, h := range bars {
			x0 := 10 + float64(i)*11.5
			if inRect(x, y, x0, 56-h, x0+8, 56) {
				if i == len(bars)-1 {
					return amber
				}
				return white
			}
		}
		return goBlue
	}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			// Average premultiplied samples so transparent corners do not darken edges.
			var r, g, b, a int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					c := at(x*ss+sx, y*ss+sy)
					r += int(c.R) * int(c.A)
					g += int(c.G) * int(c.A)
					b += int(c.B) * int(c.A)
					a += int(c.A)
				}
			}
			if a > 0 {
				img.SetNRGBA(x, y, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(a / (ss * ss))})
			}
		}
	}
	return img
}
