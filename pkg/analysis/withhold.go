package analysis

// Withhold keeps the customers for whom held returns true off the lapsed list
// ([Result.Lapsed]) and every list made from it; they stay in every count (see package
// outreach). It must be called before the list is first asked for.
func (r *Result) Withhold(held func(i int) bool) {
	r.withheld = held
}

// Held reports whether customer i is kept off the lists by [Result.Withhold]; the call
// list's follow-up and welcome groups, which are not made from [Result.Lapsed], ask it.
func (r *Result) Held(i int) bool { return r.withheld != nil && r.withheld(i) }
