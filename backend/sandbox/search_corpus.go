package sandbox

import (
	"fmt"
	"image/color"
	"path"
	"strings"
	"unicode"
)

// The sandbox's stand-in for indexing: every parsed video gets scenes of sceneSeconds, each
// with a caption (what is seen), a spoken line (what is said) and a keyframe colour, all derived
// from the video's name, file name and tags and a small built-in vocabulary, so the same library
// always answers the same searches.

const (
	sceneSeconds   = 5
	maxScenes      = 60
	keyframeBucket = "memories-sandbox-keyframes"
)

// theme is a built-in vocabulary: chosen by a keyword in the video's names or tags.
type theme struct {
	name     string
	keys     []string
	captions []string
	speech   []string
}

var themes = []theme{
	{"a day at the beach", []string{"beach", "sea", "ocean", "surf", "coast"},
		[]string{"waves rolling onto the sand", "a dog running on the beach", "a red boat in the ocean", "people walking on a beach at sunset"},
		[]string{"look at those waves", "where is the love", "the water is cold today", "throw the ball to the dog"}},
	{"a birthday party", []string{"birthday", "cake", "party"},
		[]string{"a birthday cake with candles", "children blowing up balloons", "presents wrapped on a table", "friends singing around a table"},
		[]string{"happy birthday to you", "make a wish", "who wants a piece of cake", "open the big present first"}},
	{"a mountain hike", []string{"hike", "alps", "mountain", "trail", "trip"},
		[]string{"a trail through a pine forest", "snow on a mountain peak", "hikers resting by a lake", "a wooden hut in a valley"},
		[]string{"we are almost at the top", "what a view from here", "the lake is frozen", "let us stop for lunch"}},
	{"a night in the city", []string{"city", "night", "street", "walk"},
		[]string{"city lights reflected in the rain", "a busy street at night", "a tram passing a crossing", "a neon sign above a cafe"},
		[]string{"the tram is coming", "let us get some noodles", "it is raining again", "the city never sleeps"}},
	{"a kitchen", []string{"cook", "kitchen", "recipe", "food"},
		[]string{"vegetables chopped on a board", "a pan sizzling on the stove", "flour on a wooden table", "a plate of pasta served"},
		[]string{"add a pinch of salt", "stir it slowly", "the oven is hot now", "dinner is ready"}},
}

// scene is one indexed span of a video.
type scene struct {
	index      int
	start, end int
	caption    string
	speech     string
	colour     color.RGBA
}

// words splits text into lower-case words of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// videoWords are the words a video is known by: its file name, camera and tags.
func videoWords(v Video) []string {
	name := strings.TrimSuffix(v.FileName, path.Ext(v.FileName))
	if name == "" {
		name = v.VideoName // an upload's stored name is random hex; an import's comes from its link
	}
	return words(strings.Join(append([]string{name, v.CameraModel}, v.Tags...), " "))
}

// themeOf picks the vocabulary of the first theme a word of the video names, else one by hash.
func themeOf(v Video) theme {
	ws := videoWords(v)
	for _, t := range themes {
		for _, k := range t.keys {
			for _, w := range ws {
				if w == k {
					return t
				}
			}
		}
	}
	return themes[seedHash(v.VideoNo)%uint64(len(themes))]
}

// scenesOf indexes a video: one scene per sceneSeconds of its duration, at most maxScenes.
func scenesOf(v Video) []scene {
	t, h := themeOf(v), int(seedHash(v.VideoNo)%1000)
	duration := max(v.Duration, sceneSeconds)
	n := min((duration+sceneSeconds-1)/sceneSeconds, maxScenes)
	title := strings.Join(videoWords(v), " ")
	out := make([]scene, n)
	for i := range out {
		caption := t.captions[(h+i)%len(t.captions)]
		if i == 0 && title != "" {
			caption += ", titled " + title
		}
		k := seedHash(fmt.Sprint(v.VideoNo, "/", i))
		out[i] = scene{index: i, start: i * sceneSeconds, end: min((i+1)*sceneSeconds, duration), caption: caption,
			speech: t.speech[(h+i)%len(t.speech)], colour: color.RGBA{uint8(k), uint8(k >> 8), uint8(k >> 16), 255}}
	}
	return out
}

// keyframeBlob is the storage name of a scene's keyframe.
func keyframeBlob(videoNo string, sc scene) string {
	return fmt.Sprintf("%s/keyframe-%06d.png", videoNo, sc.start)
}

// summaryOf describes a video for generate_summary.
func summaryOf(v Video) string {
	sc := scenesOf(v)
	return fmt.Sprintf("A %d-second video of %s: %s.", max(v.Duration, sceneSeconds), themeOf(v).name, sc[0].caption)
}
