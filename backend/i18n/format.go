package i18n

import (
	"math"
	"time"
)

// Size words a byte count with binary units ("12.0 MiB"), the number formatted for the language.
func (l *Localizer) Size(n int64) string {
	const unit = 1024
	if n < unit {
		return l.T("size.bytes", Args{"Count": n})
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	units := []string{"size.kib", "size.mib", "size.gib", "size.tib", "size.pib", "size.eib"}
	return l.T(units[exp], Args{"N": float64(n) / float64(div)})
}

// Rate words a speed in bytes per second.
func (l *Localizer) Rate(bytesPerSecond float64) string {
	return l.T("size.perSecond", Args{"Size": l.Size(int64(bytesPerSecond))})
}

// Duration words d rounded up to whole seconds: "45 s", "2 min 5 s", "1 h 3 min".
func (l *Localizer) Duration(d time.Duration) string {
	s := int64(math.Ceil(d.Seconds()))
	switch {
	case s < 60:
		return l.T("duration.s", Args{"S": s})
	case s < 3600:
		return l.T("duration.ms", Args{"M": s / 60, "S": s % 60})
	case s < 86400:
		return l.T("duration.hm", Args{"H": s / 3600, "M": s % 3600 / 60})
	}
	return l.T("duration.dh", Args{"D": s / 86400, "H": s % 86400 / 3600})
}

// Number formats n with the language's digit grouping.
func (l *Localizer) Number(n int64) string { return l.numbers.Sprintf("%d", n) }

// DateTime words a moment in local time with the language's date order.
func (l *Localizer) DateTime(t time.Time) string {
	layout := l.render("format.dateTime", nil, nil) // a layout: not accented in the pseudo-locale
	return t.Local().Format(layout)
}
