// Package i18n words what the Go side shows people (the CLI, error explanations, native dialogs,
// the window title) from embedded message catalogues, one file per language, with CLDR plurals
// and named placeholders, and formats numbers, sizes and durations for the language.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"sync/atomic"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

//go:embed locales/*.json
var catalogues embed.FS

// Args are a message's placeholders by name. "Count" also chooses the plural form. Numbers are
// formatted for the language; pass an id or a port as a string to keep it as it is.
type Args map[string]any

var bundle = loadBundle()

func loadBundle() *goi18n.Bundle {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, l := range Languages {
		if _, err := b.LoadMessageFileFS(catalogues, "locales/"+l.Tag+".json"); err != nil {
			panic(fmt.Sprintf("i18n: catalogue %s: %v", l.Tag, err)) // embedded: a build defect
		}
	}
	return b
}

// Localizer words messages in one language.
type Localizer struct {
	tag     string
	loc     *goi18n.Localizer
	numbers *message.Printer
	pseudo  bool
}

// New returns the Localizer for a shipped language tag or Pseudo; anything else is English.
func New(tag string) *Localizer {
	if tag == Pseudo {
		return &Localizer{tag: Pseudo, loc: goi18n.NewLocalizer(bundle, "en"),
			numbers: message.NewPrinter(language.English), pseudo: true}
	}
	if !shipped(tag) {
		tag = "en"
	}
	return &Localizer{tag: tag, loc: goi18n.NewLocalizer(bundle, tag),
		numbers: message.NewPrinter(language.MustParse(tag))}
}

// English is the source language, which language-neutral output (JSON lines) uses.
var English = New("en")

func shipped(tag string) bool {
	for _, l := range Languages {
		if l.Tag == tag {
			return true
		}
	}
	return false
}

// Tag is the localizer's language tag.
func (l *Localizer) Tag() string { return l.tag }

// T words the message id with its placeholders. A missing id is a defect the catalogue tests
// catch; it shows as the id itself rather than as nothing.
func (l *Localizer) T(id string, args ...Args) string {
	var data Args
	if len(args) > 0 {
		data = args[0]
	}
	if l.pseudo {
		return l.pseudoT(id, data)
	}
	return l.render(id, l.formatArgs(data), data["Count"])
}

// render looks id up with its placeholder values; count, when not nil, chooses the plural form.
func (l *Localizer) render(id string, values Args, count any) string {
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: values}
	if count != nil {
		cfg.PluralCount = count
	}
	s, err := l.loc.Localize(cfg)
	if err != nil && count != nil { // a message without plural forms that takes a count
		cfg.PluralCount = nil
		s, err = l.loc.Localize(cfg)
	}
	if err != nil {
		return id
	}
	return s
}

// formatArgs formats the numbers among the placeholders for the language.
func (l *Localizer) formatArgs(data Args) Args {
	if data == nil {
		return nil
	}
	out := make(Args, len(data))
	for k, v := range data {
		switch n := v.(type) {
		case int, int64, int32, uint, uint64, uint32:
			out[k] = l.numbers.Sprintf("%d", n)
		case float64, float32:
			out[k] = l.numbers.Sprintf("%.1f", n)
		default:
			out[k] = v
		}
	}
	return out
}

// Strings is args as text, to keep with a message id (a failed job's error, a watch's refusal)
// and word it again later in the language then in use.
func Strings(args Args) map[string]string {
	if len(args) == 0 {
		return nil
	}
	out := make(map[string]string, len(args))
	for k, v := range args {
		out[k] = fmt.Sprint(v)
	}
	return out
}

// Has tells whether the catalogue has the message id (English has every id).
func Has(id string) bool { return English.render(id, nil, nil) != id }

var current atomic.Pointer[Localizer]

// Default is the process's localizer: English until SetDefault (the app sets the system's or
// the person's choice; the CLI the one its environment names).
func Default() *Localizer {
	if l := current.Load(); l != nil {
		return l
	}
	return English
}

// SetDefault makes l the process's localizer.
func SetDefault(l *Localizer) { current.Store(l) }

// T words id in the process's language.
func T(id string, args ...Args) string { return Default().T(id, args...) }
