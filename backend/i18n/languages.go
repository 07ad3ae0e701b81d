package i18n

import "memories-desktop/backend/contract"

// Languages are the shipped languages, the source (English) first. Adding a language is its
// catalogue file in locales/ and one line here (docs/TRANSLATING.md).
var Languages = []contract.Language{
	{Tag: "en", Name: "English"},
	{Tag: "zh-Hans", Name: "简体中文"},
	{Tag: "es", Name: "Español"},
	{Tag: "de", Name: "Deutsch"},
}

// Pseudo is the tag of the test pseudo-locale: English, accented, longer and bracketed.
const Pseudo = "pseudo"
