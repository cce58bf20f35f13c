#!/usr/bin/env bash
# Builds CPython (Debian's 3.11 source with its security patches) and the C libraries its
# standard modules need (zlib, bzip2, xz, libffi, SQLite) with `zig cc` for an old glibc, so
# that nothing in the result needs a newer glibc than TARGET says.
#
# Usage: packaging/build-python.sh SRC WORK PREFIX TARGET ZIG [BUILD_PYTHON]
#   SRC     folder holding the Debian source packages (see build-linux.sh)
#   WORK    scratch folder;  PREFIX  where the interpreter is installed
#   TARGET  zig target, e.g. x86_64-linux-gnu.2.28 or aarch64-linux-gnu.2.28
#   ZIG     the zig binary;  BUILD_PYTHON  a python3.11 of this machine (cross builds only)
# PYTHON_DESTDIR (environment) installs into PYTHON_DESTDIR/PREFIX: PREFIX is then the path on
# the target.
set -euo pipefail
SRC=$(realpath "$1")
WORK=$2
PREFIX=$3
TARGET=$4
ZIG=$5
BUILD_PYTHON=${6:-}
JOBS=${JOBS:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=packaging/lib.sh
source "$here/lib.sh"

INSTALL_ROOT=${PYTHON_DESTDIR:-}
unset PYTHON_DESTDIR
mkdir -p "$WORK" "$INSTALL_ROOT$PREFIX"
WORK=$(realpath "$WORK")
[ -n "$INSTALL_ROOT" ] || PREFIX=$(realpath "$PREFIX")
INSTALLED=$INSTALL_ROOT$PREFIX
DEPS=$WORK/deps
make_zig_wrappers "$ZIG" "$TARGET" "$WORK/bin"
export PATH="$WORK/bin:$PATH"
export ZIG_GLOBAL_CACHE_DIR="$WORK/zig-cache" ZIG_LOCAL_CACHE_DIR="$WORK/zig-cache"
export CC=zcc AR=zar RANLIB=zranlib
# zig enables UBSan traps in unoptimised builds; CPython has benign UB that would trap
export CFLAGS="-O2 -fPIC -fno-sanitize=undefined -g0"

arch=${TARGET%%-*}
native=$(uname -m)
host_flag=()
if [ "$arch" != "$native" ]; then
  host_flag=(--host="$arch-linux-gnu" --build="$native-linux-gnu")
fi

unpack() {  # unpack GLOB — extract the one orig tarball matching GLOB into $WORK, print its dir
  local tarball
  tarball=$(ls "$SRC"/$1 | head -1)
  local top
  top=$(tar tf "$tarball" | head -1 | cut -d/ -f1)
  rm -rf "${WORK:?}/$top"
  tar xf "$tarball" -C "$WORK"
  echo "$WORK/$top"
}

log() { echo "[build-python] $*"; }

mkdir -p "$WORK/logs"
# quiet STEP CMD... — run CMD with its output in logs/STEP.log; show the end of it on failure
quiet() {
  local step=$1
  shift
  if ! "$@" >>"$WORK/logs/$step.log" 2>&1; then
    echo "[build-python] $step failed; end of $WORK/logs/$step.log:" >&2
    tail -40 "$WORK/logs/$step.log" >&2
    return 1
  fi
}

if [ ! -f "$DEPS/lib/libz.a" ]; then
  log "zlib"
  d=$(unpack 'zlib_*.orig.tar.*')
  # zlib's configure takes the target from CHOST (empty = this machine)
  chost=""
  [ -z "${host_flag[*]}" ] || chost="$arch-linux-gnu"
  quiet zlib sh -c "cd '$d' && CHOST='$chost' ./configure --static --prefix='$DEPS' &&
    make -j$JOBS libz.a && make install"
fi

if [ ! -f "$DEPS/lib/libbz2.a" ]; then
  log "bzip2"
  d=$(unpack 'bzip2_*.orig.tar.*')
  quiet bzip2 make -C "$d" -j"$JOBS" CC=zcc AR=zar RANLIB=zranlib \
    CFLAGS="$CFLAGS -D_FILE_OFFSET_BITS=64" libbz2.a
  mkdir -p "$DEPS/lib" "$DEPS/include"
  cp "$d/libbz2.a" "$DEPS/lib/" && cp "$d/bzlib.h" "$DEPS/include/"
fi

if [ ! -f "$DEPS/lib/liblzma.a" ]; then
  log "xz (liblzma)"
  d=$(unpack 'xz-utils_*.orig.tar.*')
  (cd "$d" && quiet xz ./configure "${host_flag[@]}" --prefix="$DEPS" --disable-shared \
    --enable-static --disable-xz --disable-xzdec --disable-lzmadec --disable-lzmainfo \
    --disable-lzma-links --disable-scripts --disable-doc --disable-nls &&
    quiet xz make -j"$JOBS" && quiet xz make install)
fi

if [ ! -f "$DEPS/lib/libffi.a" ]; then
  log "libffi"
  d=$(unpack 'libffi_*.orig.tar.*')
  # libffi 3.4.4 calls open_temp_exec_file before declaring it (an error for clang >= 16;
  # the implicit declaration has the right type)
  (cd "$d" && quiet libffi ./configure "${host_flag[@]}" --prefix="$DEPS" --libdir="$DEPS/lib" \
    --disable-shared --enable-static --with-pic --disable-docs --disable-multi-os-directory \
    CFLAGS="$CFLAGS -Wno-error=implicit-function-declaration" &&
    quiet libffi make -j"$JOBS" && quiet libffi make install)
fi

if [ ! -f "$DEPS/lib/libsqlite3.a" ]; then
  log "SQLite"
  d=$(unpack 'sqlite3_*.orig.tar.xz')
  # the amalgamation is generated with tclsh by the upstream Makefile, then compiled here
  (cd "$d" && CC=cc CFLAGS=-O2 quiet sqlite ./configure --disable-tcl && quiet sqlite make sqlite3.c)
  (cd "$d" && quiet sqlite zcc $CFLAGS -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS \
    -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_RTREE -DSQLITE_ENABLE_COLUMN_METADATA \
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_USE_URI=1 \
    -DSQLITE_SECURE_DELETE -DSQLITE_MAX_VARIABLE_NUMBER=250000 -DSQLITE_OMIT_LOAD_EXTENSION \
    -c sqlite3.c -o sqlite3.o && quiet sqlite zar rcs libsqlite3.a sqlite3.o)
  mkdir -p "$DEPS/lib" "$DEPS/include"
  cp "$d/libsqlite3.a" "$DEPS/lib/" && cp "$d/sqlite3.h" "$d/sqlite3ext.h" "$DEPS/include/"
fi

if [ ! -f "$INSTALLED/.complete" ]; then
  rm -rf "${INSTALLED:?}"/*
  log "CPython"
  d=$(unpack 'python3.11_*.orig.tar.*')
  tar xf "$(ls "$SRC"/python3.11_*.debian.tar.* | head -1)" -C "$d"
  # Debian's security and crash fixes only; its layout patches (multiarch, dist-packages) are
  # for the system python, not for a relocatable one
  for patch in $(grep -E '^(CVE-|000[0-9]-3\.11-|shutdown-deadlock|frame_dealloc-crash|relfile-nullptr)' \
    "$d/debian/patches/series"); do
    patch -d "$d" -p1 -s < "$d/debian/patches/$patch"
  done
  # Debian's CVE-2026-4224 fix makes pyexpat.c include an internal header; Debian builds the
  # module into the interpreter, here it is a shared module, which must say so (as 3.12 does)
  if grep -q '^#include "pycore_ceval.h"' "$d/Modules/pyexpat.c"; then
    sed -i '1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif' "$d/Modules/pyexpat.c"
  fi
  # zig cc cannot link a shared library from another one alone (libpython3.so, the stable-ABI
  # forwarder): give that link an empty object
  python3 - "$d/Makefile.pre.in" <<'PATCH'
import sys
path = sys.argv[1]
text = open(path).read()
old = "\t$(BLDSHARED) $(NO_AS_NEEDED) -o $@ -Wl,-h$@ $^\n"
new = ("\techo > Modules/_empty.c && $(CC) -c -fPIC Modules/_empty.c -o Modules/_empty.o\n"
       "\t$(BLDSHARED) $(NO_AS_NEEDED) -o $@ -Wl,-h$@ Modules/_empty.o $^\n")
assert old in text, "libpython3.so rule not found"
open(path, "w").write(text.replace(old, new))
PATCH
  # setup.py (the modules it still builds, _ctypes among them) adds this machine's
  # /usr/include/<multiarch> and /usr/local paths; zig has its own glibc headers for TARGET
  python3 - "$d/setup.py" <<'PATCH'
import sys
path = sys.argv[1]
text = open(path).read()
for old in ("        self.add_multiarch_paths()\n",
            "            add_dir_to_list(self.compiler.library_dirs, '/usr/local/lib')\n",
            "            add_dir_to_list(self.compiler.include_dirs, '/usr/local/include')\n"):
    assert old in text, old
    text = text.replace(old, old[: len(old) - len(old.lstrip())] + "pass\n")
open(path, "w").write(text)
PATCH
  cross=()
  if [ -n "${host_flag[*]}" ]; then
    cross=("${host_flag[@]}" --with-build-python="$BUILD_PYTHON"
      ac_cv_file__dev_ptmx=yes ac_cv_file__dev_ptc=no ac_cv_buggy_getaddrinfo=no
      READELF="$(command -v readelf)")  # binutils' readelf reads any ELF machine
  fi
  I="-I$DEPS/include"
  L="-L$DEPS/lib"
  # zig turns __DATE__/__TIME__ (getbuildinfo.c) into an error for reproducibility
  (cd "$d" && CFLAGS="$CFLAGS -Wno-error=date-time" quiet python ./configure --prefix="$PREFIX" --enable-shared --with-ensurepip=install \
    --without-static-libpython --with-system-ffi "${cross[@]}" \
    CPPFLAGS="$I" LDFLAGS="$L -Wl,-rpath,$PREFIX/lib" \
    LIBFFI_CFLAGS="$I" LIBFFI_LIBS="$L -lffi" \
    LIBSQLITE3_CFLAGS="$I" LIBSQLITE3_LIBS="$L -lsqlite3" \
    ZLIB_CFLAGS="$I" ZLIB_LIBS="$L -lz" BZIP2_CFLAGS="$I" BZIP2_LIBS="$L -lbz2" \
    LIBLZMA_CFLAGS="$I" LIBLZMA_LIBS="$L -llzma" \
    py_cv_module__tkinter=n/a py_cv_module__curses=n/a py_cv_module__curses_panel=n/a \
    py_cv_module_readline=n/a py_cv_module__dbm=n/a py_cv_module__gdbm=n/a \
    py_cv_module_nis=n/a py_cv_module__crypt=n/a py_cv_module__uuid=n/a \
    py_cv_module__ssl=n/a py_cv_module__hashlib=n/a)
  (cd "$d" && quiet python make -j"$JOBS" && quiet python make install DESTDIR="$INSTALL_ROOT")
  # the test suite is 30 MB of no use inside the bundle
  rm -rf "$INSTALLED/lib/python3.11/test"
  touch "$INSTALLED/.complete"
fi

log "checking the standard modules the program needs"
if [ "$arch" = "$native" ]; then
  "$PREFIX/bin/python3.11" -c '
import ctypes, sqlite3, lzma, bz2, zlib, pyexpat, decimal, json, hashlib
sqlite3.connect(":memory:").execute("create virtual table t using fts5(x)")
print("python", __import__("sys").version.split()[0], "sqlite", sqlite3.sqlite_version, "sha256 ok", hashlib.sha256(b"").hexdigest()[:8])
'
fi
