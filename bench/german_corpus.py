"""A deterministic corpus of 20 German news articles for `bench/translate.py`.

Sentences are written by hand as templates over eight topics, from two words to about
fifty; slots (places, people, numbers, days) are filled from a seeded random generator so
that sentences rarely repeat (a repeated sentence is translated once by hzcorpus, which
would flatter it). `articles()` returns the same 20 texts, one paragraph per line, on every
run; `python bench/german_corpus.py` prints them.
"""

from __future__ import annotations

import random

CITIES = ["Hamburg", "Leipzig", "Köln", "Freiburg", "Kassel", "Rostock", "Augsburg", "Bremen"]
PEOPLE = ["Anna Becker", "Jonas Wolf", "Miriam Schulz", "Stefan Lange", "Elif Kaya", "Paul Richter"]
COMPANIES = ["Nordwerk", "Solaris AG", "Brückner & Sohn", "Datenhafen", "Kranich Logistik"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
MONTHS = ["Januar", "März", "Mai", "Juli", "September", "November"]

TOPICS: dict[str, list[str]] = {
    "Kommunalpolitik": [
        "Der Stadtrat von {city} hat am {day} über den Haushalt beraten.",
        "Nach Angaben der Verwaltung fehlen im kommenden Jahr rund {num} Millionen Euro, weil "
        "die Einnahmen aus der Gewerbesteuer gesunken sind und gleichzeitig die Ausgaben für "
        "Personal, Energie und den Unterhalt der Schulen deutlich steigen.",
        "Bürgermeisterin {person} verteidigte den Entwurf.",
        "Die Opposition in {city} sprach am {day} von einem Haushalt ohne Ideen.",
        "Besonders umstritten ist der Plan, die Öffnungszeiten der {num} Bibliotheken zu "
        "verkürzen.",
        "Eine Entscheidung soll im {month} fallen.",
        "Mehr als {num} Bürgerinnen und Bürger hatten vorab Vorschläge eingereicht, von neuen "
        "Radwegen über längere Öffnungszeiten der Schwimmbäder bis zu mehr Personal für das "
        "Ordnungsamt.",
        "Warum das schon {num} Tage dauert, konnte {person} nicht erklären.",
    ],
    "Wetter": [
        "Ein Gewitter hat am {day}abend in {city} mehrere Bäume entwurzelt.",
        "Die Feuerwehr rückte zu {num} Einsätzen aus.",
        "Verletzt wurde nach Angaben der Polizei in {city} niemand.",
        "Auf der Bundesstraße kam es zu langen Staus, weil ein umgestürzter Baum beide "
        "Fahrspuren blockierte und erst nach mehreren Stunden entfernt werden konnte.",
        "Der Wetterdienst warnt vor weiteren Unwettern bis {day}.",
        "In den Bergen fielen innerhalb einer Stunde bis zu {num} Liter Regen pro Quadratmeter.",
        "Für das Wochenende sind Temperaturen um {num} Grad vorhergesagt.",
        "Landwirte um {city} hoffen dagegen auf mehr Regen, denn die Böden sind nach dem trockenen "
        "Frühjahr vielerorts noch immer zu trocken für eine gute Ernte.",
    ],
    "Wirtschaft": [
        "Der Maschinenbauer {company} hat im dritten Quartal mehr verdient als erwartet.",
        "Der Umsatz stieg um {num} Prozent, der Gewinn um {num2} Prozent.",
        "Vorstandschef {person} sprach von einem schwierigen Umfeld.",
        "Vor allem das Geschäft in Asien habe sich seit {month} gut entwickelt, während die "
        "Nachfrage in Europa wegen der hohen Energiepreise und der schwachen Bauwirtschaft "
        "weiter zurückgegangen sei.",
        "Die Aktie legte am {day} zeitweise deutlich zu.",
        "Im {month} will das Unternehmen {num} neue Stellen in {city} schaffen.",
        "Die Gewerkschaft begrüßte die Pläne, forderte aber feste Zusagen für die {num} "
        "bestehenden Arbeitsplätze.",
        "Analysten in {city} bleiben vorsichtig und erwarten für {month} kaum Wachstum.",
    ],
    "Sport": [
        "Der Aufsteiger aus {city} hat sein Heimspiel mit {num} zu eins gewonnen.",
        "Nach einer schwachen ersten Halbzeit drehte die Mannschaft das Spiel in der {num}. "
        "Minute.",
        "Trainer {person} lobte die Moral seiner Spieler.",
        "Das entscheidende Tor fiel in der {num}. Minute, als der eingewechselte Stürmer einen "
        "abgefälschten Schuss aus kurzer Distanz über die Linie drückte und das Stadion in "
        "Jubel ausbrach.",
        "Mehr als {num} Zuschauer waren gekommen.",
        "Am {day} geht es auswärts weiter.",
        "Sorgen macht die Verletzung des Kapitäns, der seit {month} {num} Tore erzielt hat.",
        "Ob er bis {day} zurückkehrt, ist offen.",
    ],
    "Wissenschaft": [
        "Forscher der Universität {city} haben ein neues Verfahren zur Speicherung von Wärme "
        "entwickelt.",
        "Das Material kann Energie über {num} Tage hinweg fast ohne Verluste aufbewahren.",
        "Projektleiterin {person} spricht von einem wichtigen Schritt.",
        "Bis zu einer Anwendung in Wohnhäusern könnten allerdings noch {num2} Jahre vergehen, "
        "weil die Herstellung bisher teuer ist und die Langzeitstabilität im Alltag erst noch "
        "nachgewiesen werden muss.",
        "Die Studie erschien am {day} im Fachjournal der Gesellschaft für Physik in {city}.",
        "An dem Projekt waren {num} Institute beteiligt.",
        "Kritiker wie {person} bezweifeln die Zahlen.",
        "Die Arbeitsgruppe will ihre Daten im {month} vollständig veröffentlichen.",
    ],
    "Kultur": [
        "Das Theater in {city} eröffnet die neue Spielzeit im {month} mit einem Klassiker.",
        "Regisseurin {person} verlegt die Handlung in die Gegenwart.",
        "Die Premiere am {day} war seit Wochen ausverkauft.",
        "Das Publikum feierte die Schauspieler mit {num} Sekunden Applaus, doch einige Kritiker "
        "fanden die Inszenierung zu laut, zu lang und an manchen Stellen schlicht beliebig.",
        "Karten gibt es ab {num} Euro.",
        "Im {month} folgt ein Gastspiel aus Polen.",
        "Das Haus wird seit {num} Jahren renoviert.",
        "Ein Ende ist nach Auskunft von {person} nicht in Sicht.",
    ],
    "Verkehr": [
        "Die Bahn baut ab {day} die Strecke zwischen {city} und dem Flughafen aus.",
        "Bis zum {month} fahren Ersatzbusse.",
        "Pendler müssen mit {num} Minuten längerer Fahrzeit rechnen.",
        "Ein Sprecher sagte am {day}, man habe die Bauarbeiten bewusst in die "
        "Ferienzeit gelegt, weil dann deutlich weniger Menschen mit dem Zug zur Arbeit oder zur "
        "Schule fahren.",
        "Der Fahrgastverband in {city} ist trotzdem unzufrieden.",
        "Er fordert mehr Informationen an den {num} Bahnsteigen.",
        "Nach dem Umbau sollen die Züge alle {num} Minuten fahren.",
        "Ob das bis {month} gelingt, hängt auch vom Personal ab, sagt {person}.",
    ],
    "Gesundheit": [
        "Die Kliniken in {city} suchen dringend Pflegekräfte.",
        "Derzeit sind rund {num} Stellen unbesetzt.",
        "Klinikdirektor {person} warnt vor Engpässen im Winter.",
        "Um {num} neue Mitarbeiter zu gewinnen, bietet das Krankenhaus Wohnungen, flexible "
        "Arbeitszeiten und eine Prämie an, die nach einem Jahr im Betrieb ausgezahlt wird.",
        "Die Gewerkschaft in {city} hält das für zu wenig.",
        "Am {day} ist eine Informationsveranstaltung geplant.",
        "Auch Quereinsteiger sind willkommen, {num} haben sich schon gemeldet.",
        "Die Ausbildung dauert drei Jahre und beginnt jeweils im {month}.",
    ],
}


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        city=rng.choice(CITIES),
        person=rng.choice(PEOPLE),
        company=rng.choice(COMPANIES),
        day=rng.choice(DAYS),
        month=rng.choice(MONTHS),
        num=rng.randint(2, 950),
        num2=rng.randint(2, 40),
    )


def articles(n: int = 20, seed: int = 2024) -> list[str]:
    """`n` German articles: each 6 to 10 paragraphs of 1 to 4 sentences from two topics."""
    rng = random.Random(seed)
    topics = sorted(TOPICS)
    texts = []
    for _ in range(n):
        pool = TOPICS[rng.choice(topics)] + TOPICS[rng.choice(topics)]
        paragraphs = []
        for _ in range(rng.randint(6, 10)):
            sentences = [_fill(rng.choice(pool), rng) for _ in range(rng.randint(1, 4))]
            paragraphs.append(" ".join(sentences))
        texts.append("\n".join(paragraphs))
    return texts


if __name__ == "__main__":
    for i, text in enumerate(articles()):
        print(f"# article {i}\n{text}\n")
