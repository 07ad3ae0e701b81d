package i18n

// Language is one language the app ships: its BCP 47 tag (also the name of its catalogue file in
// locales/) and its name in itself, for the language switch.
type Language struct {
	Tag  string `json:"tag"`
	Name string `json:"name"`
}

// Languages are the shipped languages, the source (English) first. Adding a language is its
// catalogue file in locales/ and one line here (docs/TRANSLATING.md).
var Languages = []Language{
	{Tag: "en", Name: "English"},
	{Tag: "zh-Hans", Name: "简体中文"},
	{Tag: "es", Name: "Español"},
	{Tag: "de", Name: "Deutsch"},
}

// Pseudo is the tag of the test pseudo-locale: English, accented, longer and bracketed.
const Pseudo = "pseudo"
