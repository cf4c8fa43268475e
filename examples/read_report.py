#!/usr/bin/env python3
"""read_report.py — gongkai's C library from Python (ctypes, no module to build).

    python3 read_report.py [--lib PATH/libgongkai.so.0] FILE...

prints, per report, its issuer, year and failing checks, then the values as
rows (file, key, value) ready for pandas:

    import pandas as pd
    rows = [r for f in files for r in value_rows(read(lib, models, f))]
    df = pd.DataFrame(rows, columns=["file", "key", "value"])

Without the library, the command line gives the same records as JSON lines:
    gongkai extract --format jsonl *.pdf > records.jsonl
    df = pd.read_json("records.jsonl", lines=True)
"""
import ctypes
import ctypes.util
import json
import sys


def load(path=None):
    lib = ctypes.CDLL(path or ctypes.util.find_library("gongkai") or "libgongkai.so.0")
    lib.gongkai_version.restype = ctypes.c_char_p
    lib.gongkai_models_open.restype = ctypes.c_void_p
    lib.gongkai_models_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_int)]
    lib.gongkai_read_file.restype = ctypes.c_void_p
    lib.gongkai_read_file.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p),
                                      ctypes.POINTER(ctypes.c_int)]
    lib.gongkai_record_to_json.restype = ctypes.c_void_p   # a char * we must free
    lib.gongkai_record_to_json.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.gongkai_record_free.argtypes = [ctypes.c_void_p]
    lib.gongkai_models_free.argtypes = [ctypes.c_void_p]
    lib.gongkai_free.argtypes = [ctypes.c_void_p]
    return lib


class GongkaiError(Exception):
    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def _take_string(lib, ptr):
    text = ctypes.cast(ptr, ctypes.c_char_p).value.decode("utf-8")
    lib.gongkai_free(ptr)
    return text


def open_models(lib, models_dir=None):
    msg, code = ctypes.c_void_p(), ctypes.c_int(0)
    models = lib.gongkai_models_open(models_dir.encode() if models_dir else None, ctypes.byref(msg), ctypes.byref(code))
    if not models:
        raise GongkaiError(_take_string(lib, msg), code.value)
    return models


def read(lib, models, path):
    """The record of one report file, as a dict (docs/output.md)."""
    msg, code = ctypes.c_void_p(), ctypes.c_int(0)
    rec = lib.gongkai_read_file(models, path.encode(), ctypes.byref(msg), ctypes.byref(code))
    if not rec:
        raise GongkaiError("%s: %s" % (path, _take_string(lib, msg)), code.value)
    try:
        return json.loads(_take_string(lib, lib.gongkai_record_to_json(rec, 0)))
    finally:
        lib.gongkai_record_free(rec)


def value_rows(record, prefix="", node=None):
    """(file, canonical key, value) for every number of record["data"]."""
    if node is None:
        node = record["data"]
    for key, value in node.items():
        path = prefix + key
        if isinstance(value, dict):
            yield from value_rows(record, path + ".", value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool) or value is None:
            yield (record["source"]["file"], path, value)


def main(argv):
    lib_path = None
    if len(argv) > 2 and argv[1] == "--lib":
        lib_path, argv = argv[2], [argv[0]] + argv[3:]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    lib = load(lib_path)
    models = open_models(lib)
    status = 0
    for path in argv[1:]:
        try:
            rec = read(lib, models, path)
        except GongkaiError as e:
            print("read_report: %s" % e, file=sys.stderr)
            status = max(status, e.code)
            continue
        report = rec["report"]
        failing = [c["id"] for c in rec["checks"] if c["status"] == "fail"]
        print("%s: %s %s (template %s), %d failing checks %s" % (
            path, report["issuer"], report["year"], report["template"], len(failing), " ".join(failing)))
        for row in value_rows(rec):
            print("\t".join(str(x) for x in row))
    lib.gongkai_models_free(models)
    print("read_report: gongkai %s" % lib.gongkai_version().decode(), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
