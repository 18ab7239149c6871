#!/usr/bin/env python3
"""Deterministic synthetic Arabic news site, written as a Midad site AND a Hugo site from the same data.

    python3 bench/generate.py N OUT [--seed 20240620]

writes two comparisons of the same articles (see bench/README.md):
    OUT/midad/site.yaml, OUT/midad/articles/YYYY/MM/NNNNNN.md         full: Midad's default output
    OUT/hugo/hugo.toml,  OUT/hugo/content/posts/NNNNNN.md, OUT/hugo/content/feeds.md   and a Hugo theme doing it
    OUT/midad-lean/...,  OUT/hugo-lean/...                             lean: an idiomatic lean Hugo site
                                                                        and Midad set to write the same

The same seed and N always give byte-identical files (python3 standard library only). Article i is the
same whatever N is (each article draws from its own generator), so the N=10 site is a prefix of N=10000.
"""

import argparse
import math
import os
import random
import shutil
import sys
import urllib.parse
from datetime import datetime, timedelta, timezone

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))

SITE_TITLE = "أخبار مداد"
SITE_DESCRIPTION = "موقع إخباري تجريبي باللغة العربية لقياس أداء مولد المواقع مداد مقارنة بهوغو."
BASE_URL = "https://news.example/"
TZ = timezone(timedelta(hours=3))  # Asia/Riyadh has had no DST since 2007: +03:00 all year
START = datetime(2020, 1, 1, 0, 0, tzinfo=TZ)
SPAN_MINUTES = 5 * 365 * 24 * 60  # five years: 2020-01-01 .. 2024-12-30

# ---------------------------------------------------------------------------------------------------------
# Vocabulary (no tashkeel, so that slugs and word counts are the same for both tools)
# ---------------------------------------------------------------------------------------------------------

WORDS = """
الحكومة الوزير الرئيس البرلمان المجلس الوزراء الشعب الدولة المدينة العاصمة القرية المنطقة الحدود الجيش
القوات الشرطة الأمن السلام الحرب الهدنة الاتفاق المفاوضات المحادثات القمة المؤتمر الاجتماع الزيارة الوفد
السفير السفارة القنصلية الخارجية الداخلية الدفاع المالية الاقتصاد التجارة الصناعة الزراعة الطاقة النفط
الغاز الكهرباء المياه الصحة التعليم الجامعة المدرسة الطلاب المعلمين الأطباء المستشفى المرضى اللقاح الوباء
الفيروس الدواء الغذاء القمح الأسعار التضخم العملة الدولار اليورو الجنيه الريال البنك المصرف الاستثمار
الشركات السوق البورصة الأسهم الصادرات الواردات الميزانية الضرائب الديون القروض النمو البطالة العمال الأجور
المواطنين السكان اللاجئين النازحين المهاجرين المساعدات الإغاثة المنظمة الأمم المتحدة الاتحاد الأوروبي
الجامعة العربية التحالف الشراكة التعاون العلاقات الدبلوماسية الأزمة الصراع النزاع التوتر التصعيد الهجوم
القصف الصواريخ الطائرات المسيرة الدبابات المدفعية الجبهة المعركة الخسائر الضحايا الجرحى الأسرى المعتقلين
المحكمة القاضي القانون الدستور الانتخابات المرشح الناخبين الأحزاب المعارضة الحزب الائتلاف الاستفتاء
الصحافة الإعلام الصحفي التقرير البيان التصريح المتحدث الناطق المصادر المراقبين الخبراء المحللين الدراسة
البحث العلماء التكنولوجيا الإنترنت الهاتف التطبيق المنصة البيانات الذكاء الاصطناعي الفضاء القمر الصناعي
المناخ الطقس الأمطار الفيضانات الجفاف الحرائق الزلزال العاصفة البيئة التلوث الغابات البحر النهر الساحل
الميناء المطار الطريق القطار الجسر المشروع البنية التحتية الإسكان المباني الأراضي المزارعين الحصاد الموسم
الرياضة المنتخب المباراة البطولة الدوري الكأس اللاعب المدرب الفريق الملعب الهدف الفوز الخسارة التعادل
الثقافة الفن السينما المسرح الموسيقى الكتاب الرواية الشاعر المعرض المهرجان الجائزة التراث المتحف الآثار
يوم أسبوع شهر عام صباح مساء أمس اليوم غدا الماضي المقبل الحالي الجديد القديم الكبير الصغير الأول الأخير
أعلن أكد قال أشار أوضح كشف نفى رفض قبل وافق طالب دعا حذر توقع أضاف تابع شدد اعتبر وصف نقل
قرر بدأ انتهى استمر ارتفع انخفض تراجع تقدم وصل غادر عاد التقى بحث ناقش وقع أطلق افتتح أغلق
سيطر استهدف أصاب قتل أصيب فر نجا دمر أعاد بنى ساهم دعم مول خصص رفع خفض زاد قلص منع سمح
في من إلى على عن مع بعد قبل خلال منذ حتى بين أمام وراء فوق تحت حول ضد عبر لدى عند نحو
و أو ثم لكن بل حيث إذ إن أن لأن كما التي الذي الذين هذا هذه ذلك تلك هناك هنا كل بعض أي
رسميا مؤخرا حاليا سابقا لاحقا تدريجيا فورا جزئيا كليا نسبيا خاصة عامة أيضا فقط جدا كثيرا قليلا
مليون مليار ألف مئات عشرات نسبة بالمئة نحو حوالي أكثر أقل أعلى أدنى أهم أبرز أكبر أصغر أسرع
واسع كبير صغير جديد قديم مهم خطير صعب سهل قوي ضعيف سريع بطيء محلي دولي إقليمي عربي غربي شرقي
""".split()

