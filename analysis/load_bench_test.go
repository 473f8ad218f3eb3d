package analysis

import (
	"bytes"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// BenchmarkLoadParquetChecks measures what checking a file's claims costs
// (pqFooter and the walk over every page header, with the run-length scan on
// pages without a CRC) beside a whole load, for a file with page CRCs (written by
// parquet-go) and one without (the parquet-mr v1 sample). The checks walk every
// column; a load checks only the columns it reads.
func BenchmarkLoadParquetChecks(b *testing.B) {
	for _, f := range []struct {
		name string
		data []byte
	}{
		{"crc-snappy-100k", writeTestParquet(b, randomRows(6, 100000), parquet.Compression(&parquet.Snappy), parquet.MaxRowsPerRowGroup(20000), parquet.PageBufferSize(64<<10))},
		{"nocrc-v1-sample", mustRead(b, v1Sample)},
	} {
		r := bytes.NewReader(f.data)
		b.Run(f.name+"/load", func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				if _, err := LoadReader(bytes.NewReader(f.data), f.name); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(f.name+"/checks", func(b *testing.B) {
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				md, err := pqFooter(r, int64(len(f.data)))
				if err != nil {
					b.Fatal(err)
				}
				for _, rg := range md.RowGroups {
					for i := range rg.Columns {
						if _, err := pqCheckChunk(r, &rg.Columns[i].MetaData, rg.NumRows, 1); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		})
	}
}
