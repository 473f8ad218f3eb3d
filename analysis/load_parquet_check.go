package analysis

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"

	"github.com/parquet-go/parquet-go"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// A Parquet file describes itself with lengths and counts (footer length, list
// sizes, page sizes, values per page, rows per row group) that parquet-go trusts
// when it allocates: one damaged byte in a length makes a 16 KB file ask for
// gigabytes, or ends the process. The checks in this file read those claims first
// and hold each to something the file physically has, so that every allocation
// while loading is bounded by the file's size:
//
//   - the footer fits in the file, and every thrift list in it or in a page header
//     has no more elements than bytes left to hold them;
//   - every column chunk lies inside the file's data, and its pages tile it
//     exactly: each page's compressed size fits in what is left of the chunk;
//   - a page's uncompressed size is at most what its codec can expand to
//     (maxExpansion), and for SNAPPY and ZSTD equals the size the compressed
//     stream itself declares;
//   - the values of a column chunk's data pages add up to its row group's rows,
//     no page holding more than the rows left; a dictionary holds at most one
//     value per byte;
//   - the file's rows are at most maxRowsPerByte per byte of the file.
//
// The walk over page headers also counts the pages that carry a CRC, which
// parquet-go then verifies while reading them (a mismatch fails the load).

// maxRowsPerByte bounds the rows a file may claim for its size. Real aggregates
// take tens of bytes a row even when compressed (usage hours and counts vary
// from row to row); only a file whose every column repeats one value could store
// more rows than this in a byte, and a claim beyond it is a damaged count.
const maxRowsPerByte = 64

// maxExpansion is how many bytes one compressed byte can decode to, by codec: the
// formats' own limits (SNAPPY: a 3-byte copy yields 64 bytes; DEFLATE: 258 bytes
// from 2 bits, 1032:1; LZ4: 255 per byte of a match length). ZSTD and BROTLI can
// encode a run of a repeated byte in a few bytes, so their limit is that of a
// ZSTD RLE block (128 KiB from 4 bytes).
var maxExpansion = map[format.CompressionCodec]int64{
	format.Uncompressed: 1,
	format.Snappy:       22,
	format.Gzip:         1032,
	format.Lz4:          255,
	format.Lz4Raw:       255,
	format.Zstd:         32768,
	format.Brotli:       32768,
}

