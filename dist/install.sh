#!/bin/sh
# Installs Demystify from this unpacked release, without root:
#   sh install.sh                    the tutor in ~/.local/bin, the lessons in ~/.local/share/demystify
#   PREFIX=/usr/local sh install.sh  a system install (run it as root)
#   sh install.sh --uninstall        removes what an install put there
# Nothing is downloaded: the binary carries the Swift runtime and GNU readline.
set -eu
PREFIX=${PREFIX:-$HOME/.local}
here=$(cd "$(dirname "$0")" && pwd)
bin="$PREFIX/bin"
share="$PREFIX/share/demystify"
man="$PREFIX/share/man/man1"

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$bin/demystify" "$man/demystify.1"
    rm -rf "$share"
    echo "Removed demystify from $PREFIX."
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "install.sh: unknown argument '$1' (it takes --uninstall, or nothing; PREFIX=… chooses the place)" >&2
    exit 2
fi

# The binary needs the GNU C library 2.36 or newer; the loader's own message
# ("GLIBC_2.36 not found") is not one a student can act on.
if ! "$here/bin/demystify" --version >/dev/null 2>&1; then
    echo "install.sh: this build of demystify does not start here:" >&2
    "$here/bin/demystify" --version 2>&1 | head -3 >&2 || true
    echo "It needs Linux on x86-64 with AVX2 and FMA (CPUs from 2013 on) and the GNU C library 2.36 or newer" >&2
    echo "(Debian 12, Ubuntu 23.04, Fedora 37 and later). Nothing was installed." >&2
    exit 1
fi

mkdir -p "$bin" "$share" "$man"
# Each part is copied beside its place and then renamed over it, so a tutor
# that is running (or an install that is stopped half-way) never sees half a file.
cp "$here/bin/demystify" "$bin/.demystify.new.$$"
chmod 755 "$bin/.demystify.new.$$"
mv -f "$bin/.demystify.new.$$" "$bin/demystify"
rm -rf "$share/.Lessons.new.$$" "$share/.Lessons.old.$$"
cp -R "$here/share/demystify/Lessons" "$share/.Lessons.new.$$"
if [ -d "$share/Lessons" ]; then mv "$share/Lessons" "$share/.Lessons.old.$$"; fi
mv "$share/.Lessons.new.$$" "$share/Lessons"
rm -rf "$share/.Lessons.old.$$"
cp "$here/share/man/man1/demystify.1" "$man/demystify.1"

# The installed tutor checks itself: it starts and finds its lessons.
"$bin/demystify" --version
if ! "$bin/demystify" lessons >/dev/null 2>&1; then
    echo "install.sh: the tutor was copied but could not list its lessons (see: $bin/demystify lessons)" >&2
    exit 1
fi
echo "Installed: $bin/demystify, the lessons in $share/Lessons, the manual page (man demystify)."
case ":$PATH:" in
    *":$bin:"*) echo "Next: demystify doctor, then demystify" ;;
    *) echo "$bin is not on your PATH yet: log in again (Debian and Ubuntu add ~/.local/bin when it exists),"
       echo "or add the line  export PATH=\"$bin:\$PATH\"  to ~/.profile. Then: demystify doctor, then demystify" ;;
esac
