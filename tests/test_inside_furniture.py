"""Furniture inside the article's block (`comment-head`, `wiki-hatnote`, the back-to-top,
forum and shop labels of `ui-label`): the line goes, the article's sentences around it,
near misses included, stay. Invented pages, one per language."""

from __future__ import annotations

import pytest

from hzcorpus.clean import CleanOptions, clean_document
from hzcorpus.document import Document

#: Per language: the title, four paragraphs (the second and third are near misses of the
#: rows: "top", "main article", "posted", a number in front), the furniture lines put
#: between them by rule id, and a short thread of two posts under their heads.
PAGES = {
    "en": dict(
        title="The town hall gets a new roof",
        body=[
            "The council voted on Monday to replace the old roof of the town hall before winter.",
            "At the top of the list, the mayor said, is the main article of the budget: repairs.",
            "12. The builders says the work takes six weeks, the council wrote in its report.",
            "The roof will be made of slate from the same quarry as the one it replaces.",
        ],
        furniture={
            "wiki-hatnote": "Main article: History of the town hall",
            "ui-label": "^ back to top",
        },
        thread=[
            "1 posted on 12/20/2004 12:19:31 PM PST by Jim Lee",
            "What a good idea.",
            "2 posted on 12/20/2004 12:23:10 PM PST by Tom",
            "About time.",
        ],
    ),
    "de": dict(
        title="Das Rathaus bekommt ein neues Dach",
        body=[
            "Der Rat hat am Montag beschlossen, das alte Dach des Rathauses vor dem Winter zu "
            "ersetzen.",
            "Ganz oben auf der Liste steht, so der Bürgermeister, der Hauptartikel des Haushalts.",
            "3. Was sagt der Bauherr dazu: Die Arbeiten dauern sechs Wochen, schreibt der Rat.",
            "Das Dach wird aus Schiefer aus demselben Steinbruch gedeckt wie das alte.",
        ],
        furniture={
            "wiki-hatnote": "Hauptartikel: Geschichte des Rathauses",
            "ui-label": "Zum Seitenanfang",
        },
        thread=[
            "1 geschrieben am 3. März 2010 von Anna",
            "Eine gute Idee.",
            "2 geschrieben am 4. März 2010 von Klaus",
            "Endlich.",
        ],
    ),
    "es": dict(
        title="El ayuntamiento tendrá un tejado nuevo",
        body=[
            "El pleno votó el lunes sustituir el viejo tejado del ayuntamiento antes del invierno.",
            "En lo más alto de la lista, dijo el alcalde, está el artículo principal del "
            "presupuesto.",
            "Las obras durarán seis semanas, según dijo el pleno en su informe del lunes.",
            "El tejado será de pizarra de la misma cantera que el que sustituye.",
        ],
        furniture={
            "wiki-hatnote": "Artículo principal: Historia del ayuntamiento",
            "ui-label": "Subir",
        },
        thread=[
            "1 publicado el 3 de marzo de 2010 por Ana",
            "Una buena idea.",
            "2 publicado el 4 de marzo de 2010 por Pedro",
            "Ya era hora.",
        ],
    ),
    "fr": dict(
        title="La mairie aura un nouveau toit",
        body=[
            "Le conseil a voté lundi le remplacement du vieux toit de la mairie avant l'hiver.",
            "En haut de la liste, a dit le maire, se trouve l'article principal du budget.",
            "Les travaux dureront six semaines, écrit le conseil dans son rapport de lundi.",
            "Le toit sera en ardoise de la même carrière que celui qu'il remplace.",
        ],
        furniture={
            "wiki-hatnote": "Article détaillé : Histoire de la mairie",
            "ui-label": "Haut de page",
        },
        thread=[
            "1 posté le 3 mars 2010 par Marie",
            "Bonne idée.",
            "2 posté le 4 mars 2010 par Pierre",
            "Enfin.",
        ],
    ),
    "zh": dict(
        title="市政厅将换上新屋顶",
        body=[
            "市议会周一投票决定，在冬天到来之前更换市政厅的旧屋顶，工程将由本地公司承担。",
            "市长说，预算的主条目是维修，屋顶排在清单的最上面，其他项目都要往后排。",
            "3楼住宅的居民说，工程要持续六个星期，议会在报告中也写道了这一点。",
            "新屋顶将使用与旧屋顶同一个采石场的石板，颜色和原来的一样。",
        ],
        furniture={
            "wiki-hatnote": "主条目：市政厅的历史",
            "ui-label": "回到顶部",
        },
        thread=["1楼 网友小李说：", "好主意。", "2楼 小王写道：", "早该如此。"],
    ),
}


def page_lines(page: dict) -> list[str]:
    body, furniture = page["body"], list(page["furniture"].values())
    return [page["title"], body[0], furniture[0], body[1], body[2], furniture[1], body[3]]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_furniture_inside_the_article_goes_and_its_sentences_stay(lang):
    page = PAGES[lang]
    doc = clean_document(Document(source="page.txt", raw="\n".join(page_lines(page))))
    removed = {r.text: r.rule for r in doc.removed}
    for rule, line in page["furniture"].items():
        assert removed.get(line) == rule, (line, removed.get(line))
    for sentence in page["body"]:
        assert sentence in doc.text.split("\n"), sentence


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_comments_head_goes_and_the_comment_is_left_to_the_thread_rules(lang):
    page = PAGES[lang]
    lines = page_lines(page) + page["thread"]
    doc = clean_document(Document(source="page.txt", raw="\n".join(lines)))
    heads = page["thread"][::2]
    removed = {r.text: r.rule for r in doc.removed}
    for head in heads:  # a head with a date the date rows know is theirs ("date-meta")
        assert removed.get(head) in {"comment-head", "date-meta"}, (head, removed.get(head))
    assert lang != "en" or {removed[head] for head in heads} == {"comment-head"}
    kept = doc.text.split("\n")
    assert all(sentence in kept for sentence in page["body"])


def test_without_the_rows_the_same_lines_stay():
    """The rows, not some other pass, remove these lines."""
    from hzcorpus.boilerplate import LINE_RULES

    page = PAGES["en"]
    new = {"comment-head", "wiki-hatnote"}
    options = CleanOptions(rules=tuple(r for r in LINE_RULES if r.id not in new))
    doc = clean_document(Document(source="page.txt", raw="\n".join(page_lines(page))), options)
    assert page["furniture"]["wiki-hatnote"] in doc.text.split("\n")
