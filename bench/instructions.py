#!/usr/bin/env python3
"""Counts the instructions a boardpack build executes, for one binary or two side by side.

Usage: instructions.py --boardpack BIN [--compare BIN] [--source SITE] [--audience A]
                       [--paper PATH] [--keep DIR]

On a shared machine CPU time swings by a fifth from one run of the same build to the next, so
a change of a few per cent cannot be told from the noise in any number of timed runs. The count
of instructions executed (valgrind's callgrind, its "Collected" figure: every thread's) is the
same from run to run and does not depend on the load, so two binaries can be compared in one
run each, side by side on two cores. It is not time: code whose speed comes from wide
instructions valgrind does not model (OpenSSL's SHA-256 uses the processor's SHA extension)
counts for more than it costs, so a change should be timed as well (archive_bench.py,
--compare), and a count taken for what it is.

Without --paper: a clean build (--no-cache, --jobs 1) of SITE into a new folder. With --paper
(a path under SITE, say content/csp/2017-12-12/08-chairs-report.md): the site is copied for
each binary, built twice with the cache (the second after a sentence added to the paper, so
the kept build beside the output is that binary's own), and the count is of a third build
after another sentence: the rebuild a writer waits for in an edit loop. valgrind runs the
builds at about a fiftieth of their speed: a 640-paper site takes a few minutes, and a
one-paper rebuild of 6,400 papers about one (its warm-up builds run at full speed).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

COLLECTED = re.compile(r"Collected : (\d+)")


def build(binary, site, out, extra, env, counted):
    command = [binary, "build", "--source", site, "--out", out, "--jobs", "1"] + extra
    if counted:
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out + ".callgrind"] + command
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            text=True)
    if result.returncode != 0:
        raise SystemExit(f"the build failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    if not counted:
        return None
    os.remove(out + ".callgrind")
    found = COLLECTED.search(result.stderr)
    if not found:
        raise SystemExit(f"valgrind gave no count: {' '.join(command)}\n{result.stderr[-2000:]}")
    return int(found.group(1))


def add_sentence(paper, words):
    with open(paper, "a", encoding="utf-8") as text:
        text.write(f"\n\n{words}, added for the count at {time.time_ns()}.\n")


def count(binary, source, work, name, args, env):
    extra = ["--audience", args.audience]
    if not args.paper:
        return build(binary, source, os.path.join(work, name), extra + ["--no-cache"], env, True)
    site = os.path.join(work, name + "-site")
    # The outputs and caches left in the site are not its sources; nor, for this repository's
    # example, are its build, its tests' tools and its history.
    leave_out = shutil.ignore_patterns(".boardpack-cache", "public", ".public*", ".git", "build",
                                       "node_modules")
    shutil.copytree(source, site, symlinks=True, ignore=leave_out)
    out = os.path.join(site, "public")
    paper = os.path.join(site, args.paper)
    if not os.path.isfile(paper):
        raise SystemExit(f"no paper at {args.paper} in {source}")
    build(binary, site, out, extra, env, False)
    add_sentence(paper, "A first sentence")
    build(binary, site, out, extra, env, False)
    add_sentence(paper, "A second sentence")
    # A file changed within the last two seconds is read again whatever its times say
    # (core/digest.hpp): wait, so the count is of the rebuild a writer sees.
    time.sleep(2.5)
    return build(binary, site, out, extra, env, True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boardpack", required=True)
    parser.add_argument("--compare", help="a second binary, counted beside the first")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--source", default=os.path.dirname(here),
                        help="the site (default: this repository's example)")
    parser.add_argument("--audience", default="members")
    parser.add_argument("--paper", help="count a one-paper rebuild, this paper edited")
    parser.add_argument("--keep", help="a folder for the outputs (default: a temporary one)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (Debian package valgrind)")
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1500000000"))
    work = args.keep or tempfile.mkdtemp(prefix="boardpack-instructions-")
    os.makedirs(work, exist_ok=True)
    binaries = [("boardpack", args.boardpack)] + ([("compare", args.compare)] if args.compare else [])
    counts, failures = {}, []

    def run(name, binary):
        try:
            counts[name] = count(os.path.abspath(binary), os.path.abspath(args.source), work, name,
                                 args, env)
        except SystemExit as failure:
            failures.append(str(failure))

    threads = [threading.Thread(target=run, args=binary) for binary in binaries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        raise SystemExit("\n".join(failures))
    what = f"one-paper rebuild ({args.paper})" if args.paper else "clean build, --no-cache"
    print(f"instructions executed: {args.source}, {what}, --jobs 1, --audience {args.audience}")
    for name, binary in binaries:
        print(f"  {name:<10} {counts[name] / 1e9:10.3f} G   {binary}")
    if args.compare:
        print(f"  boardpack / compare: x{counts['boardpack'] / counts['compare']:.4f}")


if __name__ == "__main__":
    sys.exit(main())