ACRONYMS = ["NATO", "ISW", "OPEC", "IMF", "G7", "G20", "BRICS", "WHO", "IAEA", "UNESCO", "UNICEF", "FIFA",
            "ICC", "WTO", "EU", "UN", "AI", "GDP", "FAO", "UNHCR"]

CATEGORIES = """سياسة اقتصاد رياضة ثقافة مجتمع صحة تكنولوجيا علوم بيئة تعليم عسكري دولي عربي محلي فنون
سينما أدب منوعات سياحة طاقة زراعة قضاء إعلام رأي تحقيقات حوارات تقارير مال أعمال سيارات""".split()

FIRST_NAMES = """أحمد محمد علي حسن سارة مريم فاطمة خالد عمر يوسف ليلى نور هدى سلمى رنا كريم طارق
زياد هالة دينا""".split()
LAST_NAMES = """العلي الحسن المصري الشامي البغدادي الخطيب النجار الحداد السيد الأحمد الزين منصور عثمان
حداد سليمان""".split()

PLACES = """القاهرة بيروت دمشق بغداد عمان الرياض جدة الدوحة أبوظبي دبي الكويت المنامة مسقط صنعاء عدن الخرطوم
طرابلس تونس الجزائر الرباط الدار-البيضاء نواكشوط القدس غزة رام-الله الموصل البصرة حلب حمص إدلب
كييف موسكو واشنطن لندن باريس برلين روما مدريد بكين طوكيو نيودلهي أنقرة إسطنبول طهران كابول إسلام-آباد
بروكسل جنيف فيينا وارسو أوديسا خاركيف دونيتسك القرم""".split()


def zipf_weights(n, s):
    return [1.0 / math.pow(k, s) for k in range(1, n + 1)]


def make_tags(rng, count=800):
    """~800 distinct tag names: places, acronyms, single topic words and two-word topics."""
    names, seen = [], set()

    def add(name):
        key = name.lower()
        if key not in seen:
            seen.add(key)
            names.append(name)

    topics = [w for w in WORDS if w.startswith("ال") and len(w) > 4]
    adjectives = ["الجديد", "الدولي", "الإقليمي", "العربي", "الأوروبي", "الأمريكي", "الروسي", "الصيني",
                  "الأفريقي", "الآسيوي", "المحلي", "الوطني", "العالمي", "الخليجي", "المغربي", "الشامي"]
    for p in PLACES:
        add(p.replace("-", " "))
    for a in ACRONYMS:
        add(a)
    for t in topics:
        add(t)
    pairs = [(t, a) for t in topics for a in adjectives]
    rng.shuffle(pairs)
    for t, a in pairs:
        if len(names) >= count:
            break
        add(t + " " + a)
    rng.shuffle(names)  # rank (and so popularity) independent of the list order above
    return names[:count]


