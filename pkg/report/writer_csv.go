package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/gocarina/gocsv"

	catalogue "github.com/winback/winback/pkg/words"
)

// csvWriter writes all the lapsed customers with gocsv (the csv tags of [Customer]), or a
// view's rows, formula-safe ([SafeCSV]); for a German Excel with ';', decimal commas and a BOM.
type csvWriter struct {
	excel bool
	words *catalogue.Catalogue // a view's column names and codes; nil: the columns' own names
}

// csvDecimalColumns are the float columns of [Customer] whose decimal point a German
// Excel wants as a comma. Only these are touched, so that an id like "12.5" stays as is.
var csvDecimalColumns = []string{"usual_gap_days", "value_at_risk", "p_alive"}

func (c csvWriter) Write(w io.Writer, r *Report) error {
	if c.excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	// The header, then the rows a block of customers at a time on all cores: gocsv's
	// reflection is most of the work.
	var cat *catalogue.Catalogue
	if r.Lang == "de" {
		cat = catalogue.ForNoun(r.Lang, catalogue.Noun(r.Noun))
	}
	var header bytes.Buffer
	names, err := c.encode(&header, nil, []Customer{}, cat)
	if err != nil {
		return err
	}
	if _, err := w.Write(header.Bytes()); err != nil {
		return err
	}
	return inBlocks(w, r.NumLapsed(), func(t *texts, b *bytes.Buffer, lo, hi int) error {
		cs := make([]Customer, hi-lo)
		for k := range cs {
			cs[k] = *r.lapsedAt(lo+k, &cs[k], t)
		}
		_, err := c.encode(b, names, customersForCSV(cs), cat)
		return err
	})
}

// encode writes the csv rows of cs to buf, in the words of cat (nil: the columns' own
// names and codes): with the header first when header is nil, in which case it also
// returns the header's names; otherwise under that header.
func (c csvWriter) encode(buf *bytes.Buffer, header []string, cs []Customer, cat *catalogue.Catalogue) ([]string, error) {
	sw := NewSafeCSV(buf, c.excel).DecimalColumns(csvDecimalColumns...).Words(cat)
	var err error
	if header == nil {
		err = gocsv.MarshalCSV(cs, sw)
	} else {
		err = gocsv.MarshalCSVWithoutHeaders(cs, sw.AfterHeader(header))
	}
	if err != nil {
		return nil, err
	}
	sw.Flush()
	return sw.Header(), sw.Error()
}

// customersForCSV fills in the customers' Questions from their reasons where the builder
// left it empty (it is not part of the JSON, so a report read back has none), and returns
// cs.
func customersForCSV(cs []Customer) []Customer {
	for i := range cs {
		if c := &cs[i]; c.Questions == "" {
			qs, _ := questions(c, 0)
			c.Questions = strings.Join(qs, " | ")
		}
	}
	return cs
}

// WriteView writes the view's rows with gocsv.
func (c csvWriter) WriteView(w io.Writer, v *View) error {
	if v.CSV == nil {
		return fmt.Errorf("this output has no csv form; use --format table, md or json")
	}
	if c.excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	sw := NewSafeCSV(w, c.excel).Words(c.words)
	if err := gocsv.MarshalCSV(v.CSV, sw); err != nil {
		return err
	}
	sw.Flush()
	return sw.Error()
}
