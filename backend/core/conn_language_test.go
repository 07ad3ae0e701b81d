package core

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"memories-desktop/backend/i18n"
)

// englishOutsideBrackets returns the words of two or more ASCII letters left in s once the
// pseudo-locale's brackets, addresses and the given data (a scope, a host) are taken out.
func englishOutsideBrackets(s string, data ...string) []string {
	rest := regexp.MustCompile(`https?://\S+`).ReplaceAllString(i18n.OutsidePseudo(s), " ")
	for _, d := range data {
		rest = strings.ReplaceAll(rest, d, " ")
	}
	return regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(rest, -1)
}

// The connection test's answer (headline, message, what was tested) comes from the catalogue:
// under the pseudo-locale no English word is left, in German it is German.
func TestConnectionAnswerIsWordedInTheLanguage(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	i18n.SetDefault(i18n.New(i18n.Pseudo))
	c := startCore(t, Options{ForceSandbox: true})
	got := c.TestConnection(context.Background(), c.current())
	if !got.OK {
		t.Fatalf("sandbox: %+v", got)
	}
	answers := []string{got.Headline, got.Message, got.Tested}
	for _, h := range []http.HandlerFunc{envelope(`"0401"`), envelope(`"0429"`), http.NotFound} {
		srv := httptest.NewServer(h)
		live := startCore(t, Options{})
		useService(t, live, srv.URL, "sk-mavi-abcdefgh1234")
		got := live.TestConnection(context.Background(), live.current())
		answers = append(answers, got.Headline, got.Message, got.Tested)
		srv.Close()
	}
	for _, a := range answers {
		if a == "" {
			t.Fatalf("an empty answer among %q", answers)
		}
		if left := englishOutsideBrackets(a, "default", "memories.ai", "sk-"); len(left) > 0 {
			t.Errorf("English %v left in %q", left, a)
		}
	}
	i18n.SetDefault(i18n.New("de"))
	de := c.TestConnection(context.Background(), c.current())
	if de.Headline != "Verbunden" || !strings.Contains(de.Message, "Bereich default enthält 0 Videos") ||
		!strings.Contains(de.Tested, "lokale Sandbox") {
		t.Fatalf("German: %+v", de)
	}
}
