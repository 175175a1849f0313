"""Invented news articles for tests and benchmarks: varied, several languages, deterministic.

`write_corpus(folder, n)` writes n articles, page-text dumps and HTML pages with the usual
boilerplate around them (menus, sign-up lines, bylines), each one different.
"""

from __future__ import annotations

import html
import random
from pathlib import Path

TEMPLATES: dict[str, list[str]] = {
    "en": [
        "The council of {city} approved a {adj} plan for {thing} on {day}.",
        "Residents of {city} said the new {thing} would change how they travel to work.",
        "Officials expect the {adj} project to cost more than planned, a spokesperson said.",
        "Critics argue that the {thing} in {city} was decided without enough public debate.",
        "Construction is due to start in {month}, and the first phase should end next year.",
        "Local businesses welcomed the decision, hoping for more visitors from {city}.",
    ],
    "de": [
        "Der Stadtrat von {city} hat am {day} einen {adj} Plan für {thing} beschlossen.",
        "Viele Bewohner von {city} sagen, dass sich ihr Weg zur Arbeit dadurch ändern wird.",
        "Die Verwaltung rechnet damit, dass das Projekt teurer wird als zunächst geplant.",
        "Kritiker bemängeln, dass die Entscheidung ohne öffentliche Debatte gefallen ist.",
        "Die Bauarbeiten sollen im {month} beginnen und im nächsten Jahr abgeschlossen sein.",
        "Die Händler in der Innenstadt hoffen auf mehr Besucher aus der ganzen Region.",
    ],
    "fr": [
        "Le conseil municipal de {city} a adopté {day} un plan {adj} pour {thing}.",
        "Les habitants de {city} estiment que ce projet va changer leurs trajets quotidiens.",
        "La mairie prévoit que les travaux coûteront plus cher que prévu, selon un porte-parole.",
        "Les opposants regrettent que la décision ait été prise sans véritable débat public.",
        "Le chantier doit commencer en {month} et la première phase s'achèvera l'an prochain.",
        "Les commerçants du centre-ville espèrent accueillir davantage de visiteurs.",
    ],
    "es": [
        "El ayuntamiento de {city} aprobó el {day} un plan {adj} para {thing}.",
        "Los vecinos de {city} creen que el proyecto cambiará su forma de ir al trabajo.",
        "Las autoridades esperan que la obra cueste más de lo previsto, según un portavoz.",
        "Los críticos lamentan que la decisión se tomara sin un debate público suficiente.",
        "Las obras comenzarán en {month} y la primera fase terminará el próximo año.",
        "Los comerciantes del centro confían en recibir más visitantes de toda la región.",
    ],
}
SLOTS: dict[str, list[str]] = {
    "city": ["Aachen", "Lyon", "Porto", "Leeds", "Graz", "Bilbao", "Gent", "Turku", "Brno"],
    "adj": ["ambitious", "modest", "costly", "green", "long-delayed", "controversial"],
    "thing": ["a tram line", "cycle lanes", "a new library", "flood barriers", "housing"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "month": ["March", "April", "May", "June", "September", "October"],
}
BOILERPLATE = [
    "Home | News | Sport | Weather",
    "Sign up for our newsletter",
    "Share this article",
    "Advertisement",
    "Read more",
]


def article(rng: random.Random, lang: str, number: int) -> tuple[str, list[str]]:
    """A title and 3 to 7 paragraphs of 2 to 4 sentences in `lang`; `number` makes it unique."""
    paragraphs = []
    for _ in range(rng.randint(3, 7)):
        sentences = [
            rng.choice(TEMPLATES[lang]).format(**{k: rng.choice(v) for k, v in SLOTS.items()})
            for _ in range(rng.randint(2, 4))
        ]
        paragraphs.append(" ".join(sentences))
    paragraphs[-1] += f" ({rng.choice(SLOTS['city'])}, {number})"
    title = rng.choice(TEMPLATES[lang]).format(**{k: rng.choice(v) for k, v in SLOTS.items()})
    return title.rstrip("."), paragraphs


def page_text(title: str, paragraphs: list[str], rng: random.Random) -> str:
    """A page-text dump: title, a menu line, the paragraphs, sign-up lines."""
    lines = [title, "", rng.choice(BOILERPLATE), ""]
    for p in paragraphs:
        lines += [p, ""]
    lines += rng.sample(BOILERPLATE, 2)
    return "\n".join(lines) + "\n"


def html_page(title: str, paragraphs: list[str], rng: random.Random) -> str:
    """An HTML page with navigation, the article and a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    nav = "".join(
        f"<li><a href='/{i}'>{html.escape(b)}</a></li>" for i, b in enumerate(BOILERPLATE)
    )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>\n"
        f"<nav><ul>{nav}</ul></nav>\n<article><h1>{html.escape(title)}</h1>\n{body}\n"
        f"</article>\n<footer>{html.escape(rng.choice(BOILERPLATE))}</footer></body></html>\n"
    )


def write_corpus(folder: Path, n: int, seed: int = 0, html_share: float = 0.3) -> list[Path]:
    """Write n distinct invented articles (page text or HTML) under `folder`; their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        lang = rng.choice(sorted(TEMPLATES))
        title, paragraphs = article(rng, lang, i)
        if rng.random() < html_share:
            path = folder / f"{i:06d}_{lang}.html"
            path.write_text(html_page(title, paragraphs, rng), encoding="utf-8")
        else:
            path = folder / f"{i:06d}_{lang}.txt"
            path.write_text(page_text(title, paragraphs, rng), encoding="utf-8")
        paths.append(path)
    return paths
