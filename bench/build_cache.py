#!/usr/bin/env python3
"""Times boardpack's build cache against a clean build of the same site.

Usage: build_cache.py --boardpack BIN --source SITE [--runs N] [--jobs N] [--paper PATH]
                      [--edit end|middle]

The site is copied to a temporary folder first (one paper is edited: a sentence added at its
end, or with --edit middle at its middle line, which moves every later word of the paper and so
changes more of the search index's postings). Every build is its own
boardpack process; CPU is user + system time from wait4, wall is elapsed time; each row is the
median of --runs builds. Rows:
  clean             build --no-cache into a new folder
  first, cache      build into a new folder with an empty cache (fills it)
  no change         build again into the same folder: the output is found up to date
  no change, new    build into a new folder: every pack from the cache, pages rendered
  one paper         one paper edited, build into the same folder
  one paper, next   the same paper edited again, build into the same folder: the steady state
                    of an edit loop, the build starting from the previous build kept beside it
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def run(command, env):
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    errors = process.stderr.read().decode()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"boardpack failed: {' '.join(command)}\n{errors}")
    return usage.ru_utime + usage.ru_stime, wall


def first_paper(site):
    for root, _, files in sorted(os.walk(os.path.join(site, "content"))):
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("01"):
                return os.path.relpath(os.path.join(root, name), site)
    raise SystemExit("no paper found")


def add_sentence(paper, sentence, where):
    with open(paper, encoding="utf-8") as text:
        lines = text.read().split("\n")
    at = len(lines) if where == "end" else len(lines) // 2
    lines[at:at] = ["", sentence, ""]
    with open(paper, "w", encoding="utf-8") as text:
        text.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boardpack", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--paper", help="the paper to edit, relative to the site")
    parser.add_argument("--edit", choices=["end", "middle"], default="end",
                        help="where the sentence goes in the paper (default: its end)")
    args = parser.parse_args()
    binary = os.path.abspath(args.boardpack)
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1500000000"))
    with tempfile.TemporaryDirectory(prefix="boardpack-cache-bench-") as work:
        site = os.path.join(work, "site")
        shutil.copytree(args.source, site, ignore=shutil.ignore_patterns(".boardpack-cache", "public"))
        paper = os.path.join(site, args.paper or first_paper(site))
        cache = os.path.join(work, "cache")
        build = [binary, "build", "--source", site, "--jobs", str(args.jobs)]
        rows = {name: [] for name in ("clean", "first, cache", "no change", "no change, new", "one paper", "one paper, next")}
        for run_number in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            out = os.path.join(work, f"out-{run_number}")
            rows["clean"].append(run(build + ["--no-cache", "--out", os.path.join(work, f"clean-{run_number}")], env))
            rows["first, cache"].append(run(build + ["--cache", cache, "--out", out], env))
            rows["no change"].append(run(build + ["--cache", cache, "--out", out], env))
            rows["no change, new"].append(run(build + ["--cache", cache, "--out", os.path.join(work, f"new-{run_number}")], env))
            add_sentence(paper, f"A sentence added for timing run {run_number}.", args.edit)
            rows["one paper"].append(run(build + ["--cache", cache, "--out", out], env))
            add_sentence(paper, f"Another sentence for timing run {run_number}.", args.edit)
            rows["one paper, next"].append(run(build + ["--cache", cache, "--out", out], env))
        clean_cpu = statistics.median(cpu for cpu, _ in rows["clean"])
        print(f"site: {args.source}  edited paper: {os.path.relpath(paper, site)} (at its {args.edit})  --jobs {args.jobs}, median of {args.runs}")
        print(f"  machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"  {'build':<16} {'cpu s':>8} {'wall s':>8} {'cpu % of clean':>15}")
        for name, samples in rows.items():
            cpu = statistics.median(c for c, _ in samples)
            wall = statistics.median(w for _, w in samples)
            print(f"  {name:<16} {cpu:>8.2f} {wall:>8.2f} {100 * cpu / clean_cpu:>14.1f}%")


if __name__ == "__main__":
    main()
