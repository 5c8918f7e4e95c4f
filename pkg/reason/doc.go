// Package reason finds, in one customer's visit history, the hints worth asking about
// when calling them: a last appointment that was cancelled, visits that grew further apart,
// a price that went up, a long wait for appointments, being handed from one person to the
// next, and so on. Each hint is a [Finding]: a stable code, a weight, the facts that raised
// it ([Facts], package facts). Package words says the evidence and a polite question that
// name those facts, from one template per code and variant per language
// (reason.<code>.* in en.txt and de.txt); this package returns codes and facts only.
//
// The package never claims to know why anyone left. A finding is something to ask about,
// never a verdict: the questions ask, they do not explain, and they never blame staff.
//
// One detector per signal reads only the columns the export had ([Unavailable]); [Lift]
// compares each signal's share among lapsed and active customers. Which customers are
// lapsed is package lapse's to say ([lapse.Verdict]). Everything is a pure function of the
// history, the verdict, the as-of date and the [Config].
package reason
