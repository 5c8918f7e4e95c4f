package report

// A View is what a command other than report prints (segments, model, lapsed, explain):
// the human [Page], the JSON value and the CSV rows, ready for any of [ViewFormats]. The
// writers of [NewWriter] write it with [Writer.WriteView].
type View struct {
	Page *Page
	// JSON is the value written by the json format (a struct with json tags).
	JSON any
	// CSV is a slice of structs with csv tags, written by the csv format with gocsv.
	CSV any
}

// ViewFormats lists the formats a [View] is written in.
var ViewFormats = []string{"table", "md", "csv", "json"}

// Page is the human-readable document of a [View]: a title, key facts, tables and notes.
type Page struct {
	Title  string
	Facts  []Fact
	Tables []Table
	Notes  []string
}

// Fact is one line of the document's summary.
type Fact struct{ Label, Value string }

// Table is a titled table of text cells. Align marks right-aligned (numeric) columns.
type Table struct {
	Title   string
	Columns []string
	Rows    [][]string
	Notes   []string
	Numeric []bool
}
