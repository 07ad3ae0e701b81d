# make_video OUT MIB: a real MP4 of that many MiB of random media data, for the benchmarks (source it).

# mp4_box FILE TYPE prints the offset and size of a top-level MP4 box.
mp4_box() {
  local off=0 size type total
  total=$(stat -c %s "$1")
  while ((off + 8 <= total)); do
    size=$(od -An -tu4 --endian=big -j "$off" -N4 "$1" | tr -d ' ')
    type=$(dd if="$1" bs=1 skip=$((off + 4)) count=4 2>/dev/null)
    [[ $type == "$2" ]] && { echo "$off $size"; return 0; }
    ((size >= 8)) || break
    off=$((off + size))
  done
  return 1
}

# be64 N writes N as 8 big-endian bytes.
be64() {
  local i s=""
  for i in 7 6 5 4 3 2 1 0; do s+=$(printf '\\%03o' $((($1 >> (i * 8)) & 255))); done
  printf "$s"
}

# box FILE OFFSET SIZE copies SIZE bytes at OFFSET. (tail | head would die of SIGPIPE when head
# has what it wants before tail has written everything, which pipefail turns into a failure.)
box() { dd if="$1" iflag=skip_bytes,count_bytes skip="$2" count="$3" bs=64K status=none; }

# make_video OUT MIB writes a real MP4 (the upload check reads its container) whose media data
# is MIB MiB of random bytes: the ftyp and moov of a tiny real file around a 64-bit mdat.
make_video() {
  local src=backend/media/testdata/h264-aac.mp4 bytes=$(($2 << 20)) fo fs mo ms
  read -r fo fs < <(mp4_box "$src" ftyp) || { echo "no ftyp in $src" >&2; return 1; }
  read -r mo ms < <(mp4_box "$src" moov) || { echo "no moov in $src" >&2; return 1; }
  {
    box "$src" "$fo" "$fs"
    printf '\0\0\0\1mdat'
    be64 $((bytes + 16))
    head -c "$bytes" /dev/urandom
    box "$src" "$mo" "$ms"
  } >"$1"
}
