package core

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"time"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
)

// Searching the library and reading a video's text (docs/API.md §12). Every call goes through the
// profile's client, so it is paced and backs off like everything else.

// foundAnswer is the part of an answer the cache keeps.
type foundAnswer struct {
	Moments []contract.Hit `json:"moments"`
	Page    int            `json:"page,omitempty"`
	Total   int64          `json:"total,omitempty"`
}

// Search runs a search by words in the current scope when r names none.
func (c *Service) Search(ctx context.Context, r contract.SearchRequest, fresh bool) (contract.SearchAnswer, error) {
	r.Scope = cmp.Or(r.Scope, c.current().Scope)
	return c.ask("search", r.Query, r, r.Scope, fresh, func(client *api.Client) (foundAnswer, error) {
		ms, err := client.Search(ctx, r)
		return foundAnswer{Moments: ms}, err
	})
}

// SearchPhrase finds transcripts holding exactly these words.
func (c *Service) SearchPhrase(ctx context.Context, r contract.PhraseRequest, fresh bool) (contract.SearchAnswer, error) {
	r.Scope = cmp.Or(r.Scope, c.current().Scope)
	return c.ask("phrase", r.Query, r, r.Scope, fresh, func(client *api.Client) (foundAnswer, error) {
		page, err := client.SearchPhrase(ctx, r)
		return foundAnswer{Moments: page.Moments, Page: page.Page, Total: page.Total}, err
	})
}

// SearchImage finds moments that look like a picture; the question is the picture's content.
func (c *Service) SearchImage(ctx context.Context, r contract.ImageRequest, fresh bool) (contract.SearchAnswer, error) {
	r.Scope = cmp.Or(r.Scope, c.current().Scope)
	if err := api.CheckImageSearch(r); err != nil {
		return contract.SearchAnswer{}, err
	}
	sum, err := fileSHA256(r.Path)
	if err != nil {
		return contract.SearchAnswer{}, &api.ValidationError{Field: "image", Message: i18n.T("search.pictureUnreadable", i18n.Args{"Error": err.Error()})}
	}
	question := struct {
		Picture, Scope string
		Similarity     float64
	}{sum, r.Scope, r.Similarity}
	abs, _ := filepath.Abs(r.Path)
	return c.ask("image", abs, question, r.Scope, fresh, func(client *api.Client) (foundAnswer, error) {
		ms, err := client.SearchImage(ctx, r)
		return foundAnswer{Moments: ms}, err
	})
}

// ask answers a search (text: its words or picture, for the recent list) from the profile's cache unless fresh, else from the service, keeping
// any answer with moments (an empty one may fill as videos finish indexing).
func (c *Service) ask(kind, text string, question any, scope string, fresh bool,
	search func(*api.Client) (foundAnswer, error)) (contract.SearchAnswer, error) {
	found, got, err := remember(c, kind, question, fresh, search, func(f foundAnswer) bool { return len(f.Moments) > 0 })
	if err != nil {
		return contract.SearchAnswer{}, err
	}
	c.rememberSearch(kind, text)
	return c.answerOf(scope, found, got.At, got.Cached), nil
}

// remember answers question from the profile's cache unless fresh, else asks the service and
// keeps the answer when keep says it is worth keeping. Billed calls go through it, so the app
// never pays twice for an answer it has.
func remember[T any](c *Service, kind string, question any, fresh bool, ask func(*api.Client) (T, error), keep func(T) bool) (T, contract.Fetched, error) {
	var zero T
	client, err := c.Client()
	if err != nil {
		return zero, contract.Fetched{}, err
	}
	key, db := c.questionKey(kind, question), c.activeDB()
	if db != nil && !fresh && key != "" {
		if hit, ok, _ := db.CachedSearch(key); ok { // an unreadable cache only costs a call
			var v T
			if json.Unmarshal(hit.Data, &v) == nil {
				return v, contract.Fetched{At: hit.At, Cached: true}, nil
			}
		}
	}
	v, err := ask(client)
	if err != nil {
		return zero, contract.Fetched{}, err
	}
	at := time.Now().UnixMilli()
	if data, err := json.Marshal(v); err == nil && db != nil && key != "" && keep(v) {
		_ = db.CacheSearch(key, at, data) // a full disk only costs the next call
	}
	return v, contract.Fetched{At: at}, nil
}

