#!/usr/bin/env python3
"""Helpers for bench/run.sh (python3 standard library only).

    report.py time FILE          one line "wall_s user_s sys_s maxrss_kb" from a `/usr/bin/time -v -o FILE` report
    report.py table RESULTS.tsv  the Markdown results table (medians per tool and JVM flags)
"""

import os
import re
import statistics
import sys


def parse_time(path):
    wall = user = sys_ = rss = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                value = line.rsplit(": ", 1)[1]  # h:mm:ss or m:ss.ss
                seconds = 0.0
                for part in value.split(":"):
                    seconds = seconds * 60 + float(part)
                wall = seconds
            elif line.startswith("User time (seconds)"):
                user = float(line.rsplit(": ", 1)[1])
            elif line.startswith("System time (seconds)"):
                sys_ = float(line.rsplit(": ", 1)[1])
            elif line.startswith("Maximum resident set size (kbytes)"):
                rss = int(line.rsplit(": ", 1)[1])
    if None in (wall, user, sys_, rss):
        raise SystemExit("cannot read " + path)
    print("%.2f %.2f %.2f %d" % (wall, user, sys_, rss))


def shown(flags):
    """JVM flags as the README shows them: the AppCDS archive by its file name only."""
    flags = re.sub(r"(-XX:SharedArchiveFile=)(\S+)", lambda m: m.group(1) + os.path.basename(m.group(2)), flags)
    return ("`" + flags + "`") if flags else "default"


def table(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    groups = {}
    for r in rows:
        if r["kind"] != "full" or r["run"] == "0":
            continue
        groups.setdefault((r["tool"], r["flags"]), []).append(r)
    hugo = groups.get(("hugo", ""))
    hugo_wall = statistics.median(float(r["wall_s"]) for r in hugo) if hugo else None
    hugo_rss = statistics.median(int(r["maxrss_kb"]) for r in hugo) if hugo else None

    print("| tool | JVM flags | N | wall s (median) | runs | peak MiB (median) | CPU s (user+sys) | files "
          "| wall Midad/Hugo | memory Midad/Hugo |")
    print("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    order = sorted(groups, key=lambda k: (k[0] != "midad", k[1]))
    for tool, flags in order:
        g = groups[(tool, flags)]
        walls = [float(r["wall_s"]) for r in g]
        wall = statistics.median(walls)
        rss = statistics.median(int(r["maxrss_kb"]) for r in g)
        cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in g)
        files = g[-1]["files"]
        if tool == "midad" and hugo_wall:
            ratio_wall = "%.2f×" % (wall / hugo_wall)
            ratio_rss = "%.2f×" % (rss / hugo_rss)
        else:
            ratio_wall = ratio_rss = "1 (reference)" if tool == "hugo" else "—"
        print("| %s | %s | %s | %.2f | %s | %.0f | %.2f | %s | %s | %s |" % (
            tool, shown(flags), g[0]["n"], wall,
            " / ".join("%.2f" % w for w in walls), rss / 1024, cpu, files, ratio_wall, ratio_rss))

    edits = [r for r in rows if r["kind"] == "edit"]
    if edits:
        walls = [float(r["wall_s"]) for r in edits]
        print()
        print("Incremental rebuild after editing one article: **not implemented** in Midad; the full rebuild "
              "(cold JVM, JVM flags %s, output folder already there) takes %.2f s median (%s), peak %.0f MiB."
              % (shown(edits[0]["flags"]), statistics.median(walls), " / ".join("%.2f" % w for w in walls),
                 statistics.median(int(r["maxrss_kb"]) for r in edits) / 1024))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "time":
        parse_time(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        raise SystemExit(__doc__)
