"""Child process for the crash and concurrency tests (not a test module).

    python store_writer.py STORE [--count N] [--tag T] [--wait-go] [--updates]

Prints ``ready`` once imported (and, with --wait-go, opens the store only
after reading a line from stdin, so several writers start together). After
each write *returns* it prints what was acknowledged and flushes:
``A <annotation_id>`` for an add, ``U <annotation_id> <version>`` for an
update. Without --count it writes until killed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotations import AnnotationStore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--count", type=int, default=None)
    ap.add_argument("--tag", default="w")
    ap.add_argument("--wait-go", action="store_true")
    ap.add_argument("--updates", action="store_true")
    args = ap.parse_args()

    out = sys.stdout
    out.write("ready\n")
    out.flush()
    if args.wait_go:
        sys.stdin.readline()

    with AnnotationStore.open(args.store) as store:
        counter = range(args.count) if args.count is not None else itertools.count()
        for i in counter:
            ann = store.add(
                f"call-{args.tag}", float(i), float(i) + 1.5, "dead_air",
                departments=["ivr", "billing"], severity=1 + i % 5,
                note=f"{args.tag} #{i}", reviewer=f"reviewer-{args.tag}",
            )
            out.write(f"A {ann.annotation_id}\n")
            out.flush()
            if args.updates and i % 4 == 0:
                upd = store.update(ann.annotation_id, reviewer="editor", note=f"edited {i}",
                                   expected_version=ann.version)
                out.write(f"U {upd.annotation_id} {upd.version}\n")
                out.flush()


if __name__ == "__main__":
    main()
