package main

import "testing"

func TestSystemLocaleReadsPOSIXVariablesInGettextOrder(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, "zh-CN"},
		{map[string]string{"LANG": "de_DE@euro"}, "de-DE"},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es-ES"},
		{map[string]string{"LC_ALL": "de_AT.UTF-8", "LC_MESSAGES": "es_ES.UTF-8", "LANG": "fr_FR"}, "de-AT"},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"MEMORIES_LANG": "pseudo", "LANG": "de_DE.UTF-8"}, "pseudo"},
		{map[string]string{}, "en"},
	}
	for _, c := range cases {
		if got := systemLocale(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("systemLocale(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}
