// Command pecheck verifies a Windows build from Linux: the file is a PE32+ (x86-64) binary for
// the GUI subsystem, it carries an icon, a manifest and a version resource, and the version
// resource holds the expected version.
//
//	go run ./scripts/pecheck build/bin/memories-desktop.exe 1.2.0
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"unicode/utf16"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: pecheck FILE.exe VERSION")
		os.Exit(2)
	}
	if err := check(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "pecheck:", os.Args[1]+":", err)
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s is a PE32+ x86-64 GUI binary with icon, manifest and version %s\n", os.Args[1], os.Args[2])
}

func check(path, version string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := checkHeaders(f); err != nil {
		return err
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return errors.New("no resource section")
	}
	data, err := rsrc.Data()
	if err != nil {
		return err
	}
	if err := checkResourceTypes(data); err != nil {
		return err
	}
	return checkVersion(data, version)
}

// Resource types the app must carry (winuser.h).
var wantResources = map[uint32]string{3: "icon", 14: "icon group", 16: "version", 24: "manifest"}

// checkResourceTypes reads the root IMAGE_RESOURCE_DIRECTORY: 16 bytes, whose last two uint16
// count the named and the numbered entries that follow, 8 bytes each (id, offset).
func checkResourceTypes(rsrc []byte) error {
	if len(rsrc) < 16 {
		return errors.New("resource section too short")
	}
	named, ids := int(binary.LittleEndian.Uint16(rsrc[12:])), int(binary.LittleEndian.Uint16(rsrc[14:]))
	found := map[uint32]bool{}
	for i := named; i < named+ids && 16+8*i+8 <= len(rsrc); i++ {
		found[binary.LittleEndian.Uint32(rsrc[16+8*i:])] = true
	}
	for id, name := range wantResources {
		if !found[id] {
			return fmt.Errorf("no %s resource", name)
		}
	}
	return nil
}

func checkHeaders(f *pe.File) error {
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	switch {
	case !ok:
		return errors.New("not PE32+ (no 64-bit optional header)")
	case f.Machine != pe.IMAGE_FILE_MACHINE_AMD64:
		return fmt.Errorf("machine %#x, want x86-64", f.Machine)
	case oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI:
		return fmt.Errorf("subsystem %d, want the Windows GUI (%d)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	return nil
}

// checkVersion reads the VS_VERSION_INFO block: the fixed file version (numbers) and the
// ProductVersion string must both be version.
func checkVersion(rsrc []byte, version string) error {
	at := bytes.Index(rsrc, utf16z("VS_VERSION_INFO"))
	if at < 0 {
		return errors.New("no version resource")
	}
	fixed := bytes.Index(rsrc[at:], []byte{0xBD, 0x04, 0xEF, 0xFE}) // VS_FIXEDFILEINFO signature
	if fixed < 0 || at+fixed+16 > len(rsrc) {
		return errors.New("no fixed file info in the version resource")
	}
	ms := binary.LittleEndian.Uint32(rsrc[at+fixed+8:])
	ls := binary.LittleEndian.Uint32(rsrc[at+fixed+12:])
	if got := fmt.Sprintf("%d.%d.%d", ms>>16, ms&0xffff, ls>>16); got != version {
		return fmt.Errorf("file version %s, want %s", got, version)
	}
	got, err := stringValue(rsrc, "ProductVersion")
	if err != nil || got != version {
		return fmt.Errorf("ProductVersion %q (%v), want %q", got, err, version)
	}
	return nil
}

// stringValue finds a String entry in a StringFileInfo table: key, NUL, padding to 4 bytes,
// then the value as NUL-terminated UTF-16.
func stringValue(rsrc []byte, key string) (string, error) {
	at := bytes.Index(rsrc, utf16z(key))
	if at < 0 {
		return "", errors.New("missing")
	}
	at += len(utf16z(key))
	at += (4 - at%4) % 4
	var units []uint16
	for ; at+1 < len(rsrc); at += 2 {
		u := binary.LittleEndian.Uint16(rsrc[at:])
		if u == 0 {
			return string(utf16.Decode(units)), nil
		}
		units = append(units, u)
	}
	return "", errors.New("unterminated")
}

func utf16z(s string) []byte {
	var b []byte
	for _, u := range append(utf16.Encode([]rune(s)), 0) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}
