//go:build !unix

package transfer

// noFollow is not available here (Windows): creation uses O_EXCL, which refuses any existing
// name, link or not, and a reopened .part is checked with Lstat and os.SameFile (openOwn).
const noFollow = 0
