#!/usr/bin/env python3
"""Every unit test case must reach ctest under its own name.

ctest learns the doctest cases by listing them, and CMake splits that list at semicolons: a
case named "a; b" is registered as "a", which matches no case, so it would pass without
running. Two cases of one stage with the same name would run as one. Both are refused here.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
case = re.compile(r'TEST_CASE\(\s*"((?:[^"\\]|\\.)*)"')
passed = failed = 0
for stage in sorted(p for p in (root / "tests" / "unit").iterdir() if p.is_dir()):
    seen = {}
    for source in sorted(stage.glob("*.cpp")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            for name in case.findall(line):
                where = f"{source.relative_to(root)}:{number}"
                problem = None
                if ";" in name:
                    problem = "has a ';', which ctest cuts the name at (use ',' or ':')"
                elif name in seen:
                    problem = f"has the same name as the case at {seen[name]}"
                seen.setdefault(name, where)
                if problem:
                    failed += 1
                    print(f"{where}: error: test case \"{name}\" {problem}")
                else:
                    passed += 1
print(f"test names: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
