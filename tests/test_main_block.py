"""The page-text cleaner's choice of the article's block (`clean._main_block`): a comment
link in the article's head, and a choice that furniture outside the article does not move."""

from __future__ import annotations

import pytest

from hzcorpus.clean import CleanOptions, clean_document
from hzcorpus.document import Document


def clean(lines: list[str]) -> Document:
    return clean_document(Document(source="page.txt", raw="\n".join(lines)), CleanOptions())


#: Per language: a sidebar teaser (a headline, one sentence), a menu, the article's title,
#: byline and relative date, a comment link under them, the article, a footer's header and
#: a paragraph of the footer.
PAGES = {
    "en": dict(
        teaser=["Night shifts", "Why nurses on night shifts sleep badly and what helps them."],
        menu=["News", "Health", "Sport"],
        head=["New running shoe with a foam sole", "By Anna Berg", "4 months ago"],
        link="Write a comment",
        body=[
            "The new shoe from the sports brand comes with a light foam sole that makes it fast.",
            "The foam is made of small beads of plastic that give back much of the "
            "runner's energy.",
            "The design looks back to the running shoes of the eighties and I like it very much.",
            "Other highlights are the firm heel and the knitted upper that keeps the foot dry.",
        ],
        footer=[
            "Contact",
            "The site is run by a small team of nurses and doctors who write about health, "
            "sport and gadgets in their free time, and every article is read by two of them "
            "before it is published on the site.",
        ],
    ),
    "de": dict(
        teaser=["Nachtdienst", "Warum Pflegekräfte nach dem Nachtdienst so schlecht schlafen."],
        menu=["Nachrichten", "Gesundheit", "Sport"],
        head=["Neuer Laufschuh mit Schaumsohle", "Von Anna Weber", "vor 4 Monaten"],
        link="Schreib einen Kommentar",
        body=[
            "Der neue Schuh der Sportmarke kommt mit einer leichten Sohle aus "
            "Schaum, die ihn schnell macht.",
            "Der Schaum besteht aus kleinen Kugeln, die dem Läufer viel von seiner "
            "Energie zurückgeben.",
            "Das Design erinnert an die Laufschuhe der achtziger Jahre und gefällt mir sehr gut.",
            "Weitere Höhepunkte sind die feste Ferse und das gestrickte Obermaterial des Schuhs.",
        ],
        footer=[
            "Kontakt",
            "Die Seite wird von einem kleinen Team aus Pflegekräften und Ärzten betrieben, die in "
            "ihrer Freizeit über Gesundheit, Sport und Technik schreiben, und jeder Artikel wird "
            "von zwei von ihnen gelesen, bevor er erscheint.",
        ],
    ),
    "es": dict(
        teaser=[
            "Turnos de noche",
            "Por qué las enfermeras duermen mal después del turno de noche.",
        ],
        menu=["Noticias", "Salud", "Deportes"],
        head=["Nueva zapatilla con suela de espuma", "Por Ana García", "hace 2 horas"],
        link="Escribe un comentario",
        body=[
            "La nueva zapatilla de la marca deportiva llega con una suela ligera "
            "de espuma que la hace rápida.",
            "La espuma está hecha de pequeñas bolas que devuelven al corredor gran "
            "parte de su energía.",
            "El diseño recuerda a las zapatillas de los años ochenta y me gusta mucho.",
            "Otros puntos fuertes son el talón firme y la parte superior de punto "
            "que mantiene el pie seco.",
        ],
        footer=[
            "Contacto",
            "El sitio lo lleva un pequeño equipo de enfermeras y médicos que escriben sobre salud, "
            "deporte y tecnología en su tiempo libre, y cada artículo lo leen dos de ellos antes "
            "de que se publique en el sitio.",
        ],
    ),
    "fr": dict(
        teaser=["Travail de nuit", "Pourquoi les infirmières dorment mal après une garde de nuit."],
        menu=["Actualités", "Santé", "Sport"],
        head=["Une nouvelle chaussure de course", "Par Marie Dubois", "il y a 2 heures"],
        link="Laisser un commentaire",
        body=[
            "La nouvelle chaussure de la marque arrive avec une semelle légère en "
            "mousse qui la rend rapide.",
            "La mousse est faite de petites billes qui rendent au coureur une "
            "grande partie de son énergie.",
            "Le design rappelle les chaussures de course des années quatre-vingt "
            "et il me plaît beaucoup.",
            "Les autres points forts sont le talon ferme et le dessus tricoté qui "
            "garde le pied au sec.",
        ],
        footer=[
            "Nous contacter",
            "Le site est tenu par une petite équipe d'infirmières et de médecins qui écrivent sur "
            "la santé, le sport et la technique pendant leur temps libre, et chaque article est lu "
            "par deux d'entre eux avant sa publication.",
        ],
    ),
    "zh": dict(
        teaser=["夜班护士", "为什么护士在上完夜班以后总是睡不好，有哪些办法可以帮助他们呢？"],
        menu=["新闻", "健康", "体育"],
        head=["运动品牌推出新款泡沫底跑鞋", "作者：王丽", "2小时前"],
        link="发表评论",
        body=[
            "这个运动品牌的新款跑鞋采用了一种很轻的泡沫鞋底，让跑步的人可以跑得更快，也更加省力。",
            "这种泡沫是由许多小颗粒做成的，它们可以把跑步时的大部分能量还给跑步的人，所以很受欢迎。",
            "这双鞋的设计让人想起八十年代的跑鞋，我个人非常喜欢这种复古的样子，也觉得它很好看。",
            "另外，它的鞋跟很结实，鞋面是用针织材料做的，可以让脚在跑步的时候一直保持干爽和舒适。",
        ],
        footer=[
            "联系我们",
            "本站由一个由护士和医生组成的小团队在业余时间运营，他们在这里写关于健康、运动和科技的文章，"
            "每一篇文章在发表之前都会由其中的两个人仔细阅读和修改，以保证内容的准确和可靠。",
        ],
    ),
}