def make_authors(rng, count=60):
    pairs = [(f, l) for f in FIRST_NAMES for l in LAST_NAMES]
    rng.shuffle(pairs)
    return [f + " " + l for f, l in pairs[:count]]


SITE_RNG = random.Random(7)
TAGS = make_tags(SITE_RNG)
AUTHORS = make_authors(SITE_RNG)
TAG_WEIGHTS = zipf_weights(len(TAGS), 1.0)
CATEGORY_WEIGHTS = zipf_weights(len(CATEGORIES), 0.6)
PLAIN_WORDS = [w for w in WORDS if len(w) > 1]
NOUNS = [w for w in WORDS if w.startswith("ال")]


# ---------------------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------------------

def words(rng, n):
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.015:
            out.append("( " + rng.choice(ACRONYMS) + " )")
        elif r < 0.03:
            out.append(str(rng.randint(2, 2024)))
        else:
            out.append(rng.choice(PLAIN_WORDS))
    return out


def sentence(rng, n):
    w = words(rng, n)
    # commas inside, a full stop at the end
    for _ in range(max(0, n // 9)):
        i = rng.randrange(1, max(2, n - 1))
        if not w[i - 1].endswith("،"):
            w[i - 1] = w[i - 1] + "،"
    return " ".join(w) + "."


def paragraph(rng, n):
    out, left = [], n
    while left > 0:
        k = min(left, rng.randint(8, 22))
        out.append(sentence(rng, k))
        left -= k
    text = " ".join(out)
    if rng.random() < 0.08:
        # an occasional link and bold phrase
        text += " وللمزيد راجع [التقرير الكامل](https://example.org/reports/%d) و**%s %s**." % (
            rng.randint(1, 99999), rng.choice(NOUNS), rng.choice(NOUNS))
    return text


def title_for(rng):
    n = rng.randint(6, 11)
    w = [rng.choice(NOUNS)] + [rng.choice(PLAIN_WORDS) for _ in range(n - 1)]
    if rng.random() < 0.05:
        w[0] = rng.choice(ACRONYMS)
    return " ".join(w)


def slug_for(i, title, rng):
    if rng.random() < 0.2:
        return "story-%d-%s" % (i, rng.choice(ACRONYMS).lower())
    # Arabic words of the title, as many as fit in 200 characters once percent-encoded (Midad caps slugs
    # there, as WordPress does; Hugo does not), so both tools give the same address
    arabic = [w for w in title.split() if not w.isascii() and w.isalpha()][:5]
    while arabic and len(urllib.parse.quote("-".join(arabic + [str(i)]))) > 200:
        arabic.pop()
    return "-".join(arabic + [str(i)])


def article(i):
    """Article number i (1-based): a dict with everything both sites need. Depends on i only."""
    rng = random.Random(1_000_003 * i + 20240620)
    title = title_for(rng)
    date = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
    category = rng.choices(CATEGORIES, weights=CATEGORY_WEIGHTS)[0]
    tags = []
    for _ in range(rng.randint(2, 6)):
        t = rng.choices(TAGS, weights=TAG_WEIGHTS)[0]
        if t not in tags:
            tags.append(t)
    author = AUTHORS[rng.randrange(len(AUTHORS))]
    summary = sentence(rng, rng.randint(18, 32))
    total = rng.randint(300, 900)
    paras = rng.randint(3, 6)
    sizes = [total // paras] * paras
    sizes[-1] += total - sum(sizes)
    blocks = []
    for p, size in enumerate(sizes):
        if p > 0 and rng.random() < 0.3:
            blocks.append("## " + " ".join(rng.choice(NOUNS) for _ in range(rng.randint(2, 5))))
        blocks.append(paragraph(rng, size))
        if rng.random() < 0.15:
            blocks.append("\n".join("- " + " ".join(words(rng, rng.randint(3, 9)))
                                    for _ in range(rng.randint(3, 5))))
    return {
        "id": i,
        "title": title,
        "slug": slug_for(i, title, rng),
        "date": date.isoformat(),
        "category": category,
        "tags": tags,
        "author": author,
        "summary": summary,
        "body": "\n\n".join(blocks) + "\n",
    }


def yq(s):
    """YAML double-quoted scalar (valid YAML 1.2 for snakeyaml-engine and for Hugo's YAML parser)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def midad_article(a):
    return "\n".join([
        "---",
        "title: " + yq(a["title"]),
        "slug: " + yq(a["slug"]),
        "date: " + a["date"],
        "category: " + yq(a["category"]),
        "tags: [" + ", ".join(yq(t) for t in a["tags"]) + "]",
        "author: " + yq(a["author"]),
        "summary: " + yq(a["summary"]),
        "---",
        a["body"],
    ])


def hugo_article(a):
    return "\n".join([
        "---",
        "title: " + yq(a["title"]),
        "slug: " + yq(a["slug"]),
        "date: " + a["date"],
        "categories: [" + yq(a["category"]) + "]",
        "tags: [" + ", ".join(yq(t) for t in a["tags"]) + "]",
        "authors: [" + yq(a["author"]) + "]",
        "summary: " + yq(a["summary"]),
        "---",
        a["body"],
    ])


MIDAD_SITE_YAML = f"""# Generated by bench/generate.py: do not edit
title: {SITE_TITLE}
description: {SITE_DESCRIPTION}
base_url: {BASE_URL}
language: ar
direction: rtl
locale: ar-EG
time_zone: Asia/Riyadh
per_page: 10
feed_size: 20
author: فريق التحرير
copyright: © أخبار مداد
"""


# (a) Midad writing what the lean Hugo site writes: 20 a page numbered from the newest (Hugo's pages), RSS with
# summaries for the site and every term, sitemap, 404, no related articles, no Atom/JSON Feed, no search index,
# no social cards, no news sitemap.
MIDAD_LEAN_SITE_YAML = MIDAD_SITE_YAML.replace("per_page: 10", "per_page: 20\npagination: newest") + """related: 0
feeds:
  site: {formats: [rss], content: summary}
  category: {formats: [rss], content: summary}
  tag: {formats: [rss], content: summary}
  author: {formats: [rss], content: summary}
images: {cards: false}
outputs:
  - {name: search, enabled: false}
  - {name: news-sitemap, enabled: false}
  - {name: breaking, enabled: false}
  - {name: robots, enabled: false}
"""


def hugo_common(themes_dir, theme, paginate, robots):
    """What both Hugo sites share: site settings, language, taxonomies and addresses."""
    return f"""# Generated by bench/generate.py: do not edit
baseURL = "{BASE_URL}"
title = "{SITE_TITLE}"
languageCode = "ar"
defaultContentLanguage = "ar"
timeZone = "Asia/Riyadh"
theme = "{theme}"
themesDir = "{themes_dir}"
paginate = {paginate}
rssLimit = 20
enableRobotsTXT = {"true" if robots else "false"}
# Midad has no "posts" section page; everything else Hugo renders has a Midad counterpart
disableKinds = ["section"]

[params]
description = "{SITE_DESCRIPTION}"
author = "فريق التحرير"
copyright = "© أخبار مداد"

[languages.ar]
languageName = "العربية"
languageDirection = "rtl"
weight = 1

[taxonomies]
category = "categories"
tag = "tags"
author = "authors"

[permalinks]
posts = "/:year/:month/:slug/"
categories = "/category/:slug/"
tags = "/tag/:slug/"
authors = "/author/:slug/"
"""


def hugo_lean_toml(themes_dir):
    """An idiomatic lean Hugo site: Hugo's defaults (built-in RSS of .Summary for home, taxonomies and terms,
    built-in sitemap, built-in pagination), paginated by 20, RSS limited to 20 items as the docs suggest."""
    return hugo_common(themes_dir, "hugo-lean", 20, False)


def hugo_toml(themes_dir, n):
    related_cap = related_cardinality_threshold(n)
    return hugo_common(themes_dir, "hugo-theme", 10, True) + f"""
[mediaTypes."application/atom+xml"]
suffixes = ["xml"]
[mediaTypes."application/feed+json"]
suffixes = ["json"]

[outputFormats.RSS]
baseName = "rss"
[outputFormats.Atom]
mediaType = "application/atom+xml"
baseName = "atom"
rel = "alternate"
isPlainText = false
[outputFormats.JSONFeed]
mediaType = "application/feed+json"
baseName = "feed"
rel = "alternate"
isPlainText = true
[outputFormats.NewsSitemap]
mediaType = "application/xml"
baseName = "news-sitemap"
isPlainText = false
noUgly = true

# Midad's default feeds: RSS + Atom + JSON Feed with full content for the site and every category; RSS with
# summaries for tags and authors (content/tags/_index.md and content/authors/_index.md cascade outputs)
[outputs]
home = ["HTML", "RSS", "Atom", "JSONFeed", "NewsSitemap"]
page = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML", "RSS", "Atom", "JSONFeed"]

# Related articles: shared tags, as Midad (4 shown). Midad only looks at the newest 200 articles of each
# tag; the nearest Hugo has is cardinalityThreshold, which ignores tags used by more than that share of
# all articles ({related_cap}%, i.e. ~200 articles; 0 = off). Without it Hugo's .Related dominates its build
# time at N=10000 (see bench/README.md).
[related]
includeNewer = true
threshold = 1
toLower = false
[[related.indices]]
name = "tags"
weight = 100
cardinalityThreshold = {related_cap}

[sitemap]
changefreq = ""
priority = -1
"""


def related_cardinality_threshold(n):
    """Percentage of articles above which Hugo's related search ignores a tag: ~200 articles, Midad's scan."""
    if n <= 200:
        return 0
    return max(1, min(99, 100 * 200 // n))


HUGO_FEEDS_PAGE = """---
title: "كل الخلاصات"
url: /feeds/
layout: feeds
_build:
  list: never
nositemap: true
---
"""


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", help="output folder (replaced)")
    args = ap.parse_args(argv)

    out = os.path.abspath(args.out)
    if os.path.exists(out):
        shutil.rmtree(out)
    midad = os.path.join(out, "midad")
    hugo = os.path.join(out, "hugo")
    midad_lean = os.path.join(out, "midad-lean")
    hugo_lean = os.path.join(out, "hugo-lean")
    for folder in (midad, midad_lean):
        os.makedirs(os.path.join(folder, "articles"))
    for folder in (hugo, hugo_lean):
        os.makedirs(os.path.join(folder, "content", "posts"))

    with open(os.path.join(midad, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(MIDAD_SITE_YAML)
    with open(os.path.join(midad_lean, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(MIDAD_LEAN_SITE_YAML)
    with open(os.path.join(hugo, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(hugo_toml(BENCH_DIR, args.n))
    with open(os.path.join(hugo_lean, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write(hugo_lean_toml(BENCH_DIR))
    with open(os.path.join(hugo, "content", "feeds.md"), "w", encoding="utf-8") as f:
        f.write(HUGO_FEEDS_PAGE)
    for plural, title in (("categories", "الأقسام"), ("tags", "الوسوم"), ("authors", "الكتّاب")):
        for site, cascade in ((hugo, plural != "categories"), (hugo_lean, False)):
            os.makedirs(os.path.join(site, "content", plural))
            with open(os.path.join(site, "content", plural, "_index.md"), "w", encoding="utf-8") as f:
                f.write("---\ntitle: %s\n" % title)
                if cascade:  # Midad's default: tags and authors get RSS only
                    f.write("cascade:\n  outputs: [HTML, RSS]\n")
                f.write("---\n")

    words_total = 0
    for i in range(1, args.n + 1):
        a = article(i)
        words_total += len(a["body"].split())
        name = "%06d.md" % i
        text = midad_article(a)
        for site in (midad, midad_lean):
            folder = os.path.join(site, "articles", a["date"][0:4], a["date"][5:7])
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
        text = hugo_article(a)
        for site in (hugo, hugo_lean):
            with open(os.path.join(site, "content", "posts", name), "w", encoding="utf-8") as f:
                f.write(text)
    print("generated %d articles (%d words) in %s/{midad,hugo,midad-lean,hugo-lean}" % (args.n, words_total, out))


if __name__ == "__main__":
    main(sys.argv[1:])
