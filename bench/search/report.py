#!/usr/bin/env python3
"""Markdown report of bench/search/run.sh: python3 bench/search/report.py WORK N"""
import collections
import csv
import gzip
import os
import re
import sys


def gnu_time(path):
    text = open(path, encoding="utf-8").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss / 1024


def gnu_cpu(path):
    text = open(path, encoding="utf-8").read()
    return sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", text).group(1)) for kind in ("User", "System"))


def tree(path):
    files, size, gz = 0, 0, 0
    for root, _, names in os.walk(path):
        for name in names:
            data = open(os.path.join(root, name), "rb").read()
            files += 1
            size += len(data)
    return files, size


def main(work, n):
    rows = list(csv.DictReader(open(os.path.join(work, "query-results.tsv"), encoding="utf-8"), delimiter="\t"))
    classes = list(dict.fromkeys(r["class"] for r in rows))
    found = collections.defaultdict(int)
    total = collections.defaultdict(int)
    first_bytes = collections.defaultdict(list)
    for r in rows:
        key = (r["engine"], r["class"])
        total[key] += 1
        if int(r["rank"]) > 0:
            found[key] += 1
        first_bytes[r["engine"]].append(int(r["bytes"]))
    queries = sum(1 for r in rows if r["engine"] == "midad")
    pagefind = os.path.exists(os.path.join(work, "time-pagefind.txt"))
    print(f"Search benchmark: {n} synthetic articles + probes, {queries} queries (expected article in the top 10)\n")
    print("| query class | queries | Midad | Pagefind |")
    print("| --- | ---: | ---: | ---: |")
    for c in classes:
        print(f"| {c} | {total[('midad', c)]} | {found[('midad', c)]} | {found[('pagefind', c)]} |")
    m = sum(found[("midad", c)] for c in classes)
    p = sum(found[("pagefind", c)] for c in classes)
    print(f"| **all** | {queries} | **{m}** | **{p}** |\n")
    index = dict(line.split("\t") for line in open(os.path.join(work, "index-only.txt")).read().split("\n") if line)
    b_s, b_rss = gnu_time(os.path.join(work, "time-midad-build.txt"))
    i_s, i_rss = gnu_time(os.path.join(work, "time-midad-index.txt"))
    p_s, p_rss = gnu_time(os.path.join(work, "time-pagefind.txt")) if pagefind else (float("nan"), float("nan"))
    out = os.path.join(work, "out")
    mf, ms = tree(os.path.join(out, "search"))
    pf, ps = tree(os.path.join(out, "pagefind"))
    print("| | Midad | Pagefind |")
    print("| --- | ---: | ---: |")
    print(f"| index build, wall | {int(index['index_ms']) / 1000:.1f} s in-process ({i_s:.1f} s with JVM start and site load) | {p_s:.1f} s |")
    print(f"| index build, peak RSS | {i_rss:.0f} MB (process incl. site load) | {p_rss:.0f} MB |")
    if "index_allocated_mb" in index:
        print(f"| index build alone, allocated / heap peak above the loaded site | "
              f"{index['index_allocated_mb']} MB / {index['index_peak_above_site_mb']} MB | — |")
    if "index_process_cpu_ms" in index:
        p_cpu = gnu_cpu(os.path.join(work, "time-pagefind.txt")) if pagefind else float("nan")
        print(f"| index build, CPU (user+sys) | {int(index['index_process_cpu_ms']) / 1000:.1f} s in-process "
              f"({int(index['index_thread_cpu_ms']) / 1000:.1f} s on the index's thread) | {p_cpu:.1f} s |")
    print(f"| whole Midad build incl. index | {b_s:.1f} s, {b_rss:.0f} MB | — |")
    print(f"| index files, bytes | {mf:,} files, {ms / 1e6:.1f} MB | {pf:,} files, {ps / 1e6:.1f} MB |")
    for engine, name in (("midad", "Midad"), ("pagefind", "Pagefind")) if pagefind else (("midad", "Midad"),):
        values = sorted(first_bytes[engine])
        median = values[len(values) // 2]
        print(f"| first query download, {name} (script + index + top-10 results): median / max | "
              f"{median / 1024:.0f} KB / {values[-1] / 1024:.0f} KB | |" if engine == "midad" else
              f"| first query download, {name}: median / max | | {median / 1024:.0f} KB / {values[-1] / 1024:.0f} KB |")
    print("\nMisses (rank 0 = not in the top 10):\n")
    for r in rows:
        if int(r["rank"]) == 0:
            print(f"- {r['engine']}: {r['class']}: «{r['query']}»")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
