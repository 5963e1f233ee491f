#!/bin/sh
# Install factcheck for this user from the unpacked folder: a launcher on the PATH, the
# menu entry, the icon, and the .factcheck file type (double-click opens a project).
# Run it from the folder it is in: ./install.sh   (./install.sh --remove undoes it)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=org.factcheck.Workbench
if [ "${1:-}" = "--remove" ]; then
    rm -f "$bin/factcheck" "$data/applications/$id.desktop" "$data/mime/packages/$id.xml" \
          "$data/icons/hicolor/scalable/apps/$id.svg" "$data/metainfo/$id.metainfo.xml"
else
    mkdir -p "$bin" "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps" "$data/metainfo"
    ln -sf "$here/factcheck" "$bin/factcheck"
    sed "s|^Exec=factcheck|Exec=$here/factcheck|" "$here/$id.desktop" > "$data/applications/$id.desktop"
    cp "$here/$id.mime.xml" "$data/mime/packages/$id.xml"
    cp "$here/$id.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
    cp "$here/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
fi
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "done"
