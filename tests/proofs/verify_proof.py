#!/usr/bin/env python3
"""Independent checker for Sijill's custody-log proof documents.

    verify_proof.py VKEY PROOF.json [PROOF.json ...]

VKEY is the archive's verifier key, "<name>+<8 hex key id>+<base64(0x01 || key)>"
(or "@FILE" to read it from a file). For each document it prints

    PROOF.json: ok: <what was proven>
    PROOF.json: rejected: <why>

and exits 0 if every document verified, 1 if any was rejected, 2 on a usage or
environment error. It uses no Sijill code: Python's standard library for SHA-256,
base64 and JSON, and the `openssl` command line for Ed25519. The Merkle checks
follow the recursive definitions of RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1
(SUBPROOF) directly; the formats are in docs/formats/custody-proofs.md.
"""

import base64
import binascii
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

INCLUSION_FORMAT = "sijill-inclusion-proof-1"
CONSISTENCY_FORMAT = "sijill-consistency-proof-1"
ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
SIGNATURE_PREFIX = "\u2014 "


class Rejected(Exception):
    pass


def sha256(data):
    return hashlib.sha256(data).digest()


def leaf_hash(entry):
    return sha256(b"\x00" + entry)


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


def largest_power_of_two_below(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def b64decode_canonical(text, what):
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise Rejected(f"{what} is not base64")
    if base64.b64encode(data).decode("ascii") != text:
        raise Rejected(f"{what} is not canonical base64")
    return data


# --- keys and signed notes (c2sp.org/signed-note) ---------------------------------


def key_id(name, public_key):
    return sha256(name.encode("utf-8") + b"\n\x01" + public_key)[:4]


def parse_vkey(text):
    parts = text.split("+", 2)
    if len(parts) != 3:
        raise Rejected("verifier key: expected <name>+<key id>+<key>")
    name, hex_id, key_b64 = parts
    if not re.fullmatch(r"[!-~]+", name) or "+" in name:
        raise Rejected("verifier key: invalid key name")
    if not re.fullmatch(r"[0-9a-fA-F]{8}", hex_id):
        raise Rejected("verifier key: key id is not 8 hex digits")
    typed = b64decode_canonical(key_b64, "verifier key")
    if len(typed) != 33 or typed[0] != 0x01:
        raise Rejected("verifier key: not an Ed25519 key of 32 bytes")
    public_key = typed[1:]
    if key_id(name, public_key) != bytes.fromhex(hex_id):
        raise Rejected("verifier key: key id does not match name and key")
    return name, bytes.fromhex(hex_id), public_key


_signature_cache = {}


def ed25519_verify(public_key, message, signature):
    cache_key = (public_key, message, signature)
    if cache_key in _signature_cache:
        return _signature_cache[cache_key]
    der = ED25519_SPKI_PREFIX + public_key
    pem = ("-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der).decode("ascii") +
           "\n-----END PUBLIC KEY-----\n")
    with tempfile.TemporaryDirectory() as tmp:
        paths = {n: os.path.join(tmp, n) for n in ("key.pem", "msg", "sig")}
        for n, data in (("key.pem", pem.encode("ascii")), ("msg", message),
                        ("sig", signature)):
            with open(paths[n], "wb") as f:
                f.write(data)
        result = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths["key.pem"], "-rawin",
             "-in", paths["msg"], "-sigfile", paths["sig"]],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ok = result.returncode == 0 and b"Signature Verified Successfully" in result.stdout
    _signature_cache[cache_key] = ok
    return ok


