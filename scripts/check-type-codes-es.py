#!/usr/bin/env python3
"""Checks assets/reference/fellowship-type-codes.es.json against its sources.

- Every fellowship and every meeting type code in fellowship-type-codes.json has a Spanish name
  (a non-empty string), and the Spanish file holds nothing else.
- A code may carry the Meeting Guide's Spanish name (meeting-guide-types.json) only when that
  fellowship's English name for the code is the Meeting Guide's English name for the same code
  (compared case-insensitively after trimming). Otherwise the Spanish name must translate the
  fellowship's own meaning: Al-Anon's POA is "Parents of Alcoholics", not AA's "Proof of
  Attendance". Spanish names are compared the same way, so a change of case does not hide a reuse.

Prints every mismatch and exits 1 if there is any; prints a summary and exits 0 otherwise.
Usage: scripts/check-type-codes-es.py [REFERENCE_DIR]   (default: assets/reference)
"""

import json
import sys
from pathlib import Path


def norm(text: str) -> str:
    return text.strip().casefold()


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "assets" / "reference"
    english = json.loads((ref / "fellowship-type-codes.json").read_text(encoding="utf-8"))
    spanish = json.loads((ref / "fellowship-type-codes.es.json").read_text(encoding="utf-8"))
    guide = json.loads((ref / "meeting-guide-types.json").read_text(encoding="utf-8"))

    problems: list[str] = []
    reused = translated = 0
    for fid, table in english.items():
        es_table = spanish.get(fid)
        if not isinstance(es_table, dict):
            problems.append(f"{fid}: fellowship missing from the Spanish file")
            continue
        for code, en_name in table["types"].items():
            es_name = es_table.get(code)
            if not isinstance(es_name, str) or not es_name.strip():
                problems.append(f"{fid} {code} ({en_name!r}): no Spanish name")
                continue
            mg = guide.get(code)
            if mg and mg.get("es") and norm(es_name) == norm(mg["es"]):
                if norm(en_name) != norm(mg["en"]):
                    problems.append(
                        f"{fid} {code}: Spanish {es_name!r} is the Meeting Guide's name for {mg['en']!r}, "
                        f"but this fellowship's {code} means {en_name!r}"
                    )
                else:
                    reused += 1
            else:
                translated += 1
        for code in es_table.keys() - table["types"].keys():
            problems.append(f"{fid} {code}: code not in fellowship-type-codes.json")
    for fid in spanish.keys() - english.keys():
        problems.append(f"{fid}: fellowship not in fellowship-type-codes.json")

    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    total = sum(len(t["types"]) for t in english.values())
    print(
        f"OK: {len(english)} fellowships, {total} codes; "
        f"{reused} use the Meeting Guide's Spanish name, {translated} have their own translation"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
