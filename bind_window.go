package main

// SetWindowTitle sets the window title; seq orders the calls, because Wails hands each message
// from the page to Go on its own goroutine and a stale title could otherwise land last.
func (a *App) SetWindowTitle(seq int, title string) (err error) {
	defer settle(&err)
	a.titleMu.Lock()
	defer a.titleMu.Unlock()
	if seq <= a.titleSeq {
		return
	}
	a.titleSeq = seq
	if a.setTitle != nil { // nil in the browser test harness, which has no window
		a.setTitle(title)
	}
	return nil
}