def open_note(note, vkey):
    """Returns the note's text if it carries a valid signature by vkey."""
    name, wanted_id, public_key = vkey
    if any((ord(c) < 0x20 and c != "\n") or c == "\x7f" for c in note):
        raise Rejected("malformed note: control character")
    if not note.endswith("\n"):
        raise Rejected("malformed note: does not end in a newline")
    blank = note.rfind("\n\n")
    if blank < 0:
        raise Rejected("malformed note: no blank line between text and signatures")
    text, signature_block = note[:blank + 1], note[blank + 2:]
    lines = signature_block.split("\n")[:-1]
    if not lines:
        raise Rejected("malformed note: no signature lines")
    verified = False
    for line in lines:
        match = re.fullmatch(SIGNATURE_PREFIX + r"([!-~]+) (\S+)", line)
        if not match or "+" in match.group(1):
            raise Rejected("malformed note: bad signature line")
        blob = b64decode_canonical(match.group(2), "note signature")
        if len(blob) < 5:
            raise Rejected("malformed note: signature too short")
        if match.group(1) != name or blob[:4] != wanted_id:
            continue  # another key's signature: ignored, as the spec requires
        if len(blob) != 68 or not ed25519_verify(public_key, text.encode("utf-8"), blob[4:]):
            raise Rejected(f"bad signature by key {name}")
        verified = True
    if not verified:
        raise Rejected(f"note is not signed by key {name}")
    return text


def verify_checkpoint(note, vkey, which):
    if not isinstance(note, str):
        raise Rejected(f"{which} is not a string")
    try:
        text = open_note(note, vkey)
    except Rejected as e:
        raise Rejected(f"{which}: {e}")
    lines = text.split("\n")[:-1]
    if len(lines) != 3 or not lines[0]:
        raise Rejected(f"{which}: body is not origin, size, root")
    origin, size_text, root_b64 = lines
    if not re.fullmatch(r"0|[1-9][0-9]*", size_text) or int(size_text) >= 2**64:
        raise Rejected(f"{which}: bad tree size")
    root = b64decode_canonical(root_b64, f"{which} root")
    if len(root) != 32:
        raise Rejected(f"{which}: root is not 32 bytes")
    return origin, int(size_text), root


# --- Merkle proofs, from the recursive definitions of RFC 9162 --------------------


def root_from_inclusion(m, n, leaf, path):
    """MTH(D[n]) given d(m)'s leaf hash and PATH(m, D[n]) (leaf first)."""
    if n == 1:
        if path:
            raise Rejected("inclusion proof has too many hashes")
        return leaf
    if not path:
        raise Rejected("inclusion proof has too few hashes")
    k = largest_power_of_two_below(n)
    *rest, sibling = path
    if m < k:
        return node_hash(root_from_inclusion(m, k, leaf, rest), sibling)
    return node_hash(sibling, root_from_inclusion(m - k, n - k, leaf, rest))


def roots_from_subproof(m, n, whole, old_root, path):
    """(MTH(D[m]), MTH(D[n])) of a subtree, given SUBPROOF(m, D[n], whole)."""
    if m == n:
        if whole:
            if path:
                raise Rejected("consistency proof has too many hashes")
            return old_root, old_root
        if len(path) != 1:
            raise Rejected("consistency proof has the wrong number of hashes")
        return path[0], path[0]
    if not path:
        raise Rejected("consistency proof has too few hashes")
    k = largest_power_of_two_below(n)
    *rest, sibling = path
    if m <= k:
        old, new = roots_from_subproof(m, k, whole, old_root, rest)
        return old, node_hash(new, sibling)
    old, new = roots_from_subproof(m - k, n - k, False, old_root, rest)
    return node_hash(sibling, old), node_hash(sibling, new)


# --- documents ---------------------------------------------------------------------


def require_fields(doc, fields):
    if set(doc) != set(fields):
        raise Rejected(f"fields are {sorted(doc)}, expected {sorted(fields)}")


def uint_field(doc, name):
    value = doc[name]
    if type(value) is not int or value < 0 or value >= 2**64:
        raise Rejected(f"{name} is not a non-negative integer")
    return value


