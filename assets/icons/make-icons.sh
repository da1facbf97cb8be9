#!/usr/bin/env bash
# Draws Homegroup's mark (eight seats in a circle around a warm centre, on a calm teal tile)
# with ImageMagick's own drawing primitives and writes every size Tauri needs as RGBA PNG.
set -euo pipefail
cd "$(dirname "$0")"
convert=/usr/bin/convert
command -v png2icns >/dev/null || { echo "png2icns is missing: install the Debian package icnsutils" >&2; exit 1; }
draw=(-fill '#2e6e6a' -draw 'roundrectangle 32,32 991,991 220,220' -fill '#f2c078' -draw 'circle 512,512 632,512' -fill '#fdfaf3')
for i in 0 1 2 3 4 5 6 7; do
  read -r x y < <(python3 -c "import math;a=2*math.pi*$i/8-math.pi/2;print(round(512+250*math.cos(a)),round(512+250*math.sin(a)))")
  draw+=(-draw "circle $x,$y $((x + 62)),$y")
done
$convert -size 1024x1024 xc:none "${draw[@]}" -depth 8 -define png:color-type=6 master.png
for s in 32 64 128 256 512; do
  $convert master.png -resize "${s}x${s}" -depth 8 -define png:color-type=6 "${s}x${s}.png"
done
$convert master.png -resize 256x256 -depth 8 -define png:color-type=6 128x128@2x.png
cp 512x512.png icon.png
$convert 32x32.png 64x64.png 256x256.png icon.ico
# macOS wants icon.icns (16 to 1024 px), written by png2icns (Debian's icnsutils).
icns_dir=$(mktemp -d)
$convert master.png -resize 16x16 -depth 8 -define png:color-type=6 "$icns_dir/16x16.png"
cp master.png "$icns_dir/1024x1024.png"
png2icns icon.icns "$icns_dir/16x16.png" 32x32.png 128x128.png 256x256.png 512x512.png "$icns_dir/1024x1024.png" >/dev/null
rm -r "$icns_dir"
# The tray icon: the same mark, small.
$convert master.png -resize 64x64 -depth 8 -define png:color-type=6 tray.png
rm master.png
