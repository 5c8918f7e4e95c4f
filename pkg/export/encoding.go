package export

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names as reported by inspect.
const (
	encUTF8     = "UTF-8"
	encUTF8BOM  = "UTF-8 with BOM"
	encUTF16LE  = "UTF-16 LE"
	encUTF16BE  = "UTF-16 BE"
	encCP1252   = "Windows-1252"
	encASCII    = "ASCII"
	sniffBytes  = 64 << 10
	sampleBytes = 256 << 10
	peekForText = 1 << 20
)

// decoded is an input stream turned into UTF-8 (see fallback).
type decoded struct {
	r        io.Reader
	encoding string
	// fallback is set when the stream is passed through as UTF-8 but may hold Windows-1252
	// bytes further on: fields that are not valid UTF-8 are then decoded as Windows-1252.
	fallback bool
}

// decode detects the encoding of r (or applies the one named) and returns a UTF-8 stream:
// a byte-order mark decides UTF-8 or UTF-16; a first megabyte of valid UTF-8 is UTF-8,
// with later invalid fields read as Windows-1252; else the stream is Windows-1252.
func decode(r io.Reader, name string) (*decoded, error) {
	br := bufio.NewReaderSize(r, peekForText)
	head, err := br.Peek(peekForText)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	if name != "" {
		return decodeNamed(br, head, name)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return &decoded{r: afterPeek(br, r, err), encoding: encUTF8BOM, fallback: true}, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return utf16Stream(br, unicode.LittleEndian, unicode.ExpectBOM, encUTF16LE), nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return utf16Stream(br, unicode.BigEndian, unicode.ExpectBOM, encUTF16BE), nil
	}
	if e, ok := sniffUTF16(head); ok {
		return utf16Stream(br, e, unicode.IgnoreBOM, map[unicode.Endianness]string{unicode.LittleEndian: encUTF16LE, unicode.BigEndian: encUTF16BE}[e]), nil
	}
	sample := head
	if len(head) == peekForText {
		// Do not judge a multi-byte character cut at the end of the sample.
		for i := 0; i < utf8.UTFMax && len(sample) > 0 && !utf8.RuneStart(sample[len(sample)-1]); i++ {
			sample = sample[:len(sample)-1]
		}
		if len(sample) > 0 && sample[len(sample)-1] >= 0x80 {
			sample = sample[:len(sample)-1]
		}
	}
	if utf8.Valid(sample) {
		enc := encUTF8
		if isASCII(sample) {
			enc = encASCII
		}
		return &decoded{r: afterPeek(br, r, err), encoding: enc, fallback: true}, nil
	}
	return &decoded{r: transform.NewReader(br, charmap.Windows1252.NewDecoder()), encoding: encCP1252}, nil
}

// afterPeek returns what br holds, then r itself, sparing a copy through br's buffer;
// after io.EOF (peekErr) r is not read again (a terminal would wait for more).
func afterPeek(br *bufio.Reader, r io.Reader, peekErr error) io.Reader {
	return &peeked{br: br, r: r, eof: peekErr == io.EOF}
}

type peeked struct {
	br  *bufio.Reader // nil once drained
	r   io.Reader
	eof bool
}

func (p *peeked) Read(b []byte) (int, error) {
	if p.br != nil {
		if p.br.Buffered() > 0 {
			return p.br.Read(b)
		}
		p.br = nil
	}
	if p.eof {
		return 0, io.EOF
	}
	return p.r.Read(b)
}

func utf16Stream(r io.Reader, e unicode.Endianness, bom unicode.BOMPolicy, name string) *decoded {
	return &decoded{r: transform.NewReader(r, unicode.UTF16(e, bom).NewDecoder()), encoding: name}
}

// sniffUTF16 recognises UTF-16 text without a byte-order mark by its zero bytes.
func sniffUTF16(b []byte) (unicode.Endianness, bool) {
	n := min(len(b), 4096) &^ 1
	if n < 8 {
		return unicode.LittleEndian, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd > half*7/10 && even < half/10:
		return unicode.LittleEndian, true
	case even > half*7/10 && odd < half/10:
		return unicode.BigEndian, true
	}
	return unicode.LittleEndian, false
}

// isASCII reports whether b is all ASCII, eight bytes at a time.
func isASCII(b []byte) bool {
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// decodeNamed applies an encoding named with --encoding.
func decodeNamed(br *bufio.Reader, head []byte, name string) (*decoded, error) {
	key := strings.NewReplacer("_", "-", " ", "").Replace(strings.ToLower(strings.TrimSpace(name)))
	switch key {
	case "utf-8", "utf8":
		if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
			br.Discard(3)
		}
		return &decoded{r: br, encoding: encUTF8}, nil
	case "utf-16", "utf16":
		return utf16Stream(br, unicode.LittleEndian, unicode.UseBOM, encUTF16LE), nil
	case "utf-16le", "utf16le":
		return utf16Stream(br, unicode.LittleEndian, unicode.IgnoreBOM, encUTF16LE), nil
	case "utf-16be", "utf16be":
		return utf16Stream(br, unicode.BigEndian, unicode.IgnoreBOM, encUTF16BE), nil
	case "cp1252", "windows-1252", "win1252", "ansi":
		return &decoded{r: transform.NewReader(br, charmap.Windows1252.NewDecoder()), encoding: encCP1252}, nil
	case "latin1", "latin-1", "iso-8859-1", "iso8859-1":
		return &decoded{r: transform.NewReader(br, charmap.ISO8859_1.NewDecoder()), encoding: "ISO-8859-1"}, nil
	}
	enc, err := htmlindex.Get(key)
	if err != nil {
		return nil, fmt.Errorf("%w: unknown encoding %q (try utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, iso-8859-15, macintosh)", ErrUsage, name)
	}
	canon, _ := htmlindex.Name(enc)
	return &decoded{r: transform.NewReader(br, enc.NewDecoder()), encoding: canon}, nil
}

// fixField returns f when valid UTF-8, else its Windows-1252 reading, in arena.
func fixField(f []byte, arena *[]byte) ([]byte, bool) {
	if isASCII(f) || utf8.Valid(f) {
		return f, false
	}
	from := len(*arena)
	for _, c := range f {
		if c < 0x80 {
			*arena = append(*arena, c)
			continue
		}
		*arena = utf8.AppendRune(*arena, cp1252[c-0x80])
	}
	return (*arena)[from:len(*arena):len(*arena)], true
}

// cp1252 maps the bytes 0x80–0xFF of Windows-1252 to runes.
var cp1252 = func() (t [128]rune) {
	dec := charmap.Windows1252
	for i := range t {
		t[i] = dec.DecodeByte(byte(0x80 + i))
	}
	return
}()
