package preflight

import (
	"errors"
	"fmt"
	"strings"

	"memories-desktop/backend/contract"
	"memories-desktop/backend/media"
)

// inspect reads the container: a file that is not a whole video, or whose codec the service
// cannot index, fails; a missing audio track is only a warning.
func inspect(v *contract.Verdict, opt Options) *failure {
	info, err := media.InspectFile(v.Path)
	if err != nil {
		return inspectFailure(err)
	}
	v.Media, v.FileMeta = &info, fileMetaOf(info.Capture)
	if !media.Indexed[info.VideoCodec] {
		if !opt.AnyCodec {
			return &failure{contract.CodeCodec, codecReason(info)}
		}
		v.Warnings = append(v.Warnings, codecReason(info))
	}
	if !info.HasAudio {
		v.Warnings = append(v.Warnings, "it has no audio track, so there is nothing to transcribe")
	}
	return nil
}

func codecReason(info media.Info) string {
	return fmt.Sprintf("its video is %s, which the service cannot index; it indexes %s", info.CodecName, IndexedCodecs())
}

// IndexedCodecs names the codecs the service indexes, for messages: "H.264, H.265/HEVC or VP9".
func IndexedCodecs() string {
	return strings.Join([]string{media.CodecName("h264"), media.CodecName("hevc")}, ", ") + " or " + media.CodecName("vp9")
}

func inspectFailure(err error) *failure {
	var truncated *media.TruncatedError
	switch {
	case errors.Is(err, media.ErrNotVideo):
		return &failure{CodeNotVideo, "it is not a video: its contents are not an MP4, MOV, Matroska or AVI container"}
	case errors.Is(err, media.ErrNoVideoTrack):
		return &failure{CodeNotVideo, "it is not a video: " + err.Error()}
	case errors.As(err, &truncated):
		return &failure{CodeTruncated, truncated.Error()}
	}
	return unreadable(err)
}
