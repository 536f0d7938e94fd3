#!/usr/bin/env python3
"""Builds a Sijill archive from the six dev testimonies and their gold annotations, the
way a documenter would: `sijill add` each testimony, `sijill entity add` each person,
unit, place and event (one entity per canonical name across documents, its mentions as
aliases, protected persons flagged), and `sijill claim add` each gold claim with its
quote as the citation. Used by the golden CLI tests; it drives only the public CLI.

usage: build_dev_archive.py SIJILL_BINARY ARCHIVE DEV_DIR [--no-encryption]
The passphrase comes from SIJILL_PASSPHRASE_FILE, as for any sijill command.
"""
import json
import pathlib
import subprocess
import sys


def run(binary, *args):
    done = subprocess.run([binary, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"sijill {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


def fixed_id(kind, n):
    """A fixed id per object, so that answers ordered by id come out the same on every
    build, and that differ in their first 10 characters (the short form lists show):
    "0e" or "0c", n in 8 base32 digits, then zeros."""
    digits = ""
    while n:
        digits = CROCKFORD[n % 32] + digits
        n //= 32
    head = "e" if kind == "entity" else "c"
    return "0" + head + digits.rjust(8, "0") + "0" * 16


def main():
    binary, archive, dev = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    run(binary, "init", archive, "--kdf-memory", "8", *sys.argv[4:5])
    golds = sorted(dev.glob("t0*.gold.json"))
    sources = {}
    for gold in golds:
        text = dev / gold.name.replace(".gold.json", ".txt")
        run(binary, "add", archive, str(text))
    for s in json.loads(run(binary, "sources", archive, "--json")):
        sources[s["original_name"]] = s["id"]

    # One entity per (type, canonical name) across documents.
    entities = {}  # (type, canonical) -> {"mentions": [...], "protected": bool}
    local = []  # per document: local id -> (type, canonical)
    for gold in golds:
        g = json.loads(gold.read_text())
        ids = {}
        for e in g["entities"]:
            key = (e["type"], e["canonical"])
            ids[e["id"]] = key
            slot = entities.setdefault(key, {"mentions": [], "protected": False})
            for m in e["mentions"]:
                if m != e["canonical"] and m not in slot["mentions"]:
                    slot["mentions"].append(m)
            slot["protected"] |= bool(e.get("protected"))
        local.append((g, ids))
    entity_ids = {}
    for (etype, canonical), slot in entities.items():
        args = ["entity", "add", archive, etype, canonical,
                "--id", fixed_id("entity", len(entity_ids) + 1)]
        for m in slot["mentions"]:
            args += ["--alias", m]
        if slot["protected"]:
            args.append("--protected")
        entity_ids[(etype, canonical)] = run(binary, *args).strip()

    claims = 0
    for g, ids in local:
        source = sources[g["source"]]
        for c in g["claims"]:
            claims += 1
            args = ["claim", "add", archive, c["predicate"], "--id", fixed_id("claim", claims),
                    "--subject", entity_ids[ids[c["subject"]]],
                    "--object", entity_ids[ids[c["object"]]],
                    "--evidence", c["evidence"],
                    "--cite", f"{source}:{c['quote']}"]
            for field in ("role", "rank", "time"):
                if c.get(field):
                    args += [f"--{field}", c[field]]
            run(binary, *args)


if __name__ == "__main__":
    main()