// pqFooter reads and checks the footer of a Parquet file of size bytes: the
// trailing length and magic, then the metadata decoded with every list bounded by
// the bytes left. It returns the metadata, which parquet.OpenFile decodes again
// from the same, now checked, bytes.
func pqFooter(r io.ReaderAt, size int64) (*format.FileMetaData, error) {
	const magic = 4
	if size < 2*magic+4 {
		return nil, fmt.Errorf("%d bytes is too short for a Parquet file", size)
	}
	var tail [8]byte
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return nil, fmt.Errorf("read the footer: %w", err)
	}
	switch string(tail[4:]) {
	case "PAR1":
	case "PARE":
		return nil, errors.New("the file is encrypted (magic PARE): encrypted Parquet is not supported")
	default:
		return nil, fmt.Errorf("no Parquet magic at the end of the file (found %q): the file is truncated or damaged", tail[4:])
	}
	n := int64(binary.LittleEndian.Uint32(tail[:4]))
	if n > size-8-magic {
		return nil, fmt.Errorf("footer length %d is more than the file's %d bytes: the file is truncated or damaged", n, size)
	}
	buf := make([]byte, n)
	if _, err := r.ReadAt(buf, size-8-n); err != nil {
		return nil, fmt.Errorf("read the footer: %w", err)
	}
	md := new(format.FileMetaData)
	if err := decodeBounded(buf, md); err != nil {
		return nil, fmt.Errorf("footer: %w", err)
	}
	for i, e := range md.Schema[min(1, len(md.Schema)):] {
		// Every field but the root says how it repeats; a leaf has a physical type.
		if rt := e.RepetitionType; !rt.Valid || rt.V < format.Required || rt.V > format.Repeated {
			return nil, fmt.Errorf("schema field %d (%q) has no valid repetition (required, optional or repeated): the footer is damaged", i+1, e.Name)
		}
		if leaf := !e.NumChildren.Valid || e.NumChildren.V == 0; leaf && (!e.Type.Valid || e.Type.V < format.Boolean || e.Type.V > format.FixedLenByteArray) {
			return nil, fmt.Errorf("schema field %d (%q) has no valid type: the footer is damaged", i+1, e.Name)
		}
	}
	dataEnd := size - 8 - n
	var rows int64
	for g, rg := range md.RowGroups {
		if rg.NumRows < 0 {
			return nil, fmt.Errorf("row group %d: negative row count %d", g, rg.NumRows)
		}
		rows += rg.NumRows
		for i := range rg.Columns {
			m := &rg.Columns[i].MetaData
			start, end := pqChunkRange(m)
			if start < magic || m.TotalCompressedSize < 0 || end > dataEnd || end < start {
				return nil, fmt.Errorf("row group %d: column %q: its data (bytes %d to %d) is not inside the file's data (bytes %d to %d)",
					g, pathName(m.PathInSchema), start, end, magic, dataEnd)
			}
		}
	}
	if rows < 0 || rows/maxRowsPerByte > size {
		return nil, fmt.Errorf("the file claims %d rows in %d bytes (more than %d rows a byte): a row count is damaged", rows, size, maxRowsPerByte)
	}
	return md, nil
}

// pqChunkRange is the byte range of a column chunk: from its dictionary page, if
// it has one, as parquet-go reads it.
func pqChunkRange(m *format.ColumnMetaData) (start, end int64) {
	start = m.DataPageOffset
	if m.DictionaryPageOffset != 0 {
		start = m.DictionaryPageOffset
	}
	return start, start + m.TotalCompressedSize
}

func pathName(p []string) string {
	if len(p) == 0 {
		return "?"
	}
	name := p[0]
	for _, s := range p[1:] {
		name += "." + s
	}
	return name
}

// pqPages is what the walk over a column chunk's page headers found.
type pqPages struct {
	pages   int // data and dictionary pages
	withCRC int // pages whose header carries a CRC
}

