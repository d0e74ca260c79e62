#!/usr/bin/env bash
# make dist: dist/demystify-VERSION-linux-x86_64.tar.gz, a release a student
# installs without a compiler or root:
#   - the binary, built for the x86-64-v3 baseline (AVX2 and FMA: Intel Haswell
#     and AMD Excavator on, 2013), never for the build machine's own CPU;
#   - the Swift runtime and Foundation linked in (-static-stdlib), and GNU
#     readline, its terminal library (tinfo), libstdc++ and libgcc linked in
#     from their static archives, so ldd shows only the C library's own parts;
#   - the lessons and their data, the manual page, README.md, LICENSE, install.sh.
# The build has its own scratch folder (.build-dist), so the development build
# in .build is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/demystify/main.swift)
name="demystify-$version-linux-x86_64"
scratch="$PWD/.build-dist"
commit=$(git describe --always --dirty 2>/dev/null || echo "")

# The static archives, found where Debian's -dev packages put them. A folder
# holding only these comes first on the linker's path, so -lreadline, -ltinfo
# and -lstdc++ take the archive (the linker prefers a .so within one folder).
mkdir -p "$scratch/static-libs" "$scratch/pkgconfig"
archive() {
    local found
    found=$(${CC:-cc} -print-file-name="$1")
    if [ "$found" = "$1" ] || [ ! -f "$found" ]; then
        found=$(find /usr/lib /lib -name "$1" 2>/dev/null | head -1)
    fi
    if [ -z "$found" ]; then echo "make dist: $1 was not found (its Debian -dev package is missing)" >&2; exit 1; fi
    ln -sf "$found" "$scratch/static-libs/$1"
}
archive libreadline.a
archive libtinfo.a
archive libstdc++.a
# readline's pkg-config file names the folder first; the module map's
# pkgConfig "readline" then links the archive and the terminal library.
cat > "$scratch/pkgconfig/readline.pc" <<PC
Name: readline
Description: GNU readline, linked statically for make dist
Version: 8
Cflags:
Libs: -L$scratch/static-libs -lreadline -ltinfo
PC

echo "== building $name (x86-64-v3, static Swift runtime and readline; commit ${commit:-none})"
PKG_CONFIG_PATH="$scratch/pkgconfig" DEMYSTIFY_CPU=x86-64-v3 DEMYSTIFY_COMMIT="$commit" \
    ${SWIFT:-swift} build -c release --product demystify --scratch-path "$scratch" \
    --static-swift-stdlib -Xswiftc -Xclang-linker -Xswiftc -static-libgcc 2>&1 \
    | grep -v "the use of \`mktemp' is dangerous" || true
binary="$scratch/release/demystify"
[ -x "$binary" ] || { echo "make dist: the build failed" >&2; exit 1; }

# Only the C library's own parts may be loaded at run time.
libs=$(ldd "$binary" | awk '{print $1}' | sed 's|.*/||')
for lib in $libs; do
    case "$lib" in
        linux-vdso.so.*|ld-linux-x86-64.so.*|libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*) ;;
        *) echo "make dist: the binary needs $lib at run time; only the C library's parts are allowed" >&2; exit 1 ;;
    esac
done
# The baseline: no AVX-512 instruction (a zmm register) anywhere in the code.
if objdump -d --no-show-raw-insn "$binary" | grep -q zmm; then
    echo "make dist: the binary uses AVX-512 registers; the baseline is x86-64-v3" >&2; exit 1
fi

stage="$scratch/stage/$name"
rm -rf "$scratch/stage"
mkdir -p "$stage/bin" "$stage/share/demystify" "$stage/share/man/man1"
strip -o "$stage/bin/demystify" "$binary"
cp -R Lessons "$stage/share/demystify/Lessons"
cp "${MANPAGE:-.build/plugins/GenerateManual/outputs/demystify/demystify.1}" "$stage/share/man/man1/demystify.1"
cp README.md LICENSE "$stage/"
install -m 755 dist/install.sh "$stage/install.sh"

# The same bytes from the same commit: sorted names, the commit's time, no owners.
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
mkdir -p dist
tar --sort=name --mtime="@$stamp" --owner=0 --group=0 --numeric-owner \
    -C "$scratch/stage" -cf - "$name" | gzip -n -9 > "dist/$name.tar.gz"
echo "== dist/$name.tar.gz: $(du -h "dist/$name.tar.gz" | cut -f1) ($(du -sh "$stage" | cut -f1) unpacked)"
ldd "$stage/bin/demystify" | sed 's/ (0x.*//; s/^/   ldd: /'
"$stage/bin/demystify" --version | sed 's/^/   /'
sha256sum "dist/$name.tar.gz" | sed 's/^/   sha256 /'
