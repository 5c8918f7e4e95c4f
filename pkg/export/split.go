package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
)

// errUnterminatedQuote reports a quoted field that never closes.
var errUnterminatedQuote = errors.New("a quoted field is never closed")

// splitter cuts one block of text into records and fields. Fields point into the block or
// into arena, never into reused memory, so rows can outlive the next record.
type splitter struct {
	delim      byte
	whitespace bool // fields separated by runs of spaces or tabs, leading ones ignored
	quotes     bool // honour "..." quoting (off for whitespace-separated files)
	fields     [][]byte
	arena      []byte
}

// record parses the record at b[pos:]. It returns the fields, the offset just past the
// record's line end, and the number of newlines inside quoted fields.
func (s *splitter) record(b []byte, pos int) (fields [][]byte, next int, extraLines int, err error) {
	s.fields = s.fields[:0]
	if s.whitespace {
		return s.spacedRecord(b, pos)
	}
	d := s.delim
	i := pos
	for {
		if s.quotes && i < len(b) && b[i] == '"' {
			raw, j, lines, err := s.quoted(b, i)
			if err != nil {
				return s.fields, len(b), extraLines, err
			}
			extraLines += lines
			s.fields = append(s.fields, raw)
			i = j
		} else {
			j := fieldEnd(b, i, d)
			f := b[i:j]
			if j == len(b) || b[j] == '\n' {
				if n := len(f); n > 0 && f[n-1] == '\r' {
					f = f[:n-1]
				}
			}
			s.fields = append(s.fields, f)
			i = j
		}
		if i >= len(b) {
			return s.fields, len(b), extraLines, nil
		}
		switch b[i] {
		case '\n':
			return s.fields, i + 1, extraLines, nil
		case '\r':
			// after a quoted field: \r\n, or \r at the very end, ends the record
			if i+1 < len(b) && b[i+1] == '\n' {
				return s.fields, i + 2, extraLines, nil
			}
			return s.fields, len(b), extraLines, nil
		default: // delimiter
			i++
			if i == len(b) {
				s.fields = append(s.fields, b[i:i])
				return s.fields, len(b), extraLines, nil
			}
		}
	}
}

// spacedRecord is record for fields separated by runs of spaces or tabs.
func (s *splitter) spacedRecord(b []byte, pos int) (fields [][]byte, next int, extraLines int, err error) {
	end := bytes.IndexByte(b[pos:], '\n')
	if end < 0 {
		end = len(b)
		next = len(b)
	} else {
		end += pos
		next = end + 1
	}
	line := b[pos:end]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			break
		}
		j := i
		for j < len(line) && line[j] != ' ' && line[j] != '\t' {
			j++
		}
		s.fields = append(s.fields, line[i:j])
		i = j
	}
	return s.fields, next, 0, nil
}

// quoted parses the quoted field that starts at b[i]. It returns the field, the offset
// just past it and the newlines inside it.
func (s *splitter) quoted(b []byte, i int) (field []byte, next, lines int, err error) {
	// Find the closing quote; "" is an escaped quote.
	start := i + 1
	j := start
	escaped := false
	for {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return nil, len(b), 0, errUnterminatedQuote
		}
		j += k
		if j+1 < len(b) && b[j+1] == '"' {
			escaped = true
			j += 2
			continue
		}
		break
	}
	raw := b[start:j]
	lines = bytes.Count(raw, nl)
	if escaped {
		raw = s.unescape(raw)
	}
	j++ // past the closing quote
	// Text between the closing quote and the delimiter is kept (lazy quotes); its quotes
	// are literal. Only \r\n (or \r at the end) ends the record.
	d := s.delim
	if j < len(b) && b[j] != d && b[j] != '\n' && !(b[j] == '\r' && (j+1 == len(b) || b[j+1] == '\n')) {
		k := j
		for k < len(b) && b[k] != d && b[k] != '\n' {
			k++
		}
		tail := b[j:k]
		if k == len(b) || b[k] == '\n' {
			tail = bytes.TrimRight(tail, "\r")
		}
		from := len(s.arena)
		s.arena = append(s.arena, raw...)
		s.arena = append(s.arena, tail...)
		raw = s.arena[from:len(s.arena):len(s.arena)]
		j = k
	}
	return raw, j, lines, nil
}

// unescape returns raw with each "" made ", in the arena.
func (s *splitter) unescape(raw []byte) []byte {
	from := len(s.arena)
	for len(raw) > 0 {
		k := bytes.IndexByte(raw, '"')
		if k < 0 {
			s.arena = append(s.arena, raw...)
			break
		}
		s.arena = append(s.arena, raw[:k+1]...)
		raw = raw[k+2:]
	}
	return s.arena[from:len(s.arena):len(s.arena)]
}

var nl = []byte{'\n'}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// fieldEnd returns the offset of the first delimiter d or newline in b from i on, or
// len(b), testing eight bytes at a time (fields are too short for bytes.IndexByte).
func fieldEnd(b []byte, i int, d byte) int {
	dd, nn := uint64(d)*ones, uint64('\n')*ones
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// A zero byte of x^dd is a delimiter, of x^nn a newline. (v-ones)&^v&highs marks
		// the lowest zero byte of v exactly; bytes above it may be marked falsely, which
		// does not matter as only the lowest mark is used.
		v, w := x^dd, x^nn
		if m := ((v - ones) &^ v & highs) | ((w - ones) &^ w & highs); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(b) && b[i] != d && b[i] != '\n' {
		i++
	}
	return i
}

// MaxRecordBytes is the longest record the reader takes; a longer one is almost always a
// quote never closed, or lines that do not end in a line end.
const MaxRecordBytes = 64 << 20

