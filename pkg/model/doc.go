// Package model holds the standard repeat-buying ("buy till you die") models: BG/NBD
// (Fader, Hardie & Lee 2005) and Pareto/NBD (Schmittlein, Morrison & Colombo 1987) for how
// often customers come back and whether they are still active, and Gamma-Gamma (Fader,
// Hardie & Lee 2005b) for how much they spend.
//
// Each customer enters as a [Summary] (x, t_x, T in one [Period] unit), built from visit
// days by [Summarize]. [FitBGNBD], [FitParetoNBD] and [FitGammaGamma] estimate the
// parameters by maximum likelihood and return a [Fit] that says whether the estimate can be
// trusted ([Fit.Usable]). [CompareHoldout] checks predictions against a holdout period.
package model
