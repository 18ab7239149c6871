#!/usr/bin/env python3
"""Probe articles and the search query set, added to a synthetic site from bench/generate.py.

    python3 bench/search/probes.py SITE_DIR QUERIES_TSV

Each probe article carries a word in one written form (with a prefix, tashkeel, another hamza, a plural…)
that the synthetic vocabulary does not use; each query writes it another way a reader would type it, and
expects that article in the top 10. Output: SITE_DIR/articles/probe/*.md and QUERIES_TSV
(class<TAB>query<TAB>expected URL path). Deterministic.
"""
import os
import sys

FILLER = ("وقال المتحدث باسم الحكومة إن الاجتماع بحث التعاون بين الوزارات خلال الأسبوع المقبل. "
          "وأضاف أن المفاوضات مستمرة وأن النتائج ستعلن في بيان رسمي.")

# (class, sentence with the form as written in the article, [queries])
PROBES = [
    ("hamza/alef", "أعلنت إستونيا عن خطة جديدة للأمن السيبراني", ["استونيا", "أستونيا", "استونيا خطة"]),
    ("hamza/alef", "وصل فريق من الآثاريين إلى التل الأثري", ["الاثاريين", "آثاريين"]),
    ("hamza/alef", "بدأ إغلاق مصنع الأسمدة الكيماوية", ["اغلاق مصنع الاسمدة", "الاسمده"]),
    ("hamza/alef", "اعتمدت آلية تمويل للمزارع الصغيرة", ["الية تمويل", "ألية"]),
    ("tashkeel", "عرضت المكتبة المخطوطات النادرة للزوار", ["المَخْطُوطَات", "مَخطوطات النادرة"]),
    ("tashkeel", "توسعت المُسْتَوْطَنَةُ شرقَ التلال", ["المستوطنة", "مستوطنه"]),
    ("tashkeel", "زار الوفد مُحافَظةَ الجَنوب الساحلية", ["محافظة الجنوب", "مُحافظة"]),
    ("tatweel", "أقرت الجمـــهورية الفيدرالـية قانونا للضرائب", ["الفيدرالية", "الجمهورية الفيدرالية"]),
    ("tatweel", "رد الكرملين على مقترح الهدنة", ["الكـــرملين", "كرمـلين"]),
    ("teh marbuta", "أقرت الموازنة التكميلية للعام المقبل", ["التكميليه", "تكميليه", "التكميلية"]),
    ("teh marbuta", "افتتحت المفوضيه مكتبا في العاصمة", ["المفوضية", "مفوضية"]),
    ("teh marbuta", "قررت البلدية تجديد الحدائق", ["البلديه", "بلديه"]),
    ("alef maqsura", "انطلق الملتقى الاقتصادي في الميناء", ["الملتقي", "ملتقى"]),
    ("alef maqsura", "ناقش المنتدى مستقبل الصيد البحري", ["المنتدي", "منتدى"]),
    ("alef maqsura", "صرح المهندس مصطفي بأن الجسر آمن", ["مصطفى"]),
    ("prefixes و/ف/ل/ب", "والمستشارية أصدرت بيانا حول الحادث", ["المستشارية", "مستشارية"]),
    ("prefixes و/ف/ل/ب", "وأفرجت السلطات عن الصيادين", ["أفرجت", "افرجت السلطات"]),
    ("prefixes و/ف/ل/ب", "فأغلقت الشرطة الممرات الجبلية", ["أغلقت الممرات", "الممرات"]),
    ("prefixes و/ف/ل/ب", "قدم الوفد مقترحا لمجلس الشيوخ", ["مجلس الشيوخ", "الشيوخ"]),
    ("prefixes و/ف/ل/ب", "نقل الجرحى بالمستشفيات الميدانية", ["المستشفيات الميدانية", "مستشفيات"]),
    ("prefixes و/ف/ل/ب", "منحت الجائزة للمزارعات في الريف", ["المزارعات", "مزارعات"]),
    ("ال attached", "صوت الكونغرس على حزمة المساعدات", ["كونغرس"]),
    ("ال attached", "تأسست كونفدرالية النقابات عام جديد", ["الكونفدرالية", "والكونفدرالية"]),
    ("ال attached", "وصلت سفينة الأبحاث إلى القطب", ["السفينة", "قطب"]),
    ("sound plurals", "اجتمع المهندسون في نقابتهم", ["المهندسين", "مهندسون"]),
    ("sound plurals", "أضربت الممرضات عن العمل", ["ممرضات", "الممرضة"]),
    ("sound plurals", "شارك المبرمجين في المسابقة", ["المبرمجون", "مبرمج"]),
    ("broken plurals", "اجتمع القناصل في مقر الوزارة", ["القنصل", "قنصل"]),
    ("broken plurals", "أبحرت الأساطيل نحو المضيق", ["أسطول", "الأسطول"]),
    ("broken plurals", "تضررت الموانئ من العاصفة", ["ميناء", "الميناء"]),
    ("broken plurals", "استمعت المحكمة إلى الشهود", ["شاهد", "الشاهد"]),
    ("pronoun suffixes", "عين الرئيس مستشاريها الجدد", ["مستشار", "مستشارين"]),
    ("pronoun suffixes", "أعلنت بلديتهم خطة للنقل", ["بلدية", "البلدية خطة"]),
    ("pronoun suffixes", "وسعت النقابة عضويتها", ["عضوية", "العضوية"]),
    ("pronoun suffixes", "توقفت مصفاتها عن العمل", ["مصفاة", "المصفاة"]),
    ("digits", "وقعت الحادثة عام 1987 في الشمال", ["١٩٨٧", "۱۹۸۷"]),
    ("digits", "صدرت الشحنة بوزن ٣٤٥٦ طنا", ["3456", "٣٤٥٦"]),
    ("digits", "بلغ العدد ۷۸۹۰ شخصا", ["7890"]),
    ("latin", "تسلم سلاح الجو طائرات F-35 الجديدة", ["f35", "F-35", "f-35"]),
    ("latin", "أدرجت UNESCO الموقع على قائمتها", ["unesco", "Unesco"]),
    ("latin", "تراجعت إصابات COVID-19 هذا الشهر", ["covid-19", "COVID19"]),
    ("latin", "انعقدت قمة G20 في الخريف", ["g20", "G20"]),
]


def main(site, queries_tsv):
    folder = os.path.join(site, "articles", "probe")
    os.makedirs(folder, exist_ok=True)
    rows = []
    for n, (cls, sentence, queries) in enumerate(PROBES, 1):
        month = 1 + n % 12
        year = 2020 + n % 5
        slug = f"probe-{n:02d}"
        with open(os.path.join(folder, f"{slug}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: تقرير ميداني رقم {n}\ndate: {year}-{month:02d}-15T12:00:00+03:00\n"
                    f"category: تقارير\nslug: {slug}\n---\n{FILLER}\n\n{sentence}.\n\n{FILLER}\n")
        for q in queries:
            rows.append(f"{cls}\t{q}\t/{year}/{month:02d}/{slug}/")
    with open(queries_tsv, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
    print(f"{len(PROBES)} probe articles, {len(rows)} queries", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
