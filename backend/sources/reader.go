package sources

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"memories-desktop/backend/contract"
)

// MaxLineBytes is the longest line ReadLines accepts. A line holds a few links (CSV columns);
// one longer than this is not a link list, and saying so beats splitting it at a random byte.
const MaxLineBytes = 1 << 20

// ReadLines is ParseLines over a stream of any length: lines are planned as they are read, so
// only the links are kept, never the whole text. It stops at the first read error or at a line
// longer than MaxLineBytes, and returns that error rather than a plan of part of the input.
func ReadLines(r io.Reader) (Plan, error) {
	p := planner{seen: map[string]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxLineBytes+2) // room for the line's ending
	sc.Split(scanLine)
	for sc.Scan() {
		p.plan.Lines++
		p.addLine(p.plan.Lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Plan{}, &contract.LineTooLongError{Line: p.plan.Lines + 1}
		}
		return Plan{}, err
	}
	p.plan.Tasks = Split(p.plan.Links)
	return p.plan, nil
}

// scanLine splits at \n, \r\n or a lone \r, as splitLines does, without the ending.
func scanLine(data []byte, atEOF bool) (int, []byte, error) {
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0 && atEOF && len(data) > 0:
		return len(data), data, nil
	case i < 0:
		return 0, nil, nil
	case i > MaxLineBytes:
		return 0, nil, bufio.ErrTooLong
	case data[i] == '\n':
		return i + 1, data[:i], nil
	case i+1 < len(data):
		return i + 1 + boolInt(data[i+1] == '\n'), data[:i], nil
	case atEOF:
		return i + 1, data[:i], nil
	}
	return 0, nil, nil // a \r at the end of the buffer: a \n may follow
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
