package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	"image/png"
)

type checker struct{ size int }

func (c checker) ColorModel() color.Model { return color.RGBAModel }
func (c checker) Bounds() image.Rectangle { return image.Rect(0, 0, c.size, c.size) }
func (c checker) At(x, y int) color.Color {
	if (x/2+y/2)%2 == 0 {
		return color.RGBA{200, 30, 30, 255}
	}
	return color.RGBA{20, 20, 90, 255}
}
func (c checker) Opaque() bool { return true }

type gray8 uint8

func (g gray8) RGBA() (r, gg, b, a uint32) {
	v := uint32(g) * 0x101
	return v, v, v, 0xffff
}

type ramp struct{}

func (ramp) ColorModel() color.Model { return color.GrayModel }
func (ramp) Bounds() image.Rectangle { return image.Rect(0, 0, 4, 2) }
func (ramp) At(x, y int) color.Color { return gray8(x * 60) }

func main() {
	var buf bytes.Buffer
	err := png.Encode(&buf, checker{6})
	fmt.Printf("%d bytes %x %v\n", buf.Len(), sha256.Sum256(buf.Bytes()), err)
	img, _ := png.Decode(&buf)
	fmt.Printf("%T %v\n", img, img.At(2, 0))
	buf.Reset()
	err = png.Encode(&buf, ramp{})
	fmt.Printf("%d bytes %x %v\n", buf.Len(), sha256.Sum256(buf.Bytes()), err)
	g := color.GrayModel.Convert(gray8(77))
	fmt.Println(g)
}
