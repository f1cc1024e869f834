#!/usr/bin/env python3
"""Scores the CLI on the shared seed corpus and fails below the floors.

usage: seed_score.py REPORTEX SHARED_DIR FLOORS_JSON [CORPUS_DIR]

CORPUS_DIR (default SHARED_DIR/corpus/seeds) holds the *.txt reports and
their *.gold.json.

Prints score.py's table. Exits 77 (ctest: skipped) when SHARED_DIR is absent,
1 when any F1 or attribute agreement is below its floor in FLOORS_JSON.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    cli, shared, floors_path = sys.argv[1:4]
    seeds = sys.argv[4] if len(sys.argv) > 4 else os.path.join(shared, "corpus", "seeds")
    score = os.path.join(shared, "eval", "score.py")
    if not os.path.isdir(seeds) or not os.path.isfile(score):
        print(f"skipped: no seed corpus at {seeds}")
        return 77
    texts = sorted(os.path.join(seeds, f) for f in os.listdir(seeds) if f.endswith(".txt"))
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as out:
        subprocess.run([cli, "extract", "--format", "jsonl", *texts], stdout=out, check=True)
        pred = out.name
    try:
        table = subprocess.run([sys.executable, score, "--gold", seeds, "--pred", pred],
                               capture_output=True, text=True, check=True).stdout
        print(table)
        result = json.loads(subprocess.run([sys.executable, score, "--gold", seeds, "--pred", pred, "--json"],
                                           capture_output=True, text=True, check=True).stdout)
    finally:
        os.unlink(pred)
    with open(floors_path, encoding="utf-8") as fh:
        floors = json.load(fh)
    failures = []
    for kind, floor in floors.get("f1", {}).items():
        got = result["types"][kind]["f1"]
        if got < floor:
            failures.append(f"F1 of {kind} is {got:.3f}, below the floor {floor}")
    for attr, floor in floors.get("attributes", {}).items():
        got = result["attributes"].get(attr)
        if got is None or got < floor:
            failures.append(f"agreement on {attr} is {got}, below the floor {floor}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
