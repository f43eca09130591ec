#!/bin/sh
# autogen.sh -- prepare a fresh checkout for ./configure.
#
# On Debian/Ubuntu it first installs the build and test dependencies that are
# missing: with apt-get when run as root (or through sudo when available),
# otherwise it prints the exact command to run.  Then it runs autoreconf.
set -eu
cd "$(dirname "$0")"

PKGS="gcc make autoconf automake pkg-config libncurses-dev libsqlite3-dev \
libyaml-dev check tmux sqlite3 libxlsxwriter-dev libsodium-dev"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
	for p in $PKGS; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
			missing="$missing $p"
		fi
	done
fi
if [ -n "$missing" ]; then
	sudo=""
	[ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo"; }
	if { [ "$(id -u)" = 0 ] || [ -n "$sudo" ]; } && command -v apt-get >/dev/null 2>&1; then
		echo "autogen.sh: 安装缺少的依赖：$missing"
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
		# shellcheck disable=SC2086
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
	else
		echo "autogen.sh: 缺少依赖，请先运行：" >&2
		echo "  sudo apt-get install -y$missing" >&2
		exit 1
	fi
fi

autoreconf --install --force
echo "autogen.sh: 完成。接下来运行 ./configure && make"
