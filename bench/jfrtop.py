#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples (python3 standard library only).

    jfr print --events jdk.ExecutionSample --stack-depth 96 rec.jfr > samples.txt
    python3 bench/jfrtop.py samples.txt [N]

Prints: the hottest leaf frames; for each sample, the innermost dev.midad frame (which engine code the time is
spent under, callees included); samples per thread (main vs the ForkJoin workers shows how parallel it was).
"""
import collections
import re
import sys


def main():
    text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    leaf, midad, threads, lines = (collections.Counter() for _ in range(4))
    total = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w$.<>]+)\(.*?line: (\d+)", event, re.M)
        if not frames:
            continue
        total += 1
        leaf[frames[0][0]] += 1
        inner = next(((f, l) for f, l in frames if f.startswith("dev.midad")), None)
        if inner:
            midad[inner[0]] += 1
            lines["%s:%s" % inner] += 1
        m = re.search(r'sampledThread = "([^"]+)"', event)
        threads[re.sub(r"\d+", "N", m.group(1)) if m else "?"] += 1
    print("samples: %d" % total)
    for title, counter in (("leaf frames", leaf), ("innermost Midad frame (callees included)", midad),
                           ("innermost Midad line", lines), ("threads", threads)):
        print("\n-- " + title)
        for name, count in counter.most_common(top_n):
            print("%6d %5.1f%%  %s" % (count, 100.0 * count / max(total, 1), name))


if __name__ == "__main__":
    main()
