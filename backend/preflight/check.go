package preflight

import (
	"errors"
	"io/fs"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/i18n"
	"os"
	"path/filepath"
)

// check inspects one file that exists and returns nil when it passes. Checks run in order and
// stop at the first failure, so cheap ones come first and later ones (container and codec
// parsing) may rely on earlier ones: a readable, regular, non-empty video file within the limit.
type check func(path string, info fs.FileInfo) *failure

// checks is the preflight pipeline; deeper checks are appended here.
var checks = []check{regularFile, knownExtension, nonEmpty, withinLimit, readable}

// CheckFile reports whether the file at path can be uploaded and, if not, why. It never
// returns an error: every problem is a Verdict the user can read.
func CheckFile(path string) contract.Verdict { return Check(path, Options{}) }

// Check is CheckFile with options. After the cheap checks, the container is read (its index
// only) for the codec, audio and capture details.
func Check(path string, opt Options) contract.Verdict {
	v := verdictFor(path)
	info, f := stat(v.Path)
	if f == nil {
		if info.Mode().IsRegular() {
			v.Size = info.Size()
		}
		f = run(v.Path, info, checks)
	}
	if f == nil {
		f = inspect(&v, opt)
	}
	return judge(v, f)
}

// run applies checks in order and returns the first failure.
func run(path string, info fs.FileInfo, checks []check) *failure {
	for _, c := range checks {
		if f := c(path, info); f != nil {
			return f
		}
	}
	return nil
}

// judge fills the outcome fields from the first failure, or marks the verdict OK.
func judge(v contract.Verdict, f *failure) contract.Verdict {
	if f == nil {
		v.OK = true
		return v
	}
	v.Code, v.Reason = f.code, f.raw
	if f.key != "" {
		v.Reason, v.ReasonKey, v.ReasonParams = i18n.T(f.key, f.args), f.key, i18n.Strings(f.args)
	}
	return v
}

// verdictFor starts the verdict for path, made absolute.
func verdictFor(path string) contract.Verdict {
	abs := absolute(path)
	if abs == "" {
		return contract.Verdict{}
	}
	return contract.Verdict{Path: abs, Name: filepath.Base(abs)}
}

// absolute makes path absolute and clean; an empty path stays empty rather than becoming the
// working directory.
func absolute(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// stat follows links and tells a vanished file from a dangling link and from other errors.
func stat(path string) (fs.FileInfo, *failure) {
	info, err := os.Stat(path)
	switch {
	case err == nil:
		return info, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, unreadable(err)
	case isLink(path):
		return nil, refusal(CodeUnreadable, "preflight.danglingLink")
	}
	return nil, refusal(CodeMissing, "preflight.missing")
}

func isLink(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// unreadable explains a system error without repeating the path, which the UI shows anyway.
func unreadable(err error) *failure {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return refusal(CodeUnreadable, "preflight.unreadable", i18n.Args{"Error": err.Error()})
}
