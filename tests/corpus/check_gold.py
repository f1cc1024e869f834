#!/usr/bin/env python3
"""Sanity check for the gold files of a held-out set (check_gold.py DIR, e.g.
tests/corpus/heldout3): valid JSON, seed top-level keys, doc == text file
name, every record's text found in the report once white space is removed,
and the SCHEMA.md fields present for each record type."""
import glob, json, os, re, sys

FIELDS = {
    "date": {"value", "granularity", "kind"},
    "case_count": {"subject", "count", "unit", "org", "period"},
    "money": {"subject", "amount_yuan", "org", "period"},
    "quantity": {"subject", "value", "unit", "org", "period"},
    "percent": {"subject", "value", "direction"},
    "person": {"name", "titles", "org", "role"},
    "meeting": {"name", "date", "organizer", "presiders", "attendees"},
}
if len(sys.argv) != 2:
    sys.exit("usage: check_gold.py DIR")
here = sys.argv[1]
bad = 0
for path in sorted(glob.glob(os.path.join(here, "*.gold.json"))):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    name = os.path.basename(path)
    if set(data) != {"doc", "reference_date", "notes", "records"}:
        print(name, "top-level keys", sorted(data)); bad += 1
    if data["doc"] != name.replace(".gold.json", ".txt"):
        print(name, "doc mismatch", data["doc"]); bad += 1
    with open(os.path.join(here, data["doc"]), encoding="utf-8") as fh:
        raw = re.sub(r"\s+", "", fh.read())
    counts = {}
    for i, r in enumerate(data["records"]):
        t = r.get("type")
        counts[t] = counts.get(t, 0) + 1
        if t not in FIELDS:
            print(name, i, "bad type", t); bad += 1; continue
        missing = FIELDS[t] - set(r)
        if missing:
            print(name, i, "missing", missing); bad += 1
        if re.sub(r"\s+", "", r["text"]) not in raw:
            print(name, i, "text not found:", r["text"]); bad += 1
    print(name, len(data["records"]), dict(sorted(counts.items())))
sys.exit(1 if bad else 0)
