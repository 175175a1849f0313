"""Where the page-text cleaner ends the article (`clean._closes_article`): the short lines
right after the last paragraph that still belong to it (a blogger's sign-off ending in an
emoji, a wire service's bracketed credit, a sentence that introduces what follows), and
the page's furniture after them, which goes."""

from __future__ import annotations

import pytest

from hzcorpus.clean import CleanOptions, clean_document
from hzcorpus.document import Document


def kept(lines: list[str]) -> list[str]:
    """The lines the rules and passes keep (no line model: the passes are what is tested)."""
    doc = clean_document(
        Document(source="page.txt", raw="\n".join(lines)), CleanOptions(model=False)
    )
    return doc.text.split("\n")


#: Per language: a headline, the article's paragraphs, and a footer of short labels.
PAGES = {
    "en": (
        "Running through the winter",
        [
            "A year ago running in the dark and the rain was the last thing I wanted to do.",
            "Now it is the other way round, and I like it when the weather is wet and cold.",
            "The feeling of having faced the wind while most people stay at home is the best.",
        ],
        ["Home", "Archive", "Imprint"],
    ),
    "de": (
        "Laufen im Winter",
        [
            "Vor einem Jahr war das Laufen im Dunkeln und im Regen das Letzte, was ich wollte.",
            "Heute ist es genau andersherum, und ich mag es, wenn es draußen nass und kalt ist.",
            "Das Gefühl, dem Wind getrotzt zu haben, während die meisten zu Hause sind, ist gut.",
        ],
        ["Startseite", "Archiv", "Impressum"],
    ),
    "es": (
        "Correr en invierno",
        [
            "Hace un año correr en la oscuridad y bajo la lluvia era lo último que quería hacer.",
            "Ahora es al revés, y me gusta cuando el tiempo es húmedo y frío por la mañana.",
            "La sensación de haber vencido al viento mientras los demás están en casa es buena.",
        ],
        ["Inicio", "Archivo", "Aviso legal"],
    ),
    "fr": (
        "Courir en hiver",
        [
            "Il y a un an, courir dans le noir et sous la pluie était la dernière chose à faire.",
            "Aujourd'hui c'est le contraire, et j'aime quand il fait humide et froid dehors.",
            "Le sentiment d'avoir bravé le vent pendant que les autres restent chez eux est bon.",
        ],
        ["Accueil", "Archives", "Mentions légales"],
    ),
    "zh": (
        "冬天在黑暗中跑步的感受",
        [
            "一年前，在黑暗和雨中跑步是我最不想做的事情。",
            "现在正好相反，我喜欢外面又湿又冷的天气，早上出门跑一圈。",
            "在大多数人待在家里的时候迎着风跑步，这种感觉真的很好。",
        ],
        ["首页", "归档", "联系"],
    ),
}

#: Per language: a last line of the article whose sentence end is an emoji or emoticon.
SIGN_OFFS = {
    "en": "Have a lovely Sunday, all of you <3",
    "de": "Man fühlt sich danach wie ein Badass und das gefällt mir 😉",
    "es": "Nos vemos la semana que viene en el parque :)",
    "fr": "On se retrouve la semaine prochaine au parc 😊",
    "zh": "祝大家周末愉快😊",
}

#: Per language: a wire service's credit in brackets, on its own line.
CREDITS = {
    "en": "(Writing by Eva Roth; Editing by Tom Lee)",
    "de": "(Mit Material der Nachrichtenagenturen dpa und Reuters)",
    "es": "(Redacción de Eva Roth; edición de Tom Lee)",
    "fr": "(Rédaction Eva Roth ; édité par Tom Lee)",
    "zh": "（记者 罗博 萧海川）",
}

#: Per language: a sentence that introduces the list below it.
INTROS = {
    "en": "The things you will need for a run in the dark are:",
    "de": "Für einen Lauf im Dunkeln braucht man nur diese Dinge:",
    "es": "Para correr en la oscuridad se necesitan estas cosas:",
    "fr": "Pour courir dans le noir, il vous faut ces choses :",
    "zh": "在黑暗中跑步的时候，你需要准备以下这些东西：",
}


@pytest.mark.parametrize("lang", sorted(PAGES))
@pytest.mark.parametrize("closer", [SIGN_OFFS, CREDITS, INTROS], ids=["emoji", "credit", "intro"])
def test_a_closing_line_stays_and_the_footer_goes(lang, closer):
    title, body, footer = PAGES[lang]
    text = kept([*footer, title, *body, closer[lang], *footer])
    assert text == [*body, closer[lang]]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_footer_goes_without_a_closing_line(lang):
    title, body, footer = PAGES[lang]
    assert kept([*footer, title, *body, *footer]) == body


@pytest.mark.parametrize(
    "line",
    [
        "Follow",  # a label: too short to close the article
        "Photo (AP)",  # a bracketed tail after no sentence
        "More stories from the site",  # a label without a sentence end
        "Next: Running in the snow",  # a colon inside, no sentence that ends with it
    ],
)
def test_labels_after_the_article_still_go(line):
    title, body, footer = PAGES["en"]
    assert kept([title, *body, line, *footer]) == body
