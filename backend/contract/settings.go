package contract

// KeyInfo describes the stored key without revealing it.
type KeyInfo struct {
	Set     bool   `json:"set"`
	Masked  string `json:"masked"`
	Storage string `json:"storage"`
}

// Settings are the user's preferences. The API key is deliberately not here: it never touches
// the preferences file.
type Settings struct {
	Scope        string `json:"scope"`
	BaseURL      string `json:"baseUrl"`
	AssetBaseURL string `json:"assetBaseUrl"`
	DownloadDir  string `json:"downloadDir"`
	Sandbox      bool   `json:"sandbox"`
	Theme        string `json:"theme"`
	// Language is a BCP 47 tag ("de", "zh-Hans") the UI speaks; "" follows the system.
	Language    string `json:"language,omitempty"`
	Concurrency int    `json:"concurrency"`
	Pacing      bool   `json:"pacing"`      // space requests to the documented rate limits
	HistoryDays int    `json:"historyDays"` // delete finished jobs older than this; 0 keeps all
	// NotificationsOff turns off the desktop notifications of watch folders (on by default).
	// Only core's SetNotifications changes it: the Settings form saves the rest.
	NotificationsOff bool `json:"notificationsOff,omitempty"`
	// PickerDirs is the last folder of each file dialog, by dialog (core.Picker*).
	PickerDirs map[string]string `json:"pickerDirs,omitempty"`
}

// Language is one language the app ships: its BCP 47 tag (also the name of its catalogue file in
// backend/i18n/locales) and its name in itself, for the language switch (Languages, SetLanguage).
type Language struct {
	Tag  string `json:"tag"`
	Name string `json:"name"`
}
