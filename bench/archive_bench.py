#!/usr/bin/env python3
"""A whole archive built by boardpack and by Hugo, side by side: CPU, wall time, peak memory.

The corpus comes from bench/gen_corpus.py: the same papers written as a Hugo site and as a
boardpack site (20 boards x 40 meetings x 8 papers = 6,400 papers by default). Each run builds
both, one after the other into fresh output folders, and the order alternates from run to run
(boardpack first, then Hugo first, ...) so that a change in the machine's load falls on both.
Ratios are taken pair by pair (boardpack run i against Hugo run i) and the table gives medians.

  cpu s       user + system time of the build and every process it started and waited for
              (getrusage(RUSAGE_CHILDREN) before and after, so threads and children count)
  wall s      elapsed time from start to exit
  cores       cpu s / wall s (2.0 = both cores of a 2-core machine busy throughout)
  tree MiB    peak of the summed resident memory (VmRSS) of the build process and all its
              descendants, sampled every --sample-ms milliseconds from /proc; a spike shorter
              than the interval can be missed
  largest MiB ru_maxrss of the largest single process in the tree (exact, from the kernel)

--compare BINARY adds a second boardpack (for example one built from an older commit) to every
run, so a change can be measured before and after in the same run, on the same load.

usage: bench/archive_bench.py [--corpus DIR | --size BOARDS,MEETINGS,PAPERS] [--runs N]
                              [--boardpack PATH] [--compare PATH] [--hugo PATH|none]
                              [--jobs N] [--audience members|public] [--keep DIR]
                              [--boardpack-args "..."] [--compare-args "..."] [--with-cache]
"""
import argparse
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="a folder written by gen_corpus.py (holding hugo/ and "
                        "boardpack/); by default one is generated in a temporary folder")
    parser.add_argument("--size", default="20,40,8",
                        help="boards,meetings,papers of the generated corpus (default 20,40,8)")
    parser.add_argument("--runs", type=int, default=3, help="paired runs (default 3)")
    parser.add_argument("--boardpack", default=os.path.join(REPO, "build", "boardpack"))
    parser.add_argument("--boardpack-args", default="", help="extra arguments for the build")
    parser.add_argument("--compare", help="a second boardpack binary, run in the same pairs")
    parser.add_argument("--compare-args", default=None,
                        help="extra arguments for --compare (default: those of --boardpack)")
    parser.add_argument("--hugo", default=shutil.which("hugo") or "none",
                        help="the hugo binary, or 'none' (default: hugo on PATH)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--audience", default="members", choices=["members", "public"])
    parser.add_argument("--sample-ms", type=float, default=20)
    parser.add_argument("--with-cache", action="store_true",
                        help="let boardpack use its build cache (by default every run builds "
                             "everything, with --no-cache)")
    parser.add_argument("--keep", help="generate the corpus into, and build into, this folder")
    return parser.parse_args()


