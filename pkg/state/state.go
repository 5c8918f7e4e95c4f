// Package state is what winback keeps from one monthly run to the next (report --state):
// each customer's id and lapse status, the day they were first put on the win-back list
// and whether they were drawn for the control group, and the outcomes of the calls the
// practice filed. Nothing else: no names, phones, e-mails, services, amounts, referrers
// or notes. The ids are keyed pseudonyms when the state was written with a key, so that
// the state holds no customer ids either.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/outcome"
)

// Version is the version of the state file's schema.
const Version = 1

// State is one run's state.
type State struct {
	// Version marks a state file (the old form, a whole report JSON, has none).
	Version int    `json:"winback_state"`
	AsOf    string `json:"as_of"`
	// Pseudonymized: the ids are pseudonyms under the key whose check is KeyCheck.
	Pseudonymized bool   `json:"pseudonymized"`
	KeyCheck      string `json:"key_check,omitempty"`
	// Control is the share of the win-back list kept uncalled (0: no control group).
	Control   float64           `json:"control_share,omitempty"`
	Customers []Customer        `json:"customers"`
	Outcomes  []outcome.Outcome `json:"outcomes"`
}

// The groups a customer is put in when first on the win-back list.
const (
	// Listed: put on the call list while no control group was kept.
	Listed = "listed"
	// Called: put on the call list while a control group was kept.
	Called = "called"
	// Control: drawn for the control group and kept off every list.
	Control = "control"
)

// Customer is one customer's entry.
type Customer struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	// Since is the as-of date of the run that first put the customer on the win-back list
	// (or in the control group), Group which of the two (see [Listed]); both empty for
	// customers never on it.
	Since string `json:"since,omitempty"`
	Group string `json:"group,omitempty"`
}

// Statuses maps the ids to their statuses.
func (s *State) Statuses() map[string]string {
	m := make(map[string]string, len(s.Customers))
	for _, c := range s.Customers {
		m[c.ID] = c.Status
	}
	return m
}

// Write writes s as indented JSON, customers sorted by id.
func Write(w io.Writer, s *State) error {
	s.Version = Version
	slices.SortFunc(s.Customers, func(a, b Customer) int { return strings.Compare(a.ID, b.ID) })
	if s.Customers == nil {
		s.Customers = []Customer{}
	}
	if s.Outcomes == nil {
		s.Outcomes = []outcome.Outcome{}
	}
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// oldReport is what the old form of a state, a whole report JSON, holds that a state
// needs.
type oldReport struct {
	Version       int               `json:"version"`
	AsOf          string            `json:"as_of"`
	Pseudonymized bool              `json:"pseudonymized"`
	Statuses      map[string]string `json:"statuses"`
	Summary       struct {
		Customers int `json:"customers"`
	} `json:"summary"`
}

// ErrNotState is wrapped by Parse's errors about a file that is neither a state nor a
// report.
var ErrNotState = errors.New("not a winback state or report")

// ErrNoStatuses is Parse's error about a report without the customers' statuses.
var ErrNoStatuses = errors.New("holds no customer statuses to compare with")

// Parse reads a state file, or the JSON of a report (the old form of a state, and what
// --previous names), keeping only its ids and statuses.
func Parse(b []byte) (*State, error) {
	var probe struct {
		State *int `json:"winback_state"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotState, err)
	}
	if probe.State != nil {
		var s State
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotState, err)
		}
		if s.Version > Version {
			return nil, fmt.Errorf("state schema version %d; this winback reads up to %d: use a winback at least as new as the one that wrote it", s.Version, Version)
		}
		return &s, nil
	}
	var old oldReport
	if err := json.Unmarshal(b, &old); err != nil || old.Version == 0 || old.Statuses == nil {
		return nil, ErrNotState
	}
	if len(old.Statuses) == 0 && old.Summary.Customers > 0 {
		return nil, ErrNoStatuses
	}
	s := &State{AsOf: old.AsOf, Pseudonymized: old.Pseudonymized}
	for id, st := range old.Statuses {
		s.Customers = append(s.Customers, Customer{ID: id, Status: st})
	}
	return s, nil
}