// questionKey is a question's canonical text: its kind, where it is asked (the sandbox, or the
// endpoint and a hash of the key, so another account never sees this one's answers) and every
// field; "" when it cannot be told.
func (c *Service) questionKey(kind string, question any) string {
	where := "sandbox"
	if !c.SandboxActive() {
		s := c.current()
		key, err := c.apiKey()
		if err != nil {
			return ""
		}
		where = liveProfile(s.BaseURL, s.AssetBaseURL, key)
	}
	q, err := json.Marshal(question)
	if err != nil {
		return ""
	}
	return kind + "\x00" + where + "\x00" + string(q)
}

func (c *Service) answerOf(scope string, found foundAnswer, at int64, cached bool) contract.SearchAnswer {
	return contract.SearchAnswer{Moments: c.withLocal(scope, found.Moments), Page: found.Page, Total: found.Total, At: at, Cached: cached}
}

// ForgetSearches empties the profile's cache of search answers.
func (c *Service) ForgetSearches() error {
	if db := c.activeDB(); db != nil {
		return db.ForgetSearches()
	}
	return nil
}

// withLocal adds what this computer knows of each result: its local copy, and the name the
// Library shows it by (libraryTitle), so a moment reads as the Library does whoever uploaded it.
func (c *Service) withLocal(scope string, ms []contract.Hit) []contract.Moment {
	type known struct{ path, title string }
	out := make([]contract.Moment, len(ms))
	seen := map[string]known{}
	for i, m := range ms {
		k, ok := seen[m.VideoNo]
		if !ok {
			k.path, _ = c.LocalCopy(scope, m.VideoNo) // a database hiccup only costs the local path
			k.title = c.libraryTitle(scope, m.VideoNo)
			seen[m.VideoNo] = k
		}
		out[i] = contract.Moment{Hit: m, LocalPath: k.path}
		switch {
		case k.title != "":
			out[i].VideoName = k.title
		case out[i].VideoName == "" && k.path != "":
			out[i].VideoName = filepath.Base(k.path)
		}
	}
	return out
}

// libraryTitle is the name the Library shows a video by (as the app's videoTitle): the file or
// link's last part it was uploaded from here, else the service's stored name; "" when the
// Library does not know the video yet.
func (c *Service) libraryTitle(scope, videoNo string) string {
	db := c.activeDB()
	if db == nil {
		return ""
	}
	v, err := db.Video(cmp.Or(scope, c.current().Scope), videoNo)
	if err != nil {
		return ""
	}
	if v.Title != "" {
		if u, err := url.Parse(v.Title); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			if base := path.Base(u.Path); base != "/" && base != "." {
				return base
			}
			return v.Title
		}
		return v.Title
	}
	return v.Name
}

// videoQuestion names a video's text in the cache.
type videoQuestion struct{ VideoNo, Scope string }

// VideoTranscript returns what is said in a video, or with captions what is seen; nil when the
// service has none yet. An answer is kept (see remember) until asked for fresh.
func (c *Service) VideoTranscript(ctx context.Context, videoNo string, captions, fresh bool) (*contract.Transcript, contract.Fetched, error) {
	scope, kind := c.current().Scope, "transcript"
	if captions {
		kind = "captions"
	}
	return remember(c, kind, videoQuestion{videoNo, scope}, fresh, func(client *api.Client) (*contract.Transcript, error) {
		if captions {
			return client.Captions(ctx, videoNo, scope)
		}
		return client.AudioTranscript(ctx, videoNo, scope)
	}, func(t *contract.Transcript) bool { return t != nil })
}

// VideoSummary returns a video's chapters, or with topics its topics; nil when none yet. An
// answer is kept like a transcript.
func (c *Service) VideoSummary(ctx context.Context, videoNo string, topics, fresh bool) (*contract.Summary, contract.Fetched, error) {
	scope, kind := c.current().Scope, api.SummaryChapters
	if topics {
		kind = api.SummaryTopics
	}
	return remember(c, "summary "+kind, videoQuestion{videoNo, scope}, fresh, func(client *api.Client) (*contract.Summary, error) {
		return client.VideoSummary(ctx, videoNo, kind, scope)
	}, func(s *contract.Summary) bool { return s != nil })
}

// Keyframe streams a keyframe picture by its storage location.
func (c *Service) Keyframe(ctx context.Context, bucket, blob string) (*api.Download, error) {
	client, err := c.Client()
	if err != nil {
		return nil, err
	}
	return client.Keyframe(ctx, bucket, blob)
}

// fileSHA256 hashes a (small) file as it streams by.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Unindexed counts the videos of the current scope still being indexed (UNPARSE): they are not
// searchable yet, which a search that finds little should say.
func (c *Service) Unindexed(ctx context.Context) (int64, error) {
	page, err := c.serverVideos(ctx, contract.LibraryQuery{Status: contract.StatusUnparsed, Limit: 1})
	return int64(page.Total), err
}
