"""Checks that every source file under src/ includes only headers of its own stage and of the
stages the README's "How it is built" table lets it use, and that each stage's CMake library
links no other stage. The table is the one statement of the allowed arrows; change it there
when the design changes.

Usage: stage_boundaries.py REPO_ROOT
Prints one line per violation and a summary "N passed, M failed" (one check per source file,
one per stage's CMakeLists.txt, plus the checker's own self-test on a small made-up tree)."""
import pathlib
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*"([a-z_]+)/[^"]+"', re.MULTILINE)
ROW = re.compile(r"^([a-z]+)\s*(?:->\s*([a-z]+(?:\s*,\s*[a-z]+)*))?(?:\s{2,}|\s*$)")


def allowed_arrows(readme_text):
    """{stage: set of stages it may include}, from the code block under "How it is built"."""
    section = readme_text.split("## How it is built", 1)
    if len(section) < 2:
        raise SystemExit("README.md has no 'How it is built' section")
    block = section[1].split("```", 2)
    if len(block) < 3:
        raise SystemExit("README.md's 'How it is built' section has no table of stages")
    arrows = {}
    for line in block[1].strip("\n").splitlines():
        match = ROW.match(line)
        if not match:
            raise SystemExit(f"README.md: cannot read the stage line {line!r}")
        stage, targets = match.group(1), match.group(2) or ""
        arrows[stage] = {t.strip() for t in targets.split(",") if t.strip()}
    return arrows


def violations(root, arrows):
    """(files checked, [messages]) for every .cpp/.hpp under root/src/<stage>/."""
    checked, problems = 0, []
    src = root / "src"
    for stage_dir in sorted(p for p in src.iterdir() if p.is_dir()):
        stage = stage_dir.name
        if stage not in arrows:
            problems.append(f"src/{stage}: a stage missing from README.md's table")
            continue
        for path in sorted(stage_dir.rglob("*")):
            if path.suffix not in (".cpp", ".hpp"):
                continue
            checked += 1
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in INCLUDE.finditer(text):
                used = match.group(1)
                if used == stage or used in arrows[stage]:
                    continue
                line = text.count("\n", 0, match.start()) + 1
                rel = path.relative_to(root)
                if used not in arrows:
                    continue  # not a stage (e.g. a third-party folder): not ours to police
                problems.append(f"{rel}:{line}: error: stage '{stage}' may not include "
                                f"'{used}/' (README.md allows: "
                                f"{', '.join(sorted(arrows[stage])) or 'nothing'})")
    return checked, problems


LINKED_STAGE = re.compile(r"\bbp_([a-z]+)\b")


def link_violations(root, arrows):
    """(stages checked, [messages]) for the bp_<stage> targets each src/<stage>/CMakeLists.txt
    links."""
    checked, problems = 0, []
    for stage in sorted(arrows):
        cmake = root / "src" / stage / "CMakeLists.txt"
        if not cmake.exists():
            continue
        checked += 1
        text = cmake.read_text(encoding="utf-8")
        for match in LINKED_STAGE.finditer(text):
            used = match.group(1)
            if used == stage or used not in arrows or used in arrows[stage]:
                continue
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"src/{stage}/CMakeLists.txt:{line}: error: stage '{stage}' may "
                            f"not link bp_{used} (README.md allows: "
                            f"{', '.join(sorted(arrows[stage])) or 'nothing'})")
    return checked, problems


def self_test():
    """The checker must catch a forbidden include and pass an allowed one."""
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        for stage, text in {"core": '#include "core/a.hpp"\n',
                            "data": '#include "core/a.hpp"\n#include "site/b.hpp"\n',
                            "site": '#include "data/c.hpp"\n'}.items():
            (root / "src" / stage).mkdir(parents=True)
            (root / "src" / stage / "x.cpp").write_text(text)
        arrows = allowed_arrows("## How it is built\n\n```\nsite -> data, core   html\n"
                                "data -> core        data\ncore\n```\n")
        (root / "src" / "data" / "CMakeLists.txt").write_text(
            "boardpack_library(data PUBLIC bp_core PRIVATE bp_site)\n")
        checked, problems = violations(root, arrows)
        linked, link_problems = link_violations(root, arrows)
        return (checked == 3 and len(problems) == 1 and "src/data/x.cpp:2" in problems[0]
                and linked == 1 and len(link_problems) == 1 and "bp_site" in link_problems[0]
                and arrows == {"site": {"data", "core"}, "data": {"core"}, "core": set()})


def main():
    root = pathlib.Path(sys.argv[1])
    arrows = allowed_arrows((root / "README.md").read_text(encoding="utf-8"))
    checked, problems = violations(root, arrows)
    linked, link_problems = link_violations(root, arrows)
    checked += linked
    problems += link_problems
    passed_self_test = self_test()
    if not passed_self_test:
        print("FAIL: the checker's self-test did not catch a forbidden include", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    bad_files = len({p.split(":", 1)[0] for p in problems})
    passed = checked - bad_files + (1 if passed_self_test else 0)
    failed = bad_files + (0 if passed_self_test else 1)
    print(f"stage_boundaries: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
