#!/bin/sh
# Hooks the installed app into the system, beyond what jpackage does itself (menu entry,
# icon, *.Dockerfile association). Called by the package's postinst/%post with "install"
# and by prerm/%preun with "remove"; shipped in <install dir>/lib/app/linux/.
#   /usr/bin/stagecraft                                   -> <install dir>/bin/stagecraft
#   /usr/share/bash-completion/completions/stagecraft     bash completion (stagecraft completion)
#   /usr/share/mime/packages/stagecraft-dockerfile.xml    globs Dockerfile, *.Dockerfile, Dockerfile.*
#   <install dir>/lib/stagecraft.jsa                      class-data-sharing archive of the classes the app
#                                                         loads at start (from stagecraft.classlist, made
#                                                         with the installed runtime; the launcher maps it)
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
    # The archive must be made by the runtime that maps it and for the jar's installed path.
    # A failure only costs start-up time: the launcher ignores a missing archive.
    if [ -x "$app/lib/runtime/bin/java" ] && [ -f "$here/stagecraft.classlist" ]; then
      "$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$here/stagecraft.classlist" \
        -XX:SharedArchiveFile="$app/lib/stagecraft.jsa" -cp "$app/lib/app/stagecraft.jar" >/dev/null 2>&1 \
        || rm -f "$app/lib/stagecraft.jsa"
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
    rm -f "$app/lib/stagecraft.jsa"
    refresh_databases
    ;;
  *)
    echo "usage: $0 install|remove" >&2
    exit 2
    ;;
esac