// chunker reads a stream in blocks of whole records, parsed independently. In quoted mode
// it follows the splitter: a quote opens a quoted field only at the start of a field.
type chunker struct {
	r      io.Reader
	quotes bool
	delim  byte
	size   int
	// get returns a buffer of at least n bytes' capacity (length 0) to read a block into;
	// nil allocates. Blocks are handed out whole, so the caller may recycle them.
	get   func(n int) []byte
	carry []byte // the start of the next block: a record cut by the end of the buffer
	eof   bool
	line  int // 1-based line number of the next block's first byte
	// open is set when the last block handed out ends in a line without a line end.
	open bool
	// maxSize is the longest record taken, [MaxRecordBytes] but for tests. Buffers are
	// never larger than maxSize+1, so that no record longer than it fits in one unseen.
	maxSize int
}

// RecordTooLongError is a record longer than [MaxRecordBytes].
type RecordTooLongError struct {
	Line int // the line the record starts on
	// QuoteLine and QuoteColumn are where the quoted field that is still open at the limit
	// starts (column: 1-based field number); 0 when no quoted field is open, so that the
	// record simply has no line end.
	QuoteLine, QuoteColumn int
}

func (e *RecordTooLongError) Error() string {
	if e.QuoteLine > 0 {
		return fmt.Sprintf("line %d: the quoted field that starts at line %d, column %d is never closed: the record runs on past %d MiB", e.Line, e.QuoteLine, e.QuoteColumn, MaxRecordBytes>>20)
	}
	return fmt.Sprintf("line %d: the record runs on for more than %d MiB without a line end", e.Line, MaxRecordBytes>>20)
}

// next returns the next block, the buffer it is in (now the caller's) and its first line;
// io.EOF at the end, a [*RecordTooLongError] at a record longer than maxSize.
func (c *chunker) next() (block, buf []byte, line int, err error) {
	if c.eof && len(c.carry) == 0 {
		return nil, nil, 0, io.EOF
	}
	size := max(min(c.size, c.maxSize), min(2*len(c.carry), c.maxSize+1), len(c.carry))
	for {
		if c.get != nil {
			buf = c.get(size)[:len(c.carry)]
		} else {
			buf = make([]byte, len(c.carry), size)
		}
		copy(buf, c.carry)
		for !c.eof && len(buf) < cap(buf) {
			n, err := c.r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				c.eof = true
			} else if err != nil {
				return nil, nil, 0, err
			}
		}
		if c.eof && len(buf) == 0 {
			c.carry = c.carry[:0]
			return nil, nil, 0, io.EOF
		}
		cut := len(buf)
		if !c.eof {
			cut = c.boundary(buf)
		} else if len(buf) > c.maxSize {
			// The last record, which needs no line end, may be the one too long.
			if b := c.boundary(buf); len(buf)-b > c.maxSize {
				cut = b
			}
		}
		if cut > 0 {
			block = buf[:cut:cut]
			c.carry = append(c.carry[:0], buf[cut:]...)
			line = c.line
			c.line += bytes.Count(block, nl)
			c.open = block[len(block)-1] != '\n'
			return block, buf[:0], line, nil
		}
		// No boundary in the whole buffer: the record at its start is at least as long.
		if len(buf) > c.maxSize {
			return nil, nil, 0, c.tooLong(buf)
		}
		c.carry = append(c.carry[:0], buf...)
		size = min(2*len(buf), c.maxSize+1)
	}
}

// lines returns the number of physical lines handed out so far.
func (c *chunker) lines() int {
	if c.open {
		return c.line
	}
	return c.line - 1
}

// tooLong describes the record that fills buf without ending.
func (c *chunker) tooLong(buf []byte) error {
	e := &RecordTooLongError{Line: c.line}
	if !c.quotes {
		return e
	}
	// Follow the quotes as boundary does; every newline in buf is inside a quoted field.
	inside, open, field := false, -1, 1
	for pos := 0; pos < len(buf); {
		if !inside {
			k := bytes.IndexAny(buf[pos:], string([]byte{'"', c.delim}))
			if k < 0 {
				break
			}
			q := pos + k
			pos = q + 1
			if buf[q] == c.delim {
				field++
			} else if q == 0 || buf[q-1] == c.delim || buf[q-1] == '\n' {
				inside, open = true, q
			}
			continue
		}
		k := bytes.IndexByte(buf[pos:], '"')
		if k < 0 {
			break
		}
		q := pos + k
		if q+1 < len(buf) && buf[q+1] == '"' {
			pos = q + 2
			continue
		}
		inside, pos = false, q+1
	}
	if inside {
		e.QuoteLine = c.line + bytes.Count(buf[:open], nl)
		e.QuoteColumn = field
	}
	return e
}

// boundary returns the offset just past the last record-ending newline in buf, or 0.
func (c *chunker) boundary(buf []byte) int {
	if !c.quotes {
		return bytes.LastIndexByte(buf, '\n') + 1
	}
	inside := false
	lastOut := -1
	for pos := 0; ; {
		q := bytes.IndexByte(buf[pos:], '"')
		end := len(buf)
		if q >= 0 {
			end = pos + q
		}
		if !inside {
			if k := bytes.LastIndexByte(buf[pos:end], '\n'); k >= 0 {
				lastOut = pos + k
			}
		}
		if q < 0 {
			return lastOut + 1
		}
		q += pos
		switch {
		case !inside:
			inside = q == 0 || buf[q-1] == c.delim || buf[q-1] == '\n'
			pos = q + 1
		case q+1 < len(buf) && buf[q+1] == '"':
			pos = q + 2 // an escaped quote
		default:
			inside = false
			pos = q + 1
		}
	}
}
