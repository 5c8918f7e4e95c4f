package field

import "github.com/winback/winback/pkg/visit"

// The years a date may fall in; anything outside is a typo or not a date (an id).
const (
	minYear = 1900
	maxYear = 2199
)

// pivotYear decides the century of a two-digit year: 00–69 are 2000–2069, 70–99 are
// 1970–1999.
const pivotYear = 70

func fullYear(yy int) int {
	if yy < pivotYear {
		return 2000 + yy
	}
	return 1900 + yy
}

var monthNames = [13]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civil returns the day of a calendar date, or an error that says what does not exist.
func civil(y, m, d int) (visit.Day, error) {
	if y < minYear || y > maxYear {
		return visit.NoDay, dateError("year %d is outside %d to %d", y, minYear, maxYear)
	}
	if m < 1 || m > 12 {
		return visit.NoDay, dateError("month %d does not exist", m)
	}
	if d < 1 || d > daysIn(y, m) {
		if m == 2 && d == 29 {
			return visit.NoDay, dateError("day 29 does not exist in February %d", y)
		}
		return visit.NoDay, dateError("day %d does not exist in %s", d, monthNames[m])
	}
	return visit.DayOf(y, m, d), nil
}
