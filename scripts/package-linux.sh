#!/usr/bin/env bash
# Builds build/dist/memories-desktop_VERSION_ARCH.deb and the .rpm with nfpm (pinned in
# tools/nfpm/go.mod) from the binaries `make build` left in build/bin: the app, the CLI, the
# desktop entry with its MIME types, hicolor icons made from build/appicon.png, and completions.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${VERSION:-$(scripts/version.sh)}
STAGE=build/package/linux
DIST=build/dist
ICON_SIZES=(16 22 24 32 48 64 128 256 512)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# nfpm is built once from the module proxy into .tools/bin, at the version tools/nfpm pins.
ensure_nfpm() {
  local want; want=$(sed -n 's/.*goreleaser\/nfpm\/v2 \(v[^ ]*\).*/\1/p' tools/nfpm/go.mod)
  if [[ -x .tools/bin/nfpm ]] && go version -m .tools/bin/nfpm | grep -q "nfpm/v2.*$want"; then return; fi
  say "Building nfpm $want"
  (cd tools/nfpm && go build -trimpath -o ../../.tools/bin/nfpm github.com/goreleaser/nfpm/v2/cmd/nfpm)
}

stage() {
  rm -rf "$STAGE" && mkdir -p "$STAGE/icons" "$STAGE/completions" "$DIST"
  local n
  for n in "${ICON_SIZES[@]}"; do
    convert build/appicon.png -resize "${n}x${n}" -strip "PNG32:$STAGE/icons/$n.png"
  done
  build/bin/memories completion bash >"$STAGE/completions/memories.bash"
  build/bin/memories completion zsh >"$STAGE/completions/_memories"
  build/bin/memories completion fish >"$STAGE/completions/memories.fish"
}

# The WebKitGTK the app was linked against decides the dependency (4.1 with the webkit2_41 tag).
webkit_deps() {
  if [[ -n $(scripts/webkit-tags.sh) ]]; then echo "libwebkit2gtk-4.1-0 webkit2gtk4.1"
  else echo "libwebkit2gtk-4.0-37 webkit2gtk4.0"; fi
}

icon_contents() {
  local n
  for n in "${ICON_SIZES[@]}"; do
    printf '  - src: %s/icons/%s.png\n    dst: /usr/share/icons/hicolor/%sx%s/apps/memories-desktop.png\n' "$STAGE" "$n" "$n" "$n"
  done
}

# preview_packages COLUMN: the GStreamer plugins previews need, by their Debian (1) or RPM (2)
# names, comma-separated, from the list ensure-deps.sh installs them from.
preview_packages() {
  awk -v c="$1" '/^[a-z0-9]/ {printf "%s%s", sep, $c; sep=", "}' scripts/preview-packages.txt
}

# config PKG_VERSION DEB_WEBKIT RPM_WEBKIT: depends are per packager, since the names differ.
config() {
  cat <<YAML
name: memories-desktop
arch: $(go env GOARCH)
platform: linux
version: "$1"
version_schema: none
section: video
priority: optional
maintainer: Memories Desktop contributors <noreply@memories-desktop.invalid>
description: |-
  Move videos into and out of a memories.ai library.
  Desktop app (GTK/WebKitGTK) and the memories command line.
vendor: Memories Desktop
homepage: https://memories.ai
license: Proprietary
overrides:
  deb:
    depends: [libgtk-3-0, $2, $(preview_packages 1)]
  rpm:
    depends: [gtk3, $3]
    recommends: [$(preview_packages 2)]
contents:
  - src: build/bin/memories-desktop
    dst: /usr/bin/memories-desktop
    file_info: {mode: 0755}
  - src: build/bin/memories
    dst: /usr/bin/memories
    file_info: {mode: 0755}
  - src: build/linux/memories-desktop.desktop
    dst: /usr/share/applications/memories-desktop.desktop
  - src: $STAGE/completions/memories.bash
    dst: /usr/share/bash-completion/completions/memories
  - src: $STAGE/completions/_memories
    dst: /usr/share/zsh/vendor-completions/_memories
  - src: $STAGE/completions/memories.fish
    dst: /usr/share/fish/vendor_completions.d/memories.fish
$(icon_contents)
YAML
}

desktop-file-validate build/linux/memories-desktop.desktop
ensure_nfpm
stage
rm -f "$DIST"/memories-desktop*.deb "$DIST"/memories-desktop*.rpm
# dpkg takes a git-describe version as it is (1.2.0-3-gabc1234 sorts after 1.2.0); rpm allows no
# "-" in a version, so there it becomes 1.2.0.3.gabc1234, which sorts the same way.
config "$VERSION" $(webkit_deps) >"$STAGE/nfpm-deb.yaml"
config "${VERSION//-/.}" $(webkit_deps) >"$STAGE/nfpm-rpm.yaml"
for packager in deb rpm; do
  .tools/bin/nfpm package --config "$STAGE/nfpm-$packager.yaml" --packager "$packager" --target "$DIST/" >&2
done
ls "$DIST"/memories-desktop*.{deb,rpm}
