#!/usr/bin/env python3
"""Wall time and peak memory of `boardpack build` as the archive grows.

Builds synthetic sites of 4, 16 and 48 meetings from the example board: every example meeting
is copied into series 0, 1, 2, ... with its date moved on by the series number in years (folder
name, meeting.yaml `date:`, minutes' `records:` and action ids all move together, so each series
is a consistent year of four quarterly meetings). The figures stay those of the original date:
each copy gets the original's `data_date:`. With `--spread days` the copies move by days
instead, so every copy of a meeting lands in the same quarter and the quarterly archive packs
grow with the archive. Each site is built with `--jobs 2` and the table shows:

  wall s        elapsed time of the whole build (the search index included)
  cpu s         user + system time of boardpack and its children
  cores used    cpu s / wall s (2.0 would be both cores busy all the time)
  boardpack MB  peak resident memory of the boardpack process itself (VmHWM)
  all MB        peak resident memory of the largest process in the tree (ru_maxrss of wait4,
                which includes every process the build starts)

usage: bench/archive_memory.py [--boardpack PATH] [--source DIR] [--sizes 4,16,48] [--runs N]
                               [--jobs N] [--spread years|days] [--keep DIR]
                               [--audience members|public]
"""
import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--boardpack", default=os.path.join(REPO, "build", "boardpack"),
                        help="the boardpack binary (default: build/boardpack)")
    parser.add_argument("--source", default=REPO, help="the example site to copy")
    parser.add_argument("--sizes", default="4,16,48", help="archive sizes, in meetings")
    parser.add_argument("--runs", type=int, default=2, help="builds per size; the best is shown")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--audience", default="members", choices=["members", "public"])
    parser.add_argument("--spread", default="years", choices=["years", "days"],
                        help="how far apart the copies of a meeting are")
    parser.add_argument("--keep", help="leave the generated sites in this folder")
    return parser.parse_args()


def example_meetings(board_folder):
    return sorted(name for name in os.listdir(board_folder)
                  if DATE.fullmatch(name) and os.path.isdir(os.path.join(board_folder, name)))


def recorded_dates(board_folder, meetings):
    """Every date a meeting's files name as a meeting: the meetings themselves and `records:`."""
    dates = set(meetings)
    for meeting in meetings:
        folder = os.path.join(board_folder, meeting)
        for name in os.listdir(folder):
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8") as paper:
                    for match in re.finditer(r"^records:\s*(\S+)", paper.read(), re.M):
                        dates.add(match.group(1))
    return dates


def shifted(date_text, series, spread):
    date = datetime.date.fromisoformat(date_text)
    if spread == "days":
        return (date + datetime.timedelta(days=series)).isoformat()
    return date.replace(year=date.year + series).isoformat()


def default_data_date(meeting_date):
    """The last day of the month two months before the meeting's (formats.md)."""
    date = datetime.date.fromisoformat(meeting_date)
    return (date.replace(day=1) - datetime.timedelta(days=1)).replace(day=1) \
        - datetime.timedelta(days=1)


def copy_meeting(source, destination, meeting_dates, series, spread):
    """Copies a meeting folder, moving every meeting date its text files mention."""
    os.makedirs(destination)
    for name in sorted(os.listdir(source)):
        source_path = os.path.join(source, name)
        if not name.endswith((".md", ".yaml")):
            shutil.copy2(source_path, os.path.join(destination, name))
            continue
        with open(source_path, encoding="utf-8") as f:
            text = f.read()
        if name == "meeting.yaml" and not re.search(r"^data_date:", text, re.M):
            original = os.path.basename(source)
            text = "data_date: %s\n" % default_data_date(original).isoformat() + text
        text = DATE.sub(lambda m: shifted(m.group(0), series, spread)
                        if m.group(0) in meeting_dates else m.group(0), text)
        with open(os.path.join(destination, name), "w", encoding="utf-8") as f:
            f.write(text)


