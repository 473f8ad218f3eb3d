package notebook

import "strings"

// splitLines splits s after each line break as Python's str.splitlines(True) does,
// which nbformat's split_lines uses: the breaks are \n, \r\n, \r, \v, \f, \x1c,
// \x1d, \x1e, \x85, U+2028 and U+2029, each kept at the end of its line.
func splitLines(s string) []string {
	lines := []string{}
	start := 0
	for i, r := range s {
		switch r {
		case '\n', '\v', '\f', '\x1c', '\x1d', '\x1e', '\u0085', '\u2028', '\u2029':
		case '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				continue // the line ends after the \n of \r\n
			}
		default:
			continue
		}
		end := i + len(string(r))
		lines = append(lines, s[start:end])
		start = end
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// splitBundle returns a copy of a MIME bundle with its text values split into lines,
// as nbformat's _split_mimebundle does: text/* plus image/svg+xml and
// application/javascript; base64 images and JSON values stay as they are.
func splitBundle(data map[string]any) map[string]any {
	out := make(map[string]any, len(data))
	for k, v := range data {
		if s, ok := v.(string); ok && (strings.HasPrefix(k, "text/") || k == "image/svg+xml" || k == "application/javascript") {
			out[k] = splitLines(s)
			continue
		}
		out[k] = v
	}
	return out
}

// joinBundle rejoins, in place, the lists of lines of a MIME bundle read from a file,
// as nbformat's _rejoin_mimebundle does: every non-JSON MIME type whose value is a
// list of strings.
func joinBundle(data map[string]any) {
	for k, v := range data {
		if isJSONMime(k) {
			continue
		}
		list, ok := v.([]any)
		if !ok {
			continue
		}
		if joined, ok := joinStrings(list); ok {
			data[k] = joined
		}
	}
}

// joinStrings concatenates list when every element is a string.
func joinStrings(list []any) (string, bool) {
	var b strings.Builder
	for _, line := range list {
		s, ok := line.(string)
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return b.String(), true
}

// isJSONMime reports whether a MIME type carries a JSON value rather than text.
func isJSONMime(mime string) bool {
	return mime == "application/json" || strings.HasPrefix(mime, "application/") && strings.HasSuffix(mime, "+json")
}
