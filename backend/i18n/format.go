package i18n

import (
	"math"
	"time"

	"golang.org/x/text/number"
)

// Size words a byte count with binary units ("12.0 MiB"), the number formatted for the language.
func (l *Localizer) Size(n int64) string { return l.size(n, math.Round) }

// SizeAtLeast is Size rounded up to the tenth shown, for a size set against a limit: a file just
// over a 3.0 GiB limit reads 3.1 GiB, never 3.0 GiB.
func (l *Localizer) SizeAtLeast(n int64) string { return l.size(n, math.Ceil) }

func (l *Localizer) size(n int64, round func(float64) float64) string {
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
	return l.T(units[exp], Args{"N": round(float64(n)/float64(div)*10) / 10})
}

// Decimal formats f for the language with at most maxDigits decimals ("29.97", "29,97" in German).
func (l *Localizer) Decimal(f float64, maxDigits int) string {
	return l.numbers.Sprint(number.Decimal(f, number.MaxFractionDigits(maxDigits)))
}

// Fixed formats f for the language with exactly digits decimals, as a column of scores is shown.
func (l *Localizer) Fixed(f float64, digits int) string {
	return l.numbers.Sprint(number.Decimal(f, number.Scale(digits)))
}

// Coordinates words a latitude and longitude in decimal degrees.
func (l *Localizer) Coordinates(lat, lon float64) string {
	return l.T("format.coordinates", Args{"Latitude": l.Decimal(lat, 6), "Longitude": l.Decimal(lon, 6)})
}

// Rate words a speed in bytes per second.
func (l *Localizer) Rate(bytesPerSecond float64) string {
	return l.T("size.perSecond", Args{"Size": l.Size(int64(bytesPerSecond))})
}

// Duration words d: "0.5 s", "45 s", "2 min", "2 min 5 s", "1 h 3 min", "2 d 1 h". A part that
// is zero is left out; under a minute a fraction shows as a tenth.
func (l *Localizer) Duration(d time.Duration) string {
	if d < time.Minute {
		if d%time.Second != 0 {
			return l.T("duration.s", Args{"S": math.Round(d.Seconds()*10) / 10})
		}
		return l.T("duration.s", Args{"S": int64(d / time.Second)})
	}
	s := int64(d.Round(time.Second) / time.Second)
	switch {
	case s < 3600:
		return l.pair("duration.m", "duration.ms", s/60, s%60)
	case s < 86400:
		return l.pair("duration.h", "duration.hm", s/3600, s%3600/60)
	}
	return l.pair("duration.d", "duration.dh", s/86400, s%86400/3600)
}

// pair words a duration of a big and a small unit, leaving the small one out when it is zero.
func (l *Localizer) pair(bigOnly, both string, big, small int64) string {
	if small == 0 {
		return l.T(bigOnly, Args{"N": big})
	}
	return l.T(both, Args{"N": big, "M": small})
}

// Number formats n with the language's digit grouping.
func (l *Localizer) Number(n int64) string { return l.numbers.Sprintf("%d", n) }

// DateTime words a moment in local time with the language's date order.
func (l *Localizer) DateTime(t time.Time) string {
	layout := l.render("format.dateTime", nil, nil) // a layout: not accented in the pseudo-locale
	return t.Local().Format(layout)
}