def _page(lang: str, footer: bool = True) -> list[str]:
    page = PAGES[lang]
    lines = [*page["teaser"], *page["menu"], *page["head"], page["link"], *page["body"]]
    return [*lines, *page["footer"]] if footer else lines


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_comment_link_under_the_byline_opens_the_article_not_a_thread(lang):
    # the link is a comment header, but it stands in the article's head (under the date,
    # the article's paragraphs at once below it): the block it opens is the article's and
    # weighs in full, so the sidebar's teaser above does not win over it
    doc = clean(_page(lang, footer=False))
    assert doc.paragraphs == PAGES[lang]["body"]
    assert PAGES[lang]["teaser"][1] not in doc.text


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_footer_paragraph_does_not_move_the_article(lang):
    # the article is the same with the footer's paragraph and without it (once, the
    # footer's paragraph set the bar the blocks were held to)
    with_footer, without = clean(_page(lang)), clean(_page(lang, footer=False))
    assert with_footer.paragraphs == without.paragraphs == PAGES[lang]["body"]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_thread_under_the_post_still_weighs_a_quarter(lang):
    # below a post, its date line follows the post's last paragraph: the comment header
    # under it heads the thread, which does not outweigh the short post above
    page = PAGES[lang]
    post = page["body"][:2]
    thread = [f"{n}. {line}" for n in range(1, 4) for line in page["body"]]
    doc = clean([page["head"][0], *post, page["head"][2], page["link"], *thread])
    assert doc.paragraphs == post


def test_a_comment_link_over_a_form_still_heads_a_thread():
    # under a date line with no prose just above, but what follows speaks of comments (a
    # form's notes): the header heads a thread, and the post above it stays the article
    page = PAGES["en"]
    notes = [
        "Your comment will appear on the page once a moderator has read it, within a day.",
        "Please keep your comments friendly and on the topic of the article above.",
        "Comments that attack other readers or the authors will be removed without notice.",
        "We read every comment, and we answer the questions about the article when we can.",
    ]
    post = page["body"][:1]
    doc = clean([page["head"][0], *post, *page["menu"], page["head"][2], page["link"], *notes])
    assert doc.paragraphs == post
