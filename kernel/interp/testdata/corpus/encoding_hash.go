// Hashes and encodings of fixed data: sha256, md5, hex, base64, crc32.
package main

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
)

func main() {
	data := []byte("the quick brown fox")
	sum := sha256.Sum256(data)
	fmt.Println(hex.EncodeToString(sum[:8]))
	fmt.Printf("%x\n", md5.Sum(data))
	enc := base64.StdEncoding.EncodeToString(data)
	dec, err := base64.StdEncoding.DecodeString(enc)
	fmt.Println(enc, string(dec), err)
	fmt.Println(base64.URLEncoding.EncodeToString([]byte{0xfb, 0xff}), crc32.ChecksumIEEE(data))
	h := sha256.New()
	h.Write([]byte("part1"))
	h.Write([]byte("part2"))
	fmt.Printf("%x\n", h.Sum(nil)[:4])
	b, err := hex.DecodeString("48656c6c6f")
	fmt.Println(string(b), err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
}
