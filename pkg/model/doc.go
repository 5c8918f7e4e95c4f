// Package model holds the standard repeat-buying ("buy till you die") models: BG/NBD
// (Fader, Hardie & Lee 2005) and Pareto/NBD (Schmittlein, Morrison & Colombo 1987) for how
// often customers come back and whether they are still active, and Gamma-Gamma (Fader,
// Hardie & Lee 2005b) for how much they spend.
//
// Each customer enters as a [Summary] (x, t_x, T in one [Period] unit), built from visit
// days by [Summarize]. [FitBGNBD], [FitParetoNBD] and [FitGammaGamma] estimate the
// parameters by maximum likelihood and return a [Fit] that says whether the estimate can be
// trusted ([Fit.Usable]); the fitted models then give P(alive), expected visits for a new or
// an existing customer, and expected spend. [CompareHoldout] checks predictions against a
// holdout period.
//
// The package is pure: it reads no files, prints nothing and never looks at the clock. It
// does not decide who has lapsed (see package lapse) and does not aggregate raw visits
// (see package history).
package model
