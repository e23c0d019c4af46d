#!/usr/bin/env bash
# Start-up benchmark of the desktop app: the time from launching the built app to a usable archive
# screen, over several runs, each with a fresh HOME (first start: the store is created and the demo
# issue written) followed by a second start on that HOME (warm). The page tells the shell when the
# archive is usable (command `app_ready`), which prints `bulletin-app: ready <ms> ms` on stderr;
# the wall time is measured here from the launch to that line. Runs under its own Xvfb.
#
#   bash scripts/bench-cold-start.sh            # the release build target/release/bulletin-app
#   RUNS=10 BULLETIN_APP=path/to/app bash scripts/bench-cold-start.sh
#
# Without a release build it builds one (scripts/build-deb.sh, several minutes). Target: ≤ 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
app="${BULLETIN_APP:-target/release/bulletin-app}"
if [ ! -x "$app" ]; then
  bash scripts/build-deb.sh >&2
fi
exec python3 - "$app" "${RUNS:-5}" <<'PY'
import os, re, shutil, signal, statistics, subprocess, sys, tempfile, time

app, runs = os.path.abspath(sys.argv[1]), int(sys.argv[2])
tmp = tempfile.mkdtemp(prefix="bench-start-")
display_file = os.path.join(tmp, "display")
with open(display_file, "w") as fd:
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(fd.fileno()), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        pass_fds=(fd.fileno(),), stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.getsize(display_file) > 0:
            break
        time.sleep(0.1)
display = ":" + open(display_file).read().strip()
READY = re.compile(rb"bulletin-app: ready (\d+) ms")


def start(home):
    """Launches the app, returns (wall ms to the ready line, ms the app counted in-process)."""
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "DISPLAY": display, "LANG": "C.UTF-8",
           "WEBKIT_DISABLE_COMPOSITING_MODE": "1"}
    if "BULLETIN_FONTS" in os.environ:
        env["BULLETIN_FONTS"] = os.environ["BULLETIN_FONTS"]
    t0 = time.perf_counter()
    proc = subprocess.Popen([app], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = t0 + 30
        for line in proc.stderr:
            m = READY.search(line)
            if m:
                return (time.perf_counter() - t0) * 1000, int(m.group(1))
            if time.perf_counter() > deadline:
                break
        raise SystemExit(f"no ready mark from {app} (exit {proc.poll()})")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


first, warm = [], []
try:
    for i in range(runs):
        home = tempfile.mkdtemp(dir=tmp)
        first.append(start(home))
        warm.append(start(home))
        print(f"run {i + 1}: first start {first[-1][0]:.0f} ms (in-process {first[-1][1]} ms), "
              f"second start {warm[-1][0]:.0f} ms (in-process {warm[-1][1]} ms)", flush=True)
finally:
    xvfb.terminate()
    xvfb.wait()
    shutil.rmtree(tmp, ignore_errors=True)


def summary(name, rows):
    wall = [r[0] for r in rows]
    inproc = [r[1] for r in rows]
    print(f"{name}: launch → usable archive median {statistics.median(wall):.0f} ms "
          f"(min {min(wall):.0f}, max {max(wall):.0f}); in-process median "
          f"{statistics.median(inproc):.0f} ms")


print(f"{app}, {runs} runs, load average {os.getloadavg()[0]:.1f}")
summary("first start (fresh HOME, store + demo issue created)", first)
summary("second start (same HOME)", warm)
PY
