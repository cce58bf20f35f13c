# Shared helpers for the Linux build scripts (sourced, not run).

# fetch_debian_sources SUITE DEST PACKAGE... — download Debian source packages into DEST with a
# private apt state (the machine's own apt configuration is left untouched).
fetch_debian_sources() {
  local suite=$1 dest=$2
  shift 2
  local mirror apt
  mirror=$(python3 "$(dirname "${BASH_SOURCE[0]}")/apt_mirror.py") || return 1
  apt="$dest/.apt"
  mkdir -p "$apt/lists/partial" "$apt/archives/partial"
  echo "deb-src $mirror $suite main" > "$apt/sources.list"
  local opts=(-q -o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=-"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt" -o "APT::Sandbox::User=root")
  apt-get "${opts[@]}" update >/dev/null || return 1
  (cd "$dest" && apt-get "${opts[@]}" source --download-only "$@" >/dev/null) || return 1
}

# zig_path PYTHON — the zig binary of the ziglang package installed for PYTHON
zig_path() {
  "$1" -c 'import os, ziglang; print(os.path.join(os.path.dirname(ziglang.__file__), "zig"))'
}

# make_zig_wrappers ZIG TARGET BINDIR — cc/ar/ranlib wrappers that compile for TARGET
# (e.g. x86_64-linux-gnu.2.28: zig links against that glibc's symbol versions).
make_zig_wrappers() {
  local zig=$1 target=$2 bin=$3
  mkdir -p "$bin"
  # zig's linker driver knows -soname but not its short form -h (CPython's Makefile uses it)
  cat > "$bin/zcc" <<WRAPPER
#!/bin/sh
for a do
  shift
  case \$a in
    -Wl,-hash*) ;;
    -Wl,-h*) a="-Wl,-soname,\${a#-Wl,-h}" ;;
  esac
  set -- "\$@" "\$a"
done
exec "$zig" cc -target $target "\$@"
WRAPPER
  printf '#!/bin/sh\nexec "%s" ar "$@"\n' "$zig" > "$bin/zar"
  printf '#!/bin/sh\nexec "%s" ranlib "$@"\n' "$zig" > "$bin/zranlib"
  chmod +x "$bin/zcc" "$bin/zar" "$bin/zranlib"
}

# enable_binfmt ARCH — let this machine run ARCH programs through qemu-user-static (binfmt_misc,
# with the F flag so that they also run inside a chroot). Needs root and qemu-user-static.
enable_binfmt() {
  local arch=$1 conf=/usr/lib/binfmt.d/qemu-$1.conf
  [ "$arch" != "$(uname -m)" ] || return 0
  [ -f "$conf" ] || { echo "缺少 qemu-user-static（apt-get install qemu-user-static）"; return 1; }
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e "/proc/sys/fs/binfmt_misc/qemu-$arch" ] || cat "$conf" > /proc/sys/fs/binfmt_misc/register
}

# make_rootfs DEB_ARCH DIR PACKAGES — a Debian 11 (bullseye) minbase root filesystem in DIR with
# PACKAGES (comma-separated), for DEB_ARCH (amd64, arm64; another than this machine's runs under
# qemu). Kept between runs: DIR/.complete marks a finished one.
make_rootfs() {
  local arch=$1 dir=$2 packages=$3 mirror log
  [ -f "$dir/.complete" ] && return 0
  mirror=$(python3 "$(dirname "${BASH_SOURCE[0]}")/apt_mirror.py") || return 1
  log="$(dirname "$dir")/debootstrap-$arch.log"
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  if [ "$arch" = "$(dpkg --print-architecture)" ]; then
    debootstrap --variant=minbase --arch="$arch" --include="$packages" bullseye "$dir" "$mirror" \
      >"$log" 2>&1 || { tail -20 "$log"; return 1; }
  else
    debootstrap --variant=minbase --arch="$arch" --foreign --include="$packages" bullseye "$dir" \
      "$mirror" >"$log" 2>&1 || { tail -20 "$log"; return 1; }
    chroot "$dir" /debootstrap/debootstrap --second-stage >>"$log" 2>&1 || { tail -20 "$log"; return 1; }
  fi
  touch "$dir/.complete"
}