// pqCheckChunk walks the page headers of a column chunk of a row group of rows
// rows (a column that is not repeated: one value, or NULL, per row; optional
// when maxDef is 1) and checks each page's claims before parquet-go reads the
// pages.
func pqCheckChunk(r io.ReaderAt, m *format.ColumnMetaData, rows int64, maxDef byte) (pqPages, error) {
	var st pqPages
	ratio, ok := maxExpansion[m.Codec]
	if !ok {
		return st, fmt.Errorf("unknown compression codec %d", m.Codec)
	}
	pos, end := pqChunkRange(m)
	var values int64
	for page := 0; pos < end; page++ {
		h, hlen, err := readPageHeader(r, pos, end)
		if err != nil {
			return st, fmt.Errorf("page %d (byte %d): header: %w", page, pos, err)
		}
		pos += hlen
		bad := func(format string, args ...any) error {
			return fmt.Errorf("page %d (byte %d): "+format, append([]any{page, pos - hlen}, args...)...)
		}
		csize, usize := int64(h.CompressedPageSize), int64(h.UncompressedPageSize)
		if csize < 0 || csize > end-pos {
			return st, bad("compressed size %d is more than the %d bytes left in the column chunk", csize, end-pos)
		}
		levels := int64(0) // v2 pages keep their levels uncompressed ahead of the values
		switch h.Type {
		case format.DataPage:
			if !h.DataPageHeader.Valid {
				return st, bad("a data page without its header")
			}
			n := int64(h.DataPageHeader.V.NumValues)
			if n < 0 || n > rows-values {
				return st, bad("%d values, but only %d of the row group's %d rows are left", n, rows-values, rows)
			}
			if maxDef == 0 { // no levels: the page is its values
				if err := checkPlainSize(m.Type, h.DataPageHeader.V.Encoding, n, usize); err != nil {
					return st, bad("%v", err)
				}
			}
			values += n
		case format.DataPageV2:
			if !h.DataPageHeaderV2.Valid {
				return st, bad("a data page without its header")
			}
			v := h.DataPageHeaderV2.V
			n := int64(v.NumValues)
			if n < 0 || n > rows-values {
				return st, bad("%d values, but only %d of the row group's %d rows are left", n, rows-values, rows)
			}
			levels = int64(v.DefinitionLevelsByteLength) + int64(v.RepetitionLevelsByteLength)
			if v.DefinitionLevelsByteLength < 0 || v.RepetitionLevelsByteLength < 0 || levels > csize || levels > usize {
				return st, bad("level lengths %d+%d do not fit in the page", v.RepetitionLevelsByteLength, v.DefinitionLevelsByteLength)
			}
			if v.NumNulls < 0 || int64(v.NumNulls) > n {
				return st, bad("%d NULLs among %d values", v.NumNulls, n)
			}
			if err := checkPlainSize(m.Type, v.Encoding, n-int64(v.NumNulls), usize-levels); err != nil {
				return st, bad("%v", err)
			}
			values += n
		case format.DictionaryPage:
			if !h.DictionaryPageHeader.Valid {
				return st, bad("a dictionary page without its header")
			}
			if n := int64(h.DictionaryPageHeader.V.NumValues); n < 0 || n > usize {
				return st, bad("a dictionary of %d values in %d bytes", n, usize)
			}
		case format.IndexPage:
			pos += csize
			continue
		default:
			return st, bad("unknown page type %d", h.Type)
		}
		if usize < 0 || usize-levels > ratio*(csize-levels)+64 {
			return st, bad("uncompressed size %d is more than %s can expand %d bytes to", usize, m.Codec, csize)
		}
		if err := checkStreamSize(r, m.Codec, pos+levels, csize-levels, usize-levels); err != nil {
			return st, bad("%v", err)
		}
		if h.CRC == 0 && h.Type != format.DictionaryPage {
			if err := checkRuns(r, m.Codec, h, pos, maxDef); err != nil {
				return st, bad("%v", err)
			}
		}
		st.pages++
		if h.CRC != 0 {
			st.withCRC++
		}
		pos += csize
	}
	if values != rows {
		return st, fmt.Errorf("its pages hold %d values, but the row group has %d rows", values, rows)
	}
	return st, nil
}

// checkPlainSize checks that n PLAIN-encoded values of a fixed-width type take
// exactly size bytes: a damaged value count, NULL count or level length shifts
// the values, and would otherwise load them misaligned.
func checkPlainSize(t format.Type, enc format.Encoding, n, size int64) error {
	width := map[format.Type]int64{format.Int32: 4, format.Int64: 8, format.Int96: 12, format.Float: 4, format.Double: 8}[t]
	if enc != format.Plain || width == 0 || n*width == size {
		return nil
	}
	return fmt.Errorf("%d PLAIN %s values take %d bytes, not %d", n, t, n*width, size)
}

