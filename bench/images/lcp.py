#!/usr/bin/env python3
"""The lead image a phone loads, with and without Midad's image pipeline (python3, standard library only).

  python3 bench/images/lcp.py original OUT/site 2024/06/SLUG/ /images/lead.jpg 1600 900
      writes OUT/site/original-lead/index.html: the page as built, its lead <picture> replaced by a plain
      <img> of the original file at full size (what the page loads without the pipeline)
  python3 bench/images/lcp.py report pipeline.json original.json
      prints, per Lighthouse JSON report, the emulated screen, LCP, the LCP element and every image request
      with its transferred bytes, then the ratio of the LCP image bytes (first report / second)
"""
import html
import json
import os
import sys


def original(site, page, src, width, height):
    path = os.path.join(site, page, "index.html")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    at = text.find('fetchpriority="high"')
    start = text.rfind("<picture", 0, at)
    end = text.find("</picture>", at) + len("</picture>")
    if at < 0 or start < 0 or end < len("</picture>"):
        sys.exit(f"{path}: no lead <picture> with fetchpriority=high")
    alt = text[text.find('alt="', start) + 5:text.find('"', text.find('alt="', start) + 5)]
    img = (f'<img src="{html.escape(src)}" alt="{alt}" width="{width}" height="{height}"'
           ' fetchpriority="high" decoding="async">')
    out = os.path.join(site, "original-lead")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(text[:start] + img + text[end:])
    print(os.path.join(out, "index.html"))


def lcp_bytes(report):
    audits = report["audits"]
    snippet = ""
    for item in audits["largest-contentful-paint-element"]["details"].get("items", []):
        for inner in item.get("items", []):
            if inner.get("node"):
                snippet = inner["node"].get("snippet", "")
    src = snippet.split('src="', 1)[1].split('"', 1)[0] if 'src="' in snippet else ""
    images = [r for r in audits["network-requests"]["details"]["items"] if r.get("resourceType") == "Image"]
    name = src.rsplit("/", 1)[-1]
    lcp = next((r for r in images if name and r["url"].rsplit("/", 1)[-1] == name), None)
    return snippet, images, lcp


def report(files):
    sizes = []
    for file in files:
        with open(file, encoding="utf-8") as f:
            r = json.load(f)
        screen = r["configSettings"]["screenEmulation"]
        snippet, images, lcp = lcp_bytes(r)
        print(f"== {file}: Lighthouse {r['lighthouseVersion']}, {r['configSettings']['formFactor']}"
              f" {screen['width']}x{screen['height']} at {screen['deviceScaleFactor']}x")
        print(f"   LCP {r['audits']['largest-contentful-paint']['displayValue']}; element {snippet[:160]}")
        for req in images:
            print(f"   image {req['url'].rsplit('/', 1)[-1]}: {req['transferSize']} bytes transferred")
        sizes.append(lcp["transferSize"] if lcp else None)
    if len(sizes) == 2 and all(sizes):
        print(f"LCP image bytes: {sizes[0]} vs {sizes[1]}: {sizes[0] / sizes[1]:.3f}"
              f" ({100 * (1 - sizes[0] / sizes[1]):.1f}% fewer)")


if __name__ == "__main__":
    if len(sys.argv) == 7 and sys.argv[1] == "original":
        original(*sys.argv[2:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "report":
        report(sys.argv[2:])
    else:
        sys.exit(__doc__)
