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
