package core

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/contract/choice"
	"memories-desktop/backend/i18n"
)

func TestDescribeNamesTheRejectedField(t *testing.T) {
	c := startCore(t, Options{})
	lat := 123.0
	lon := 10.0
	err := c.ValidateMeta(contract.Meta{Latitude: &lat, Longitude: &lon})
	info := Describe(fmt.Errorf("queue: %w", err))
	if info.Code != "invalid_input" || info.Field != "latitude" || info.Message == "" || info.Next == "" {
		t.Fatalf("%+v", info)
	}
	if err := c.ValidateMeta(contract.Meta{TakenAt: "yesterday"}); Describe(err).Field != "takenAt" {
		t.Fatalf("capture time: %+v", Describe(err))
	}
}

// A rate-limited answer that says when to come back gives the UI that time (the Search view says
// "rate-limited until HH:MM").
func TestDescribeRateLimitCarriesRetryAt(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "90")
		w.WriteHeader(http.StatusTooManyRequests)
		_, _ = w.Write([]byte(`{"code":"0429","msg":"too many requests"}`))
	}))
	defer srv.Close()
	client, err := api.New(api.Config{BaseURL: srv.URL, AssetBaseURL: srv.URL, APIKey: "sk-rate-limited-account"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err = client.WithoutRetries().Search(ctx, contract.SearchRequest{Query: "beach"})
	info := Describe(err)
	wait := time.Until(time.UnixMilli(info.RetryAt))
	if info.Code != "rate_limited" || wait < 80*time.Second || wait > 91*time.Second {
		t.Fatalf("%+v (retry in %v) from %v", info, wait, err)
	}
}

// Our own refusals are worded in the language in use, with their catalogue id for the UI; a
// wrapped one keeps what wrapped it as detail, and errors.Is still finds its kind.
func TestDescribeWordsOurRefusalsInTheLanguageInUse(t *testing.T) {
	t.Cleanup(func() { i18n.SetDefault(i18n.English) })
	i18n.SetDefault(i18n.New("de"))
	dir := t.TempDir()
	_, err := Place(dir, choice.Replace, map[string]bool{})
	if !errors.Is(err, ErrNotReplaceable) {
		t.Fatalf("replacing a folder: %v", err)
	}
	info := Describe(err)
	if info.Key != "error.notReplaceable" || info.Message != i18n.T("error.notReplaceable", i18n.Args{"Path": dir}) ||
		!strings.HasPrefix(info.Message, dir+" ist keine normale Datei") || info.Detail != "" {
		t.Fatalf("German: %+v", info)
	}
	if !strings.Contains(err.Error(), "is not a regular file") {
		t.Fatalf("the error's own text (logs, details) is not English: %q", err.Error())
	}
	wrapped := Describe(fmt.Errorf("library: %w", errServerFilter))
	if wrapped.Key != "error.serverFilter" || !strings.HasPrefix(wrapped.Message, "Ohne die Datenbank der App") ||
		!strings.HasPrefix(wrapped.Detail, "library: Without the app's database") {
		t.Fatalf("German, wrapped: %+v", wrapped)
	}
}