def hashes_field(doc):
    hashes = doc["hashes"]
    if not isinstance(hashes, list):
        raise Rejected("hashes is not an array")
    out = []
    for i, h in enumerate(hashes):
        if not isinstance(h, str) or not re.fullmatch(r"[0-9a-f]{64}", h):
            raise Rejected(f"hashes[{i}] is not 64 lower-case hex digits")
        out.append(bytes.fromhex(h))
    return out


def verify_inclusion_document(doc, vkey):
    require_fields(doc, ["format", "entry", "leaf_index", "tree_size", "hashes", "checkpoint"])
    if not isinstance(doc["entry"], str):
        raise Rejected("entry is not a string")
    entry = b64decode_canonical(doc["entry"], "entry")
    index, size = uint_field(doc, "leaf_index"), uint_field(doc, "tree_size")
    path = hashes_field(doc)
    origin, cp_size, root = verify_checkpoint(doc["checkpoint"], vkey, "checkpoint")
    if size != cp_size:
        raise Rejected(f"tree_size {size} is not the checkpoint's size {cp_size}")
    if index >= size:
        raise Rejected(f"leaf index {index} is not below tree size {size}")
    if root_from_inclusion(index, size, leaf_hash(entry), path) != root:
        raise Rejected("inclusion proof does not lead to the checkpoint's root")
    return (f"entry sha256:{hashlib.sha256(entry).hexdigest()} is leaf {index} of log "
            f"\"{origin}\" at size {size} (root {root.hex()})")


def verify_consistency_document(doc, vkey):
    require_fields(doc, ["format", "old_checkpoint", "new_checkpoint", "hashes"])
    path = hashes_field(doc)
    old_origin, m, old_root = verify_checkpoint(doc["old_checkpoint"], vkey, "old checkpoint")
    new_origin, n, new_root = verify_checkpoint(doc["new_checkpoint"], vkey, "new checkpoint")
    if old_origin != new_origin:
        raise Rejected(f"checkpoints are of different logs: \"{old_origin}\" and \"{new_origin}\"")
    if m > n:
        raise Rejected(f"old tree size {m} is larger than new tree size {n}")
    if m == 0:
        if path or old_root != sha256(b""):
            raise Rejected("an empty old tree needs no hashes and the empty root")
    elif m == n:
        if path or old_root != new_root:
            raise Rejected(f"trees of equal size {m} differ or the proof is not empty")
    else:
        old, new = roots_from_subproof(m, n, True, old_root, path)
        if old != old_root:
            raise Rejected("consistency proof does not lead to the old checkpoint's root")
        if new != new_root:
            raise Rejected("consistency proof does not lead to the new checkpoint's root")
    return (f"log \"{new_origin}\" at size {n} (root {new_root.hex()}) extends size {m} "
            f"(root {old_root.hex()})")


def verify_document(text, vkey):
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise Rejected(f"not JSON: {e}")
    if not isinstance(doc, dict):
        raise Rejected("not a JSON object")
    if doc.get("format") == INCLUSION_FORMAT:
        return verify_inclusion_document(doc, vkey)
    if doc.get("format") == CONSISTENCY_FORMAT:
        return verify_consistency_document(doc, vkey)
    raise Rejected(f"unknown format {doc.get('format')!r}")


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    vkey_text = argv[1]
    if vkey_text.startswith("@"):
        with open(vkey_text[1:], encoding="utf-8") as f:
            vkey_text = f.read().strip()
    try:
        subprocess.run(["openssl", "version"], stdout=subprocess.DEVNULL, check=True)
    except (OSError, subprocess.CalledProcessError):
        print("verify_proof: the openssl command is needed for Ed25519", file=sys.stderr)
        return 2
    try:
        vkey = parse_vkey(vkey_text)
    except Rejected as e:
        print(f"verify_proof: {e}", file=sys.stderr)
        return 2
    all_ok = True
    for path in argv[2:]:
        try:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8")
            print(f"{path}: ok: {verify_document(text, vkey)}")
        except (Rejected, UnicodeError, OSError) as e:
            print(f"{path}: rejected: {e}")
            all_ok = False
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
