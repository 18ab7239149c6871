#!/usr/bin/env python3
"""Helpers for bench/run.sh (python3 standard library only).

    report.py time FILE          one line "wall_s user_s sys_s maxrss_kb" from a `/usr/bin/time -v -o FILE` report
    report.py table RESULTS.tsv  the Markdown results table (medians per N, comparison, tool and variant)
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
    """How a Midad variant is shown: the launcher by name, JVM flags in code font."""
    if flags == "launcher":
        return "`bin/midad`"
    if flags in ("", "default"):
        return "`java -jar`" if flags == "default" else ""
    flags = re.sub(r"(-XX:SharedArchiveFile=)(\S+)", lambda m: m.group(1) + os.path.basename(m.group(2)), flags)
    return "`java " + flags + " -jar`"


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
        groups.setdefault((int(r["n"]), r["comparison"], r["tool"], r["flags"]), []).append(r)

    print("| N | comparison | tool | wall s (median) | runs | CPU s (user+sys) | peak MiB | files | MB written "
          "| load | wall Midad/Hugo | CPU Midad/Hugo | memory Midad/Hugo |")
    print("| ---: | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    order = sorted(groups, key=lambda k: (k[0], k[1] != "lean", k[2] != "midad", k[3]))
    for key in order:
        n, comparison, tool, flags = key
        g = groups[key]
        walls = [float(r["wall_s"]) for r in g]
        wall = statistics.median(walls)
        cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in g)
        rss = statistics.median(int(r["maxrss_kb"]) for r in g)
        loads = [float(r["load1"]) for r in g]
        hugo = groups.get((n, comparison, "hugo", ""))
        if tool == "midad" and hugo:
            hw = statistics.median(float(r["wall_s"]) for r in hugo)
            hc = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in hugo)
            hr = statistics.median(int(r["maxrss_kb"]) for r in hugo)
            ratios = ("**%.2f×**" % (wall / hw), "%.2f×" % (cpu / hc), "**%.2f×**" % (rss / hr))
        else:
            ratios = ("1",) * 3 if tool == "hugo" else ("—",) * 3
        name = tool + ((" " + shown(flags)) if shown(flags) else "")
        print("| %s | %s | %s | %.2f | %s | %.2f | %.0f | %s | %.1f | %.1f–%.1f | %s | %s | %s |" % (
            "{:,}".format(n), comparison, name, wall, " / ".join("%.2f" % w for w in walls), cpu, rss / 1024,
            "{:,}".format(int(g[-1]["files"])), int(g[-1]["bytes"]) / 1e6, min(loads), max(loads), *ratios))

    for kind, what in (("edit", "one article edited"), ("add", "one article added (the newest)")):
        changes = [r for r in rows if r["kind"] == kind]
        for n in sorted({int(r["n"]) for r in changes}):
            mine = [r for r in changes if int(r["n"]) == n]
            walls = [float(r["wall_s"]) for r in mine]
            print()
            print("N=%s, %s, then `bin/midad build` with the build cache (cold JVM): %.2f s median "
                  "(%s), peak %.0f MiB." % ("{:,}".format(n), what, statistics.median(walls),
                                            " / ".join("%.2f" % w for w in walls),
                                            statistics.median(int(r["maxrss_kb"]) for r in mine) / 1024))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "time":
        parse_time(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "table":
        table(sys.argv[2])
    else:
        raise SystemExit(__doc__)