// checkRuns checks the run lengths of a data page without a CRC: its definition
// levels and dictionary indexes are run-length encoded, and parquet-go's decoder
// allocates every run a header claims (up to 2³¹ values) before it compares the
// total with the page's value count. (A page with a CRC has been verified before
// it is decoded, so its runs are what the writer wrote.) Each run may hold no
// more values than the page has left, plus the padding of a bit-packed group.
func checkRuns(r io.ReaderAt, codec format.CompressionCodec, h *format.PageHeader, pos int64, maxDef byte) error {
	var n int64
	var enc format.Encoding
	var levels []byte // v2: the definition levels, stored apart and uncompressed
	raw := make([]byte, h.CompressedPageSize)
	if _, err := r.ReadAt(raw, pos); err != nil {
		return err
	}
	if h.Type == format.DataPageV2 {
		v := h.DataPageHeaderV2.V
		n, enc = int64(v.NumValues), v.Encoding
		rep, def := int64(v.RepetitionLevelsByteLength), int64(v.DefinitionLevelsByteLength)
		levels, raw = raw[rep:rep+def], raw[rep+def:]
		if v.IsCompressed.Valid && !v.IsCompressed.V {
			codec = format.Uncompressed
		}
	} else {
		n, enc = int64(h.DataPageHeader.V.NumValues), h.DataPageHeader.V.Encoding
	}
	data := raw
	if codec != format.Uncompressed {
		var err error
		if data, err = parquet.LookupCompressionCodec(codec).Decode(make([]byte, 0, h.UncompressedPageSize), raw); err != nil {
			return fmt.Errorf("decompress: %w", err)
		}
	}
	if maxDef > 0 && (h.Type == format.DataPageV2 || h.DataPageHeader.V.DefinitionLevelEncoding == format.RLE) {
		if h.Type == format.DataPage {
			if len(data) < 4 || int64(binary.LittleEndian.Uint32(data)) > int64(len(data)-4) {
				return errors.New("the definition levels' length is beyond the page")
			}
			k := 4 + int(binary.LittleEndian.Uint32(data))
			levels, data = data[4:k], data[k:]
		}
		if err := checkRunLengths(levels, bits.Len8(maxDef), n, "definition levels"); err != nil {
			return err
		}
	}
	if enc == format.PlainDictionary || enc == format.RLEDictionary {
		if len(data) == 0 {
			return errors.New("no dictionary indexes")
		}
		return checkRunLengths(data[1:], int(data[0]), n, "dictionary indexes")
	}
	return nil
}

// checkRunLengths walks the runs of RLE/bit-packed hybrid data (Parquet's
// Encodings.md) of width bits a value, holding at most n values.
func checkRunLengths(b []byte, width int, n int64, what string) error {
	if width > 32 {
		return fmt.Errorf("%s: bit width %d", what, width)
	}
	var got int64
	for len(b) > 0 {
		h, k := binary.Uvarint(b)
		if k <= 0 {
			return fmt.Errorf("%s: a damaged run header", what)
		}
		b = b[k:]
		count, size := int64(h>>1), int64((width+7)/8)
		if h&1 == 1 { // bit-packed groups of 8 values
			count, size = 8*int64(h>>1), int64(h>>1)*int64(width)
		}
		if got += count; got > n+7 {
			return fmt.Errorf("%s: runs of %d values in a page of %d", what, got, n)
		}
		if size > int64(len(b)) {
			return fmt.Errorf("%s: a run of %d values is cut short", what, count)
		}
		b = b[size:]
	}
	return nil
}

// readPageHeader decodes the page header at pos, reading as little past it as it
// can: headers are tens of bytes, statistics can make them longer.
func readPageHeader(r io.ReaderAt, pos, end int64) (*format.PageHeader, int64, error) {
	for window := int64(256); ; window *= 4 {
		window = min(window, end-pos)
		buf := make([]byte, window)
		if _, err := r.ReadAt(buf, pos); err != nil {
			return nil, 0, err
		}
		h := new(format.PageHeader)
		n, err := decodeBoundedPrefix(buf, h)
		if err == nil {
			return h, int64(n), nil
		}
		if !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) || window == end-pos {
			return nil, 0, err
		}
	}
}