def descendants(root):
    """The pids of `root` and everything below it, from /proc/<pid>/task/*/children."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    todo.extend(int(child) for child in children.read().split())
        except OSError:
            pass  # exited between the listing and the read
    return found


def resident_kib(pid):
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_KIB
    except (OSError, IndexError, ValueError):
        return 0


class TreeMemory(threading.Thread):
    """Follows the summed resident memory of a process tree until told to stop."""

    def __init__(self, pid, interval):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kib = pid, interval, 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            total = sum(resident_kib(pid) for pid in descendants(self.pid))
            self.peak_kib = max(self.peak_kib, total)
            self.done.wait(self.interval)


def measure(command, log_path, interval):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        sampler = TreeMemory(process.pid, interval)
        sampler.start()
        # wait4 reaps the child and gives its rusage; its maxrss is that of the largest process.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.monotonic() - started
        sampler.done.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode != 0:
        with open(log_path) as log:
            sys.exit(f"{command[0]} failed ({process.returncode}):\n{log.read()[-4000:]}")
    return {"cpu": cpu, "wall": wall, "tree": sampler.peak_kib / 1024,
            "largest": usage.ru_maxrss / 1024}


def corpus_folder(args, work):
    if args.corpus:
        return args.corpus
    boards, meetings, papers = (int(n) for n in args.size.split(","))
    folder = os.path.join(work, f"corpus-{boards}x{meetings}x{papers}")
    if not os.path.isdir(os.path.join(folder, "boardpack")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), folder,
                        str(boards), str(meetings), str(papers)], check=True,
                       stdout=subprocess.DEVNULL)
    return folder


def count_papers(site):
    return sum(1 for _, _, files in os.walk(os.path.join(site, "content"))
               for name in files if name.endswith(".md"))


def tools(args, corpus, work):
    """(label, command builder) for every tool in a run; each builds into a fresh folder."""
    found = []

    # Every run is a whole build: the build cache beside the corpus's site.yaml would
    # otherwise serve the second run from the first's work.
    cache = [] if args.with_cache else ["--no-cache"]

    def boardpack(binary, extra):
        return lambda out: [binary, "build", "--source", os.path.join(corpus, "boardpack"),
                            "--out", out, "--jobs", str(args.jobs), "--audience",
                            args.audience] + cache + shlex.split(extra)

    found.append(("boardpack", boardpack(args.boardpack, args.boardpack_args)))
    if args.compare:
        extra = args.boardpack_args if args.compare_args is None else args.compare_args
        found.append(("compare", boardpack(args.compare, extra)))
    if args.hugo != "none":
        found.append(("hugo", lambda out: [args.hugo, "--quiet", "--source",
                                           os.path.join(corpus, "hugo"), "--destination", out]))
    return found


def load_average():
    with open("/proc/loadavg") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def main():
    args = parse_args()
    if not os.access(args.boardpack, os.X_OK):
        sys.exit(f"no boardpack binary at {args.boardpack} (cmake --build build --target "
                 "boardpack, or pass --boardpack)")
    work = args.keep or tempfile.mkdtemp(prefix="boardpack-bench-")
    os.makedirs(work, exist_ok=True)
    corpus = corpus_folder(args, work)
    papers = count_papers(os.path.join(corpus, "boardpack"))
    runners = tools(args, corpus, work)
    print(f"boardpack archive benchmark: {papers} papers in {corpus}")
    print(f"  machine: {os.cpu_count()} cores, load average {load_average()} at start; "
          f"boardpack --jobs {args.jobs} --audience {args.audience}"
          f"{'' if args.with_cache else ' --no-cache'} {args.boardpack_args}")
    results = {label: [] for label, _ in runners}
    for run in range(args.runs):
        order = runners if run % 2 == 0 else list(reversed(runners))
        for label, command in order:
            out = os.path.join(work, f"out-{label}")
            shutil.rmtree(out, ignore_errors=True)
            results[label].append(measure(command(out), os.path.join(work, f"{label}.log"),
                                          args.sample_ms / 1000))
            shutil.rmtree(out, ignore_errors=True)
        row = "  ".join(f"{label} {results[label][-1]['cpu']:.2f}s cpu "
                        f"{results[label][-1]['wall']:.2f}s wall" for label, _ in runners)
        print(f"  run {run + 1}/{args.runs}: {row}", flush=True)
    print(f"  load average {load_average()} at end\n")
    print(f"  {'build':<12}{'runs':>5}{'cpu s':>9}{'wall s':>9}{'cores':>7}"
          f"{'tree MiB':>10}{'largest MiB':>13}{'cpu ms/paper':>14}")
    for label, _ in runners:
        rows = results[label]
        cpu = statistics.median(r["cpu"] for r in rows)
        wall = statistics.median(r["wall"] for r in rows)
        cores = statistics.median(r["cpu"] / r["wall"] for r in rows)
        tree = statistics.median(r["tree"] for r in rows)
        largest = statistics.median(r["largest"] for r in rows)
        print(f"  {label:<12}{len(rows):>5}{cpu:>9.2f}{wall:>9.2f}{cores:>7.2f}"
              f"{tree:>10.1f}{largest:>13.1f}{1000 * cpu / papers:>14.2f}")
    print()
    for label, _ in runners:
        for other, _ in runners:
            if label == other or (label == "hugo") or (other != "hugo" and label != "boardpack"):
                continue
            pairs = list(zip(results[label], results[other]))
            ratio = {key: statistics.median(a[key] / b[key] for a, b in pairs)
                     for key in ("cpu", "wall", "tree")}
            print(f"  {label} / {other}, median of paired ratios: cpu x{ratio['cpu']:.2f}, "
                  f"wall x{ratio['wall']:.2f}, tree memory x{ratio['tree']:.2f}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
