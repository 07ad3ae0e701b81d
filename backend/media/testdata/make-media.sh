#!/usr/bin/env bash
# Regenerates the tiny real media files the media and preflight tests read (a few KB each).
# Needs ffmpeg with libx264, libx265 and libvpx. Run from anywhere; writes next to this script.
set -euo pipefail
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
video=(-f lavfi -i "testsrc2=size=64x36:rate=25:duration=0.5")
audio=(-f lavfi -i "sine=frequency=440:duration=0.5")

ff "${video[@]}" "${audio[@]}" -c:v libx264 -pix_fmt yuv420p -c:a aac -b:a 32k -shortest \
	-metadata creation_time=2025-08-12T14:30:00Z h264-aac.mp4
ff "${video[@]}" -c:v libx264 -pix_fmt yuv420p -movflags +faststart h264-silent.mp4
ff "${video[@]}" "${audio[@]}" -c:v libx265 -x265-params log-level=error -tag:v hvc1 -pix_fmt yuv420p \
	-c:a aac -b:a 32k -shortest -movflags use_metadata_tags \
	-metadata creation_time=2024-06-01T09:15:30Z \
	-metadata com.apple.quicktime.location.ISO6709=+48.8584+002.2945+035.000/ \
	-metadata com.apple.quicktime.make=Apple -metadata "com.apple.quicktime.model=iPhone 15 Pro" \
	hevc-tags.mov
ff "${video[@]}" "${audio[@]}" -c:v mpeg4 -c:a pcm_s16le -ar 8000 -ac 1 -shortest mpeg4.avi
ff "${video[@]}" "${audio[@]}" -c:v libvpx-vp9 -b:v 50k -c:a libopus -b:a 16k -shortest vp9.webm
ff "${video[@]}" -c:v libvpx-vp9 -b:v 50k -metadata creation_time=2023-01-02T03:04:05Z vp9.mkv
# A copy cut short before its index: the moov box sits at the end, so it is lost.
head -c 2000 h264-aac.mp4 >truncated.mp4
printf 'not a video\n' >text.mp4
# A poster the GUI test can find on screen: the test pattern on a pure green field.
ff -f lavfi -i "color=c=0x00ff00:size=320x180:rate=25:duration=1" -f lavfi -i "testsrc2=size=160x90:rate=25:duration=1" \
	-filter_complex "[0][1]overlay=80:45" -c:v libx264 -pix_fmt yuv420p -movflags +faststart poster.mp4
# Capture details in the classic QuickTime user-data atoms (©xyz, ©mak, ©mod), as Android and
# older cameras write them.
ff "${video[@]}" -c:v libx264 -pix_fmt yuv420p -metadata location=+37.4219-122.0840/ -metadata make=Google \
	-metadata "model=Pixel 8" -metadata creation_time=2022-03-04T05:06:07Z h264-udta.mov
