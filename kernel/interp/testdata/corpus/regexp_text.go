// Regular expressions: match, find all, submatches, replace with a function.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	text := "contact: ann@example.com, bob@test.com; invalid@x"
	fmt.Println(re.MatchString(text), re.FindString(text))
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		fmt.Println(m[1], "at", m[2])
	}
	fmt.Println(re.ReplaceAllString(text, "$1 [at] $2"))
	nums := regexp.MustCompile(`\d+`)
	fmt.Println(nums.FindAllString("a1b22c333", -1), nums.FindAllStringIndex("x12y3", -1))
	up := regexp.MustCompile(`\b[a-z]`).ReplaceAllStringFunc("hello big world", strings.ToUpper)
	fmt.Println(up)
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	date := regexp.MustCompile(`(?P<y>\d{4})-(?P<m>\d{2})`)
	m := date.FindStringSubmatch("on 2024-03")
	fmt.Println(m[date.SubexpIndex("y")], m[date.SubexpIndex("m")])
}
