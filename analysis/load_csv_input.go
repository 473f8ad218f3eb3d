package analysis

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// errTruncatedGzip is a gzip stream that ends before its end: compress/gzip
// reports it as io.ErrUnexpectedEOF, which io.ReadFull also returns for a short
// read, so a truncated file once loaded as a clean, shorter one.
var errTruncatedGzip = errors.New("truncated gzip")

// gzipInput reads a gzip stream, turning its unexpected end into errTruncatedGzip.
type gzipInput struct{ z *gzip.Reader }

func (g gzipInput) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = errTruncatedGzip
	}
	return n, err
}

// csvInput prepares the bytes of a CSV file for parsing: it decompresses gzip
// (by its magic bytes) and reads classic Mac line endings (a lone CR) as line
// breaks. It returns the reader, the format ("csv" or "csv.gz") and notes for the
// LoadReport.
func csvInput(r io.Reader, name string) (*bufio.Reader, string, []string, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	format := "csv"
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, "", nil, fmt.Errorf("load %s: %w: the file ends inside the gzip header", name, errTruncatedGzip)
		}
		if err != nil {
			return nil, "", nil, fmt.Errorf("load %s: gzip: %w", name, err)
		}
		br = bufio.NewReaderSize(gzipInput{gz}, 1<<16)
		format = "csv.gz"
	}
	var notes []string
	if crOnly(br) {
		br = bufio.NewReaderSize(&crInput{r: br}, 1<<16)
		notes = append(notes, "line endings: CR only (classic Mac OS), read as line breaks")
	}
	return br, format, notes, nil
}

// crOnly reports whether the first line of br ends with a lone CR: a file saved
// with classic Mac OS line endings (Excel for Mac's "CSV (Macintosh)"), which is
// otherwise one long line, a header with no rows.
func crOnly(br *bufio.Reader) bool {
	head, _ := br.Peek(1 << 16)
	i := bytes.IndexAny(head, "\r\n")
	return i >= 0 && head[i] == '\r' && (i+1 == len(head) || head[i+1] != '\n')
}

// crInput reads a lone CR as LF; CRLF stays as it is.
type crInput struct {
	r *bufio.Reader
}

func (c *crInput) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := bytes.IndexByte(p[:n], '\r'); i >= 0; {
		var next []byte
		if i+1 < n {
			next = p[i+1 : i+2]
		} else {
			next, _ = c.r.Peek(1)
		}
		if len(next) == 0 || next[0] != '\n' {
			p[i] = '\n'
		}
		j := bytes.IndexByte(p[i+1:n], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, err
}

// truncatedError describes a gzip stream that ended early: after which complete
// line, and that line's text, so that the user can see how far the file got.
func truncatedError(name string, lines int, last []byte) error {
	if lines <= 1 {
		return fmt.Errorf("load %s: %w: the stream ends in the header line; no row is complete", name, errTruncatedGzip)
	}
	return fmt.Errorf("load %s: %w: the stream ends after line %d, the last complete line: %s", name, errTruncatedGzip, lines, quoteLine(last))
}

// quoteLine quotes a line for a message, shortened to 120 bytes.
func quoteLine(b []byte) string {
	b = bytes.TrimRight(b, "\r\n")
	if len(b) > 120 {
		return strconv.Quote(string(b[:120])) + "…"
	}
	return strconv.Quote(string(b))
}

// lastLine returns the last complete line of b (which ends with '\n').
func lastLine(b []byte) []byte {
	b = b[:len(b)-1]
	return b[bytes.LastIndexByte(b, '\n')+1:]
}

// textError says why a header line is not CSV text: a NUL byte or invalid UTF-8
// means a binary file (a Parquet file whose magic bytes are damaged, a
// spreadsheet) or text in another encoding.
func textError(line []byte) string {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return fmt.Sprintf("a NUL byte at byte %d: this is binary data, not a CSV file", i+1)
	}
	if !utf8.Valid(line) {
		return "it is not valid UTF-8: " + utf8Hint(line)
	}
	return ""
}

// utf8Hint locates the first invalid byte of b and says what to do about it.
func utf8Hint(b []byte) string {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return fmt.Sprintf("byte 0x%02X at byte %d; if the file is in another encoding (such as Windows-1252 or Latin-1), convert it to UTF-8 first (iconv -f WINDOWS-1252 -t UTF-8)", b[i], i+1)
}