def make_site(source, destination, meeting_count, spread):
    content = os.path.join(source, "content")
    shutil.copy2(os.path.join(source, "site.yaml"), destination)
    if os.path.isdir(os.path.join(source, "assets", "logos")):
        shutil.copytree(os.path.join(source, "assets", "logos"),
                        os.path.join(destination, "assets", "logos"))
    for board in sorted(os.listdir(content)):
        board_folder = os.path.join(content, board)
        if not os.path.isdir(board_folder):
            continue
        meetings = example_meetings(board_folder)
        target = os.path.join(destination, "content", board)
        shutil.copytree(board_folder, target,
                        ignore=lambda folder, names: [n for n in names if n in meetings])
        dates = recorded_dates(board_folder, meetings)
        for index in range(meeting_count):
            series, meeting = divmod(index, len(meetings))
            new_date = shifted(meetings[meeting], series, spread)
            copy_meeting(os.path.join(board_folder, meetings[meeting]),
                         os.path.join(target, new_date), dates, series, spread)


def own_peak_kb(pid, peak, stop):
    """Follows VmHWM of the boardpack process until it exits."""
    path = "/proc/%d/status" % pid
    while not stop.is_set():
        try:
            with open(path) as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]))
        except OSError:
            return
        time.sleep(0.01)


def build(boardpack, site, out, jobs, audience):
    command = [boardpack, "build", "--source", site, "--out", out, "--jobs", str(jobs),
               "--audience", audience]
    log = tempfile.TemporaryFile()
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    peak, stop = [0], threading.Event()
    watcher = threading.Thread(target=own_peak_kb, args=(process.pid, peak, stop))
    watcher.start()
    # wait4 gives this child's own usage: its peak RSS counts only the process tree below it.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    stop.set()
    watcher.join()
    process.returncode = os.waitstatus_to_exitcode(status)  # already reaped by wait4
    log.seek(0)
    output = log.read().decode(errors="replace")
    if process.returncode != 0 or "error:" in output:
        sys.exit("boardpack build of %s failed:\n%s" % (site, output))
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "own_mb": peak[0] / 1024,
        "all_mb": usage.ru_maxrss / 1024,
        "summary": next((line for line in output.splitlines() if line.startswith("Built")), ""),
    }


def main():
    args = parse_args()
    if not os.access(args.boardpack, os.X_OK):
        sys.exit("no boardpack binary at %s (build it, or pass --boardpack)" % args.boardpack)
    sizes = [int(size) for size in args.sizes.split(",")]
    root = args.keep or tempfile.mkdtemp(prefix="boardpack-archive-")
    with open("/proc/loadavg") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    print("boardpack archive benchmark: --jobs %d, audience %s, copies %s apart, best of %d runs"
          % (args.jobs, args.audience, args.spread, args.runs))
    print("  machine: %d cores, load average %s at start" % (os.cpu_count(), load))
    print("  sites:   %s\n" % (root if args.keep else "in a temporary folder, removed at the end"))
    print("  %8s %8s %8s %7s %11s %13s %8s" % ("meetings", "pages", "wall s", "cpu s",
                                             "cores used", "boardpack MB", "all MB"))
    try:
        for size in sizes:
            report(args, root, size)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def report(args, root, size):
    site = os.path.join(root, "site-%d" % size)
    if os.path.exists(site):
        shutil.rmtree(site)
    os.makedirs(site)
    make_site(args.source, site, size, args.spread)
    results = [build(args.boardpack, site, os.path.join(root, "out-%d" % size),
                     args.jobs, args.audience) for _ in range(args.runs)]
    best = min(results, key=lambda result: result["wall"])
    pages = re.search(r"(\d+) pages", best["summary"])
    print("  %8d %8s %8.2f %7.2f %11.2f %13.1f %8.1f"
          % (size, pages.group(1) if pages else "?", best["wall"], best["cpu"],
             best["cpu"] / best["wall"], max(r["own_mb"] for r in results),
             max(r["all_mb"] for r in results)), flush=True)


if __name__ == "__main__":
    main()