// checkStreamSize compares the decoded size that a SNAPPY block or a ZSTD frame
// declares at its start with the page's uncompressed size: the decoders allocate
// what the stream declares.
func checkStreamSize(r io.ReaderAt, codec format.CompressionCodec, pos, n, want int64) error {
	if codec != format.Snappy && codec != format.Zstd || n == 0 {
		return nil
	}
	var head [18]byte
	b := head[:min(n, int64(len(head)))]
	if _, err := r.ReadAt(b, pos); err != nil {
		return err
	}
	got, ok := int64(-1), false
	if codec == format.Snappy {
		if v, k := binary.Uvarint(b); k > 0 {
			got, ok = int64(v), true
		}
	} else {
		got, ok = zstdContentSize(b)
	}
	if ok && got >= 0 && got != want {
		return fmt.Errorf("the %s stream declares %d bytes, the page header %d", codec, got, want)
	}
	if !ok && codec == format.Snappy {
		return fmt.Errorf("the %s stream has no valid length", codec)
	}
	return nil
}

// zstdContentSize returns the content size a ZSTD frame header declares (RFC 8878,
// 3.1.1.1), or -1 when it declares none; ok is false when b is no frame header.
func zstdContentSize(b []byte) (size int64, ok bool) {
	if len(b) < 5 || binary.LittleEndian.Uint32(b) != 0xFD2FB528 {
		return -1, false
	}
	fhd := b[4]
	single := fhd>>5&1 == 1
	p := 5
	if !single {
		p++ // window descriptor
	}
	p += [4]int{0, 1, 2, 4}[fhd&3] // dictionary id
	fcs := [4]int{0, 2, 4, 8}[fhd>>6]
	if fcs == 0 && single {
		fcs = 1
	}
	if fcs == 0 {
		return -1, true
	}
	if p+fcs > len(b) {
		return -1, false
	}
	switch fcs {
	case 1:
		return int64(b[p]), true
	case 2:
		return int64(binary.LittleEndian.Uint16(b[p:])) + 256, true
	case 4:
		return int64(binary.LittleEndian.Uint32(b[p:])), true
	}
	return int64(binary.LittleEndian.Uint64(b[p:]) & (1<<63 - 1)), true
}

// decodeBounded decodes a thrift compact-encoded value that must take all of b.
func decodeBounded(b []byte, v any) error {
	n, err := decodeBoundedPrefix(b, v)
	if err == nil && n != len(b) {
		err = fmt.Errorf("%d bytes left after the metadata", len(b)-n)
	}
	return err
}

// decodeBoundedPrefix decodes a thrift compact-encoded value from the start of b
// and returns the bytes it took. A list, set or map may not claim more elements
// than there are bytes left (every element takes at least one), so that the
// decoder, which allocates a list at its claimed size, allocates no more than b's
// length in elements.
func decodeBoundedPrefix(b []byte, v any) (int, error) {
	var p thrift.CompactProtocol
	r := boundedReader{p.NewReaderFromBytes(b), len(b)}
	if err := thrift.NewDecoder(r).Decode(v); err != nil {
		return 0, err
	}
	return r.BytesRead(), nil
}

type boundedReader struct {
	thrift.BytesReader
	size int
}

func (r boundedReader) check(n int32, what string) error {
	if left := r.size - r.BytesRead(); int(n) > left {
		return fmt.Errorf("a %s of %d elements in %d bytes: %w", what, n, left, io.ErrUnexpectedEOF)
	}
	return nil
}

func (r boundedReader) ReadList() (thrift.List, error) {
	l, err := r.BytesReader.ReadList()
	if err == nil {
		err = r.check(l.Size, "list")
	}
	return l, err
}

func (r boundedReader) ReadSet() (thrift.Set, error) {
	s, err := r.BytesReader.ReadSet()
	if err == nil {
		err = r.check(s.Size, "set")
	}
	return s, err
}

func (r boundedReader) ReadMap() (thrift.Map, error) {
	m, err := r.BytesReader.ReadMap()
	if err == nil {
		err = r.check(m.Size, "map")
	}
	return m, err
}
