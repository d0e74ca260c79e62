#!/usr/bin/env bash
# make dist-check: the release tarball on a clean machine.
#   1. A minimal Debian root, debootstrap --variant=minbase, from the mirror and
#      release apt uses here: no Swift, no readline, no compiler.
#   2. A normal user there unpacks the tarball and runs its install.sh (no root).
#   3. `demystify lesson 00 --auto` and `demystify doctor` run inside (chroot).
#   4. dist/check.script (every model trains a little) is run inside and with
#      the same tarball's binary here; the fingerprints must be the same.
#   5. The same script on an emulated Haswell (qemu-user), the baseline's CPU.
# The pristine root is kept in .build-dist/minbase-SUITE.tar and unpacked anew each
# run, so every check starts clean; DIST_CHECK_FRESH=1 makes it again.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "make dist-check needs root (debootstrap and chroot)" >&2; exit 1; }
version=$(sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/demystify/main.swift)
name="demystify-$version-linux-x86_64"
tarball="dist/$name.tar.gz"
[ -f "$tarball" ] || { echo "no $tarball: run make dist first" >&2; exit 1; }
scratch="$PWD/.build-dist"
root="$scratch/clean-root"

. /etc/os-release
# DIST_CHECK_SUITE=trixie (say) tries another Debian release from the same mirror.
suite="${DIST_CHECK_SUITE:-${VERSION_CODENAME:-bookworm}}"
# The mirror apt uses here (deb822 .sources or a classic sources.list line).
mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -m1 '/debian$' || true)
[ -n "$mirror" ] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -m1 '/debian$' || true)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

cleanup() {
    for m in proc dev/pts dev; do mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m" || true; done
}
trap cleanup EXIT
cleanup

if [ ! -f "$scratch/minbase-$suite.tar" ] || [ "${DIST_CHECK_FRESH:-0}" = 1 ]; then
    echo "== debootstrap --variant=minbase $suite from $mirror"
    rm -rf "$scratch/minbase"
    start=$(date +%s)
    debootstrap --variant=minbase "$suite" "$scratch/minbase" "$mirror" > "$scratch/debootstrap.log" 2>&1 \
        || { tail -20 "$scratch/debootstrap.log"; echo "debootstrap failed" >&2; exit 1; }
    echo "   made in $(( $(date +%s) - start )) s; $(du -sh "$scratch/minbase" | cut -f1) on disk"
    tar -C "$scratch/minbase" -cf "$scratch/minbase-$suite.tar" .
    rm -rf "$scratch/minbase"
fi
rm -rf "$root"
mkdir -p "$root"
tar -C "$root" -xf "$scratch/minbase-$suite.tar"
echo "== the clean root: $(du -sh "$root" | cut -f1); $(chroot "$root" dpkg-query -W | wc -l) packages"
for tool in swift swiftc cc gcc clang; do
    if chroot "$root" sh -c "command -v $tool" >/dev/null 2>&1; then echo "the clean root has $tool" >&2; exit 1; fi
done
if chroot "$root" sh -c 'ls /usr/lib/*/libreadline* /lib/*/libreadline*' >/dev/null 2>&1; then
    echo "the clean root has readline" >&2; exit 1
fi
echo "   no swift, swiftc, cc, gcc, clang or libreadline in it"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"

chroot "$root" useradd --create-home --shell /bin/bash student
cp "$tarball" "$root/home/student/"
chroot "$root" chown student:student "/home/student/$name.tar.gz"
as_student() {   # a login shell of the student's, as a student at a fresh laptop has
    chroot --userspec=student:student "$root" env -i HOME=/home/student USER=student LANG=C.UTF-8 \
        PATH=/usr/local/bin:/usr/bin:/bin bash -lc "cd ~ && $1"
}
start=$(date +%s%N)
echo "== as student: tar xzf $name.tar.gz && sh $name/install.sh"
as_student "tar xzf $name.tar.gz && sh $name/install.sh" | sed 's/^/   /'
echo "   installed in $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "== as student, in a new login shell: demystify lesson 00 --auto"
out=$(as_student "demystify lesson 00 --auto" 2>&1) || { echo "$out" | tail -20; echo "lesson 00 failed" >&2; exit 1; }
echo "$out" | tail -2 | sed 's/^/   /'
echo "$out" | grep -q "Lesson complete" || { echo "lesson 00 did not complete" >&2; exit 1; }
echo "== as student: demystify doctor --width 80"
as_student "demystify doctor --width 80" | sed 's/^/   /'

cp dist/check.script "$root/home/student/check.script"
echo "== the fingerprint after dist/check.script (seed 42), inside and here"
inside=$(as_student "demystify --seed 42 < check.script" 2>&1 | grep '^fingerprint ' | awk '{print $2}')
here_dist=$("$scratch/stage/$name/bin/demystify" --seed 42 < dist/check.script 2>&1 | grep '^fingerprint ' | awk '{print $2}')
echo "   clean root, the tarball's binary:    ${inside:-none}"
echo "   build machine, the tarball's binary: ${here_dist:-none}"
if [ -x .build/release/demystify ]; then
    here_dev=$(.build/release/demystify --seed 42 < dist/check.script 2>&1 | grep '^fingerprint ' | awk '{print $2}')
    echo "   build machine, the development build (native): ${here_dev:-none}"
    [ "$here_dev" = "$here_dist" ] || { echo "the development build and the release disagree" >&2; exit 1; }
fi
[ -n "$inside" ] && [ "$inside" = "$here_dist" ] || { echo "the fingerprints differ" >&2; exit 1; }

# The baseline on an older CPU: QEMU's user-mode emulation of a Haswell (AVX2
# and FMA, no AVX-512) runs the same script with the tarball's binary.
if command -v qemu-x86_64 >/dev/null 2>&1; then
    echo "== the same script on an emulated Haswell (qemu-x86_64 -cpu Haswell, no AVX-512)"
    start=$(date +%s)
    old=$(DEMYSTIFY_LESSONS="$PWD/Lessons" qemu-x86_64 -cpu Haswell "$scratch/stage/$name/bin/demystify" --seed 42 \
          < dist/check.script 2>/dev/null | grep '^fingerprint ' | awk '{print $2}')
    echo "   emulated Haswell, the tarball's binary: ${old:-none} ($(( $(date +%s) - start )) s)"
    [ "$old" = "$here_dist" ] || { echo "the emulated Haswell disagrees (or the binary stopped)" >&2; exit 1; }
fi
echo "== dist-check passed"
