#!/bin/sh
# Hooks the installed app into the system, beyond what jpackage does itself (menu entry,
# icon, *.Dockerfile association). Called by the package's postinst/%post with "install"
# and by prerm/%preun with "remove"; shipped in <install dir>/lib/app/linux/.
#   /usr/bin/stagecraft                                   -> <install dir>/bin/stagecraft
#   /usr/share/bash-completion/completions/stagecraft     bash completion (stagecraft completion)
#   /usr/share/mime/packages/stagecraft-dockerfile.xml    globs Dockerfile, *.Dockerfile, Dockerfile.*
set -e
here=$(cd "$(dirname "$0")" && pwd)
app=$(cd "$here/../../.." && pwd)

refresh_databases() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database /usr/share/mime || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
  fi
}

case "$1" in
  install)
    ln -sf "$app/bin/stagecraft" /usr/bin/stagecraft
    if [ -f "$here/stagecraft.bash-completion" ]; then
      mkdir -p /usr/share/bash-completion/completions
      cp "$here/stagecraft.bash-completion" /usr/share/bash-completion/completions/stagecraft
      chmod 644 /usr/share/bash-completion/completions/stagecraft
    fi
    mkdir -p /usr/share/mime/packages
    cp "$here/stagecraft-dockerfile.xml" /usr/share/mime/packages/stagecraft-dockerfile.xml
    chmod 644 /usr/share/mime/packages/stagecraft-dockerfile.xml
    refresh_databases
    ;;
  remove)
    # Only remove the link if it is ours.
    if [ -L /usr/bin/stagecraft ] && [ "$(readlink /usr/bin/stagecraft)" = "$app/bin/stagecraft" ]; then
      rm -f /usr/bin/stagecraft
    fi
    rm -f /usr/share/bash-completion/completions/stagecraft
    rm -f /usr/share/mime/packages/stagecraft-dockerfile.xml
    refresh_databases
    ;;
  *)
    echo "usage: $0 install|remove" >&2
    exit 2
    ;;
esac
