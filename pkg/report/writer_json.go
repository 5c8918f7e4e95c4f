package report

import (
	"encoding/json"
	"io"
	"slices"
)

// jsonWriter writes the whole [Report], indented: the documented schema ([Version]) that
// the cron job keeps and a later run reads back with --previous.
//
// The output is what json.Encoder with a two-space indent writes, but with one lapsed
// customer a line (see [JSONWith]). The lapsed customers are encoded one at a time,
// on all cores, and the statuses directly: the encoder would hold the whole document twice
// in memory (about 1 KB a customer), which for 300,000 customers is most of a gigabyte. Lapsed customers the report has not completed yet
// (see [Report.Defer]) are filled in as they are encoded and not kept; the parts after the
// list that are still being worked out ([Deferred.Parts], [Report.DeferBacktest]) are
// waited for after it.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, r *Report) error {
	rest := *r
	rest.Lapsed, rest.Statuses = nil, nil
	n := r.NumLapsed()
	if r.lapsedNull() {
		n = -1
	}
	lapsed := r.lapsedAt()
	return JSONWith(w, &rest,
		ListField("lapsed", n, func(b []byte, i int) ([]byte, error) {
			var c Customer
			return AppendJSONElement(b, lapsed(i, &c))
		}),
		part("reasons_lift", r.completeParts, func() any { return r.Lift }),
		part("monthly_trend", r.completeParts, func() any { return r.Trends }),
		part("cohorts", r.completeParts, func() any { return r.Cohorts }),
		part("channels_and_services", r.completeParts, func() any { return r.Mix }),
		part("recency_histogram", r.completeParts, func() any { return r.Recency }),
		part("model", r.completeBacktest, func() any { return &r.Model }),
		ValueField("statuses", func(b []byte) ([]byte, error) {
			list, ok := r.statusList()
			return appendStatuses(b, list, ok), nil
		}))
}

// part is the top-level field key, whose value get returns once complete has completed it.
func part(key string, complete func(), get func() any) Field {
	return ValueField(key, func(b []byte) ([]byte, error) {
		complete()
		v, err := json.MarshalIndent(get(), "  ", "  ")
		return append(b, v...), err
	})
}

// appendStatuses appends the statuses, sorted by id, as json.MarshalIndent(m, "  ", "  ")
// does for the map m that holds them (null when !ok).
func appendStatuses(b []byte, list []Status, ok bool) []byte {
	switch {
	case !ok:
		return append(b, "null"...)
	case len(list) == 0:
		return append(b, "{}"...)
	}
	size := 4
	for _, s := range list {
		size += len(s.ID) + len(s.Status) + 12
	}
	b = slices.Grow(b, size) // at once: 300,000 entries are megabytes
	b = append(b, '{')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    "...)
		b = appendJSONString(b, s.ID)
		b = append(b, ": "...)
		b = appendJSONString(b, s.Status)
	}
	return append(b, "\n  }"...)
}

// appendJSONString appends s as encoding/json writes a string.
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s) // a string always encodes
	return append(b, q...)
}

// WriteView writes the view's JSON value, indented, or streams it when it is a
// [JSONStreamer].
func (jsonWriter) WriteView(w io.Writer, v *View) error {
	if s, ok := v.JSON.(JSONStreamer); ok {
		return s.WriteJSON(w)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v.JSON)
}
