package report

import (
	"io"

	"github.com/winback/winback/pkg/render"
)

// jsonWriter writes the whole [Report], indented: the documented schema ([Version]) that
// the cron job keeps and a later run reads back with --previous.
//
// The output is what json.Encoder with a two-space indent writes, but the lapsed customers
// are encoded one at a time: the encoder would hold the whole document twice in memory
// (about 1 KB a customer), which for 300,000 customers is most of a gigabyte.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, r *Report) error {
	r.Complete()
	rest := *r
	rest.Lapsed = nil
	return render.JSONWithList(w, &rest, "lapsed", r.Lapsed)
}
