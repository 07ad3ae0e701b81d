package preflight

import (
	"errors"
	"memories-desktop/backend/i18n"

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
			return refusal(contract.CodeCodec, "preflight.codec", codecArgs(info))
		}
		v.Warnings = append(v.Warnings, codecReason(info))
	}
	if !info.HasAudio {
		v.Warnings = append(v.Warnings, i18n.T("preflight.noAudio"))
	}
	return nil
}

func codecReason(info media.Info) string { return i18n.T("preflight.codec", codecArgs(info)) }

func codecArgs(info media.Info) i18n.Args {
	return i18n.Args{"Codec": info.CodecName, "Indexed": IndexedCodecs()}
}

// IndexedCodecs names the codecs the service indexes, for messages: "H.264, H.265/HEVC or VP9".
func IndexedCodecs() string {
	return i18n.T("preflight.codecs", i18n.Args{"Codecs": media.CodecName("h264") + ", " + media.CodecName("hevc"),
		"Last": media.CodecName("vp9")})
}

func inspectFailure(err error) *failure {
	var truncated *media.TruncatedError
	switch {
	case errors.Is(err, media.ErrNotVideo):
		return refusal(CodeNotVideo, "preflight.notVideo")
	case errors.Is(err, media.ErrNoVideoTrack):
		return refusal(CodeNotVideo, "preflight.noVideoTrack", i18n.Args{"Error": err.Error()})
	case errors.As(err, &truncated):
		return &failure{code: CodeTruncated, raw: truncated.Error()} // the parser's finding
	}
	return unreadable(err)
}
