//go:build !e2e

// Memories Desktop: move videos into and out of a memories.ai library.
// main.go is only the composition root: window options and wails.Run. No I/O happens before Run
// (but a private D-Bus session when there is none: ownSessionBus, off for bindings), because
// `wails generate module` runs main() to produce bindings.
package main

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"memories-desktop/backend/i18n"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"memories-desktop/backend/applog"
	"memories-desktop/backend/contract"
	"memories-desktop/backend/core"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	if printVersion(os.Stdout, os.Args[1:]) {
		return
	}
	i18n.SetDefault(i18n.FromEnv(systemEnv)) // Settings may choose another (SetLanguage)
	dataDir, err := core.ResolveDataDir("", os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop: cannot find a data folder:", err)
		os.Exit(1)
	}
	opened := launchArgs()
	// The bus first: asking a missing session bus for the running window would autolaunch one
	// (dbus-launch) that outlives this process.
	stopBus, sharedBus := ownSessionBus()
	if sharedBus && handOff(instanceID(dataDir)) {
		stopBus()
		fmt.Fprintln(os.Stderr, i18n.T("app.handedOff", i18n.Args{"Dir": dataDir, "Count": len(opened)}))
		return
	}
	app := NewApp(dataDir)
	app.opened.Add(opened)
	if !sharedBus && dataFolderInUse(dataDir) {
		// Without a shared bus, Wails' single-instance lock cannot see the window already open,
		// and Wails shows a window before startup finds the data folder locked: say so now.
		stopBus()
		fmt.Fprintln(os.Stderr, inUseMessage(dataDir))
		os.Exit(1)
	}
	err = wails.Run(appOptions(app, dataDir))
	stopBus()
	if err != nil {
		fmt.Fprintln(os.Stderr, "memories-desktop:", err)
		os.Exit(1)
	}
}

func appOptions(app *App, dataDir string) *options.App {
	return &options.App{
		Title:            "Memories Desktop",
		Width:            1180,
		Height:           760,
		MinWidth:         860,
		MinHeight:        560,
		StartHidden:      true, // shown on DOM ready, once the data folder is ours
		AssetServer:      &assetserver.Options{Assets: assets, Handler: app.previewHandler()},
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		OnStartup:        app.startup,
		OnDomReady:       app.domReady,
		OnBeforeClose:    app.beforeClose,
		OnShutdown:       app.shutdown,
		ErrorFormatter:   formatError,
		Logger:           applog.Wails{},
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: nativeFileDrop},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instanceID(dataDir),
			OnSecondInstanceLaunch: app.secondInstance,
		},
		Linux: &linux.Options{
			Icon:             icon,
			ProgramName:      "memories-desktop",
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
		Bind:     []any{app},
		EnumBind: contract.Enums(), // generated into frontend/wailsjs/go/models.ts
	}
}

// dataFolderInUse reports whether another process holds the data folder's database.
func dataFolderInUse(dataDir string) bool {
	c, err := core.Start(dataDir, core.Options{})
	if err == nil {
		c.Close()
	}
	return errors.Is(err, contract.ErrLocked)
}

// launchArgs returns the files and folders the app was started with ("Open with", %F in the
// desktop entry) and makes os.Args absolute, so a second launch hands the running window paths
// that do not depend on where it was started.
func launchArgs() []string {
	cwd, _ := os.Getwd()
	for i, arg := range os.Args[1:] {
		if p := core.LaunchPaths([]string{arg}, cwd); len(p) == 1 {
			os.Args[i+1] = p[0]
		}
	}
	return core.LaunchPaths(os.Args[1:], cwd)
}

// instanceID is one lock per data folder, so a test or second profile with its own folder can
// run beside the user's app while two windows on one folder cannot.
func instanceID(dataDir string) string {
	sum := sha256.Sum256([]byte(dataDir))
	return "ai.memories.desktop." + hex.EncodeToString(sum[:6])
}
