"""The redaction rule table: where a censor cut a number, a date or a name out of a sentence.

Each row is a `Rule` (see `hzcorpus.rules`) whose `kind` is one of `FLAG_KINDS` and whose
`score` is the confidence of a hit. A pattern may hold one named group `mark`: the flagged
span is that group (the gap and the characters that betray it, e.g. the bare `%` of
"accounts for % of"); without it the whole match is flagged. Patterns use lookarounds for
context so that the span stays short. `match` examples must fire, `no_match` examples
(intact numbers, format strings, idioms, citation marks ...) must not; the tests run them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .redaction_lexicons import alternation, words
from .rules import Rule


@dataclass(frozen=True)
class RedactionRule(Rule):
    """A `Rule` with `needs`: lowercase strings one of which a text must contain (after
    `prefilter_text`: lower case, whitespace as spaces, one space added at each end, so
    that " x " also finds an "X" that starts the text) for the rule to fire, so that a
    scanner can skip the rule cheaply; empty means always run. The tests check that every
    example and gold hit honours it.
    """

    needs: tuple[str, ...] = ()

    def may_fire(self, lowered: str) -> bool:
        """Whether the rule can fire on a text whose `prefilter_text` is `lowered`."""
        return not self.needs or any(need in lowered for need in self.needs)


_WHITESPACE = re.compile(r"\s")


def prefilter_text(text: str) -> str:
    """What `RedactionRule.needs` are looked for in: `text` lower-cased, every whitespace
    character a space (a pattern's `\\s` or `\\b` may stand where a need has a space), and a
    space at each end."""
    lowered = text.lower()
    if not lowered.isprintable():  # a tab, a newline, a no-break space...
        # newlines and tabs by plain replacement (an article's lines: the regex pass cost a
        # tenth of flagging a 40-sentence article), the rarer kinds of whitespace by `\s`
        lowered = lowered.replace("\n", " ").replace("\t", " ")
        if not lowered.isprintable():
            lowered = _WHITESPACE.sub(" ", lowered)
    return f" {lowered} "


# --- shared vocabulary ---------------------------------------------------------------------


def _after(*words: str) -> str:
    """Lookbehinds for one of `words` and one or two spaces: a hit can then start at the
    word after them, whose first character the scanner looks for (`Rule.first_char`)."""
    behind = (rf"(?<=\b{re.escape(word)}{gap})" for word in words for gap in (" ", "  "))
    return "(?:" + "|".join(behind) + ")"


# Time, measure and money units that need a number in front of them.
_TIME_UNITS_EN = r"(?:minutes?|hours?|seconds?|days?|weeks?|months?|years?|decades?)"
_MEASURE_UNITS_EN = (
    r"(?:km|kilomet(?:er|re)s?"
    r"|met(?:er|re)s?|miles?|kg|kilograms?|tons?|tonnes?|percent|per cent|percentage points?"
    r"|yuan|RMB|dollars?|euros?|pounds?|million|billion|trillion|thousand|hundred"
    r"|square (?:meters|metres|kilometers|kilometres))"
)
_UNITS_EN = rf"(?:{_TIME_UNITS_EN}|{_MEASURE_UNITS_EN})"
_UNITS_DE = (
    r"(?:Minuten|Stunden|Sekunden|Tagen?|Wochen|Monaten?|Jahren?|Jahrzehnten?|Kilometern?|km"
    r"|Metern?|Kilogramm|kg|Tonnen|Euro|Dollar|Franken|Yuan|Millionen|Milliarden|Mio|Mrd"
    r"|Tausend|Prozent|Prozentpunkten?|Quadratmetern?)"
)
_CJK = r"\u3400-\u9fff"
#: words that a clock time follows ('set for 10:30', 'It was 10:30 when')
_BEFORE_CLOCK_EN = (
    *("at", "by", "until", "till", "around", "about", "before", "after", "from", "for"),
    *("is", "was"),
)
#: German approximation words that never stand before a noun without a number ('etwa' and
#: 'insgesamt' do: 'wie etwa Berlin', 'insgesamt Gutes')
_STRICT_QUANTIFIERS_DE_WORDS = (
    *("rund", "circa", "ca.", "knapp", "nahezu", "annähernd", "beinahe", "mindestens"),
    *("höchstens", "rd."),
)
_STRICT_QUANTIFIERS_DE = (
    "(?:"
    + "|".join(
        f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" if w[0].isalpha() else re.escape(w)
        for w in _STRICT_QUANTIFIERS_DE_WORDS
    )
    + ")"
)
_STRICT_QUANTIFIERS_DE_NEEDS = tuple(f"{w} " for w in _STRICT_QUANTIFIERS_DE_WORDS)
#: measures in the dative plural that 'von' takes only with a number ('eine Höhe von 3 Metern')
_MEASURES_AFTER_VON_DE = (
    *("Metern", "Millimetern", "Zentimetern", "Kilometern", "Litern", "Tonnen", "Grad"),
    *("Kilogramm", "Quadratmetern", "Kubikmetern", "Kilowattstunden", "Megawatt"),
)
#: spans of time in the plural that 'fast', 'gut' and 'bis' take only with a number
_SPANS_DE = ("Jahre", "Jahren", "Monate", "Monaten", "Wochen", "Tage", "Tagen", "Stunden")
#: units that close a range whose upper end was cut ('von 15 bis Grad', 'zwischen 8 und Euro')
_RANGE_ENDS_DE = (
    *("Euro", "Prozent", "Grad", "Tonnen", "Meter", "Metern", "Jahre", "Jahren"),
    *("Millionen", "Milliarden"),
)
#: abbreviated units that stand only after a number ('20 mins', '5 lbs', '800 bpd')
_ABBREVIATED_UNITS_EN = (
    *("mins", "hrs", "yrs", "lbs", "kgs", "kms", "km", "kg", "mph", "kph", "cm", "mm", "ml"),
    *("oz", "ft", "bpd", "kWh", "MWh", "GHz", "MHz", "psi", "psu"),
)
#: words after which such a unit stands without a number ('per km', 'in cm', 'half a cm')
_NOT_BEFORE_ABBREVIATED_UNIT_EN = (
    *("per", "in", "In", "of", "the", "a", "on", "at", "square", "cubic", "x", "xx", "X"),
    "XX",
)
_MONTHS_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_MONTHS_DE = (
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
)
_MONTH_EN = alternation("months", langs=("en",))
#: English month names written out (an abbreviation's dot would read as a full stop)
_MONTHS_FULL_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_MONTH_DE = alternation("months", langs=("de",))
#: placeholders for a number that are words ('XX', 'x'), not bracketed ('[Zahl]')
_WORD_PLACEHOLDERS_DE = tuple(w for w in words("number_placeholders", langs=("de",)) if w.isalpha())
_WORD_PLACEHOLDERS_EN = tuple(w for w in words("number_placeholders", langs=("en",)) if w.isalpha())
#: German number words that can stand for an amount ('zwei Euro pro Stück')
_NUMBER_WORDS_DE_LIST = words("number_words", "magnitudes", langs=("de",))
_NUMBER_WORDS_DE = "(?:" + "|".join(map(re.escape, _NUMBER_WORDS_DE_LIST)) + ")"
#: what follows an amount of money per time or head ('Euro pro Person', 'Euro monatlich')
_RATES_DE = ("pro", "je", "monatlich", "jährlich", "netto", "brutto", "im Monat", "im Jahr")
#: the words between the two numbers of a range ('3 to 5 hours', '10 bis 20 Euro')
_RANGE_WORDS_EN_DE = ("to", "or", "-", "–", "bis", "oder")
#: words before a currency that are (or take the place of) an amount: 'zwei Euro', 'jeden Euro'
_NOT_AMOUNTS_DE = (
    *("in", "im", "jeden", "jede", "jeder", "je", "pro", "ein", "einen", "eine", "einem"),
    *("paar", "wenige", "einige", "mehrere", "viele", "zig", "halbe", "halben", "Dutzend"),
    *_NUMBER_WORDS_DE_LIST,
)
#: prepositions that take a year or a count, and finite verbs that never follow one directly
_YEAR_PREPOSITIONS_DE = ("seit", "bis", "ab", "von", "vor", "für")
_FINITE_VERBS_DE = (
    *("ist", "war", "sind", "waren", "wird", "wurde", "wurden", "werden", "hat", "hatte"),
    *("haben", "hatten", "kann", "konnte", "konnten", "soll", "sollen", "sollte", "sollten"),
    *("will", "wollen", "muss", "musste", "müssen", "mussten", "würde", "würden", "gab"),
    *("gibt", "blieb", "bleibt", "darf", "dürfen"),
)
#: finite verbs that are also the stems of verbs with 'vor' or 'ab' ('vor liegt', 'ab steht'):
#: tried only after 'seit', 'bis', 'von' and 'für'
_STEM_VERBS_DE = (
    *("gilt", "galt", "fand", "findet", "kam", "kommt", "liegt", "lag", "steht", "stand"),
    *("hielt", "hält", "rät", "riet"),
)
#: words that cannot start what 'seit' governs (it takes a dative or a clause)
_NOT_AFTER_SEIT_DE = ("im", "in", "mit", "eine", "u.a.", "und", "sowie", "bei")
#: words before 'Prozent' that are (or ask for) an amount: 'zehn Prozent', 'wie viel Prozent'
_NOT_PERCENT_AMOUNTS_DE = (*_NOT_AMOUNTS_DE, "viel", "wieviel", *_WORD_PLACEHOLDERS_DE)
#: units that the separators of a cut number ('(.. Euro)') or a range's dash ('10- Cent') stay
#: before
_SEPARATOR_UNITS_DE = ("Euro", "EUR", "€", "Dollar", "Franken", "Prozent", "Mio.", "Mrd.")
_DASH_UNITS_DE = (
    *("Cent", "Euro", "Dollar", "Franken", "Prozent", "Uhr", "Grad", "Meter", "Kilometer"),
    *("Minuten", "Stunden", "Jahre", "Jahren", "Tage", "Tagen"),
)
#: German adverbs of time (and 'Ende', 'Anfang', 'Mitte') that a year or count follows: 'schon X'
_BEFORE_X_DE = ("schon", "bereits", "erst", "zunächst", "Ende", "Anfang", "Mitte", "einschließlich")
#: words before 'percent of' that are (or ask for) an amount: 'ten percent of', 'what percent of'
_NOT_PERCENT_AMOUNTS_EN = (
    *("what", "What", "which", "the", "The", "a", "per", "high", "low", "small", "large"),
    *("higher", "lower", "few", "several", "many", "some", "top", "bottom"),
    *_WORD_PLACEHOLDERS_EN,
    *words("number_words", langs=("en",)),
)
#: what a parenthesis may open with when its number was cut: '( Sitze)', '( Prozent)'
_PAREN_COUNTS_DE = (
    "Prozent",
    "Sitze",
    "Stimmen",
    *words("time_units", "measure_units", "count_nouns", "currency_words", langs=("de",)),
)
_UNIT_WORD_DE_EN = alternation(
    "measure_units", "currency_words", "magnitudes", "time_units", langs=("de", "en")
)
_WEEKDAY_EN = alternation("weekdays", langs=("en",))
_COUNTED_EN = alternation(
    "time_units", "measure_units", "count_nouns", "magnitudes", "currency_words", langs=("en",)
)
_COUNTED_DE = alternation(
    "time_units", "measure_units", "count_nouns", "magnitudes", "currency_words", langs=("de",)
)
_COUNTED_ZH = (
    alternation("time_units", "count_nouns", "currency_words", langs=("zh",))[:-1]
    + "|"
    + "|".join(w for w in words("measure_units", langs=("zh",)) if len(w) > 1)
    + ")"
)
_MEASURE_EN = alternation("measure_units", "magnitudes", "currency_words", langs=("en",))
_MEASURE_DE = alternation("measure_units", "magnitudes", "currency_words", langs=("de",))
_QUANTIFIER_ZH = alternation("quantifiers", langs=("zh",))
# labels that anonymisers put in place of a name: [PERSON4], #NAME#, <ORG>, (LOC2)
_ANON_LABELS = (
    r"(?:PERSON|PER|PERS|NAME|FIRST_?NAME|LAST_?NAME|SURNAME|FULL_?NAME|USER|USERNAME|ORG"
    r"|ORGANI[SZ]ATION|COMPANY|LOC|LOCATION|GPE|CITY|COUNTRY|ADDRESS|STREET|EMAIL|PHONE"
    r"|PHONE_?NUMBER|URL|DATE|NUMBER|REDACTED|REMOVED|CENSORED|ANON|ANONYMI[SZ]ED|MASK"
    r"|PATIENT|DOCTOR|HOSPITAL|MISC|NORP)"
)
_PLACEHOLDER_WORDS = (
    r"(?:date|day|month|year|time|name|first name|last name|full name|company|company name"
    r"|organi[sz]ation|firm|person|city|place|location|country|number|num|amount|sum|figure"
    r"|value|count|percent|percentage|price|source|redacted|removed|deleted|withheld|censored"
    r"|Datum|Tag|Monat|Jahr|Vorname|Nachname|Firma|Unternehmen|Ort|Stadt|Zahl|Anzahl|Betrag"
    r"|Summe|Wert|Preis|Quelle|geschwärzt|entfernt|日期|时间|時間|年份|月份|姓名|名字|名称|名稱"
    r"|公司|公司名称|公司名稱|地点|地點|城市|数字|數字|数量|數量|金额|金額|数值|數值|比例|来源|來源"
    r"|已删除|已刪除|删除|刪除)"
)

MISSING_NUMBER = (
    RedactionRule(
        id="percent-sign-without-number",
        needs=("%", "％"),
        reason="a percent sign with no number before it: the figure was cut out",
        pattern=(
            # not after a digit (optionally one space), a mask (XX%), a bracket that opens or
            # closes a placeholder ("[number]%": one cut, flagged as the placeholder) or a
            # unit label ("in %"); not a format string (%s, %-10d, %(name)s), not %% or a URL
            # escape (%20), not a unit label closed by a bracket ("(%)", "[%]"), not German
            # "Vol.-%" / "Gew.-%", not the sign named as such ("the % sign")
            r"(?<![\d０-９%Xx×*#＊(\[\]（½¼¾])(?<![\d０-９][ \u00a0\u202f\u2009])(?<!\bin )"
            r"(?<!Vol\.-)(?<!Gew\.-)(?<!Mol\.-)(?<!Vol-)(?<![Tt]ype )(?<![Ee]nter )"
            r"(?P<mark>[%％])(?!%)(?!-?\d*(?:\.\d+)?[A-Za-z]\b)(?!\(\w+\)[a-z])"
            r"(?![0-9A-Fa-f]{2})(?!\s*[)\]）])(?!\s*(?:sign|symbol|character|Zeichen|号))"
        ),
        kind="missing-number",
        score=0.9,
        flags=0,
        match=(
            "Beijing accounts for % of the nation's talent",
            "increased by more than % over the past month",
            "Der Umsatz stieg um % auf",
            "北京占%，排名第一",
            "一季度同比增长％。",
            "um %-Punkte gesunken",
        ),
        no_match=(
            "accounts for 40% of",
            "a rise of 5,5 % in the year",
            "um 3 %-Punkte gesunken",
            "占25%",
            "printf('%s has %d items', name, n)",
            "'%-10s|%5.2f'",
            "im Format %d.%m.%Y gespeichert",
            "https://example.com/a%20b",
            "100% sure",
            "Angaben in %",
            "Anteil (%)",
            "XX% of users",
            "a turnout rate of [NUMBER]%.",
            "13 Vol.-% Alkohol",
            "the % sign",
            "Users can type % in the search box",
        ),
    ),
    RedactionRule(
        id="decimal-point-without-digits",
        reason="a decimal point (or comma) before a percent or magnitude with no digits: "
        "'5.5%' cut to '.%'",
        pattern=(
            # the separator first, its left context after it: a search can skip to [.,]
            rf"(?P<mark>[.,](?<=[\s(（$€£¥:：{_CJK}][.,])(?<![\d%] [.,])\s?(?:[%％亿万]"
            r"|(?:percent|per cent|Prozent|million|billion|trillion|Millionen|Milliarden|Mio"
            rf"|Mrd|points|Punkte|Cent|Grad|degrees|{_UNITS_EN}|{_UNITS_DE})\b))"
        ),
        kind="missing-number",
        score=0.95,
        match=(
            "Hangzhou ranks second with .%, and Shenzhen",
            "Shenzhen only accounts for .%.",
            "die Quote lag bei , Prozent",
            "revenue of $. billion",
            "占比为.%",
            "The bridge, . kilometres long",
            "stieg auf , Cent",
        ),
        no_match=(
            "with 5.5%",
            "bei 3,2 Prozent",
            "end of the sentence. Percent signs",
            "...",
            "took about 25 , minutes",
        ),
    ),
    RedactionRule(
        id="currency-without-amount",
        needs=("$", "€", "£", "¥", "₩", "₹"),
        reason="a currency sign followed by a magnitude, punctuation or 'per'/'each' instead "
        "of an amount, or ending a line ('Current Salary: $', 'Ticket price was $ per ticket')",
        pattern=(
            r"(?<!\bin )(?<![(\w])(?<![\d.,] )"
            r"(?P<mark>(?:US|HK|A|C|NZ|S)?[$€£¥₩₹]\s?(?:(?:million|billion"
            r"|trillion|bn|mn|Mio|Mrd|Millionen|Milliarden)\b|[亿万])|(?:US|HK|A|C|NZ|S)?[$€£¥₩₹]"
            r"(?:[.,]?(?:m|bn|mn|k)\b|\.t\b|(?:b|t|K|M|mm)(?=\s+(?:[-–]\s|[a-z]))"
            r"|(?=\s?[,.;!?)+]|\s[-–](?:\s|$)|[ \t]*(?m:$)|\s\((?![$€£¥\d])"
            r"|\s(?:per|each|apiece|pro|je)\b)))"
        ),
        kind="missing-number",
        score=0.85,
        flags=0,
        match=(
            "raised $ billion from investors",
            "für € Millionen verkauft",
            "costs US$, which",
            "$m - Amount raised by the campaign",
            "$.m - Amount the EPA valued each life",
            "what needed to be fixed was only $!!",
            "$ - Amount allocated per person",
            "it turned out $).",
            "Current Salary: $",
            "the margin is $\nNext line",
            "Ticket price was $ per ticket.",
            "Eintritt: € pro Person",
            "$b - Estimated monthly cost of the mission",
            "raise the credit lines to $M for each party",
            "I am going to owe the IRS $+ despite",
            "The award comes with a $ (U.S.) grant.",
        ),
        no_match=(
            "$mkdir",
            "(in $)",
            "prices ($)",
            "raised $4 billion",
            "Preise in €",
            "the $ sign",
            "(in $)",
            "$HOME",
            "rund 600 €, womit",
            "prices in $",
            "Preis (€)\nMenge",
            "cost $40 per ticket",
            "sort { $a <=> $b } @list",
            "echo $M",
            "costs $5 (plus postage)",
            "in $ per capita terms",
        ),
    ),
    RedactionRule(
        id="approximation-without-number-en",
        needs=(
            "approx",
            "roughly",
            "nearly",
            "almost",
            "around",
            "about",
            "estimated",
            "total",
            "as many",
            "as much",
            "as few",
            "as little",
            "just over",
            "just under",
            "than",
            "up to",
            "at least",
            "at most",
            "average of",
        ),
        reason="an approximation word followed directly by a unit: 'approximately minutes' "
        "('about' and 'around' only before a measure: 'talking about decades' is English)",
        pattern=(
            r"\b(?P<mark>(?:approximately|approx\.|roughly|nearly|almost|an estimated"
            r"|estimated at|a total of|totall?ing|as many as|as much as|as few as|as little as"
            r"|just over|just under|more than|less than|fewer than|up to|at least|at most"
            rf"|an average of)\s+{_UNITS_EN}|(?:about|around)\s+{_MEASURE_UNITS_EN})\b(?!-)"
        ),
        kind="missing-number",
        score=0.85,
        match=(
            "estimated reading time approximately minutes.",
            "a total of square meters",
            "more than percent of users",
            "spent an average of hours",
            "the fund manages about billion yuan",
        ),
        no_match=(
            "approximately 12 minutes",
            "it is about time",
            "at least a decade",
            "more than a dozen pairs of shoes",
            "about a million",
            '"Now we are talking about decades," said the professor.',
            "Residents complained about months of delays.",
        ),
    ),
    RedactionRule(
        id="about-duration-without-number-en",
        needs=tuple(
            f"{word}{gap}{unit}"
            for word in ("about", "around", "over")
            for gap in (" ", "  ")
            for unit in ("minute", "hour", "second", "day", "week", "month", "year", "decade")
        ),
        reason="'about' or 'around' and a time unit after a word of duration, at the start of "
        "a sentence, or before 'ago', 'old', 'later', 'earlier', 'after', 'into': "
        "'takes about hours', 'around years ago', 'about days after school started', 'About "
        "seconds into his address'; 'for over years' ('about years away from home' is "
        "English)",
        pattern=(
            r"(?:(?:\b(?:takes?|took|taking|lasts?|lasted|lasting|for|within|spent|spends?"
            r"|spending)\s+|[:：]\s*)(?=(?:about|around)\s)"
            rf"|\b(?=(?:about|around)\s+{_TIME_UNITS_EN}\s+(?:ago|old|later|earlier|after"
            r"|before|into|long)\b)"
            rf"|(?:^|(?<=[.!?] ))(?=(?:About|Around)\s+{_TIME_UNITS_EN}\b))"
            rf"(?P<mark>(?:[Aa]bout|[Aa]round)\s+{_TIME_UNITS_EN})\b"
            + rf"|(?=over {{1,2}}{_TIME_UNITS_EN}\b)"
            + _after("for", "in", "within")
            + rf"(?P<mark2>over {{1,2}}{_TIME_UNITS_EN})\b"
        ),
        kind="missing-number",
        score=0.85,
        match=(
            "the trip takes about hours",
            "Average reading time: about minutes.",
            "The talks lasted around days.",
            "They waited for about weeks.",
            "Around years ago, the factory closed.",
            "a boy about years old",
            "the visa was issued about days after school started",
            "About seconds into his address, he stopped.",
            "It has been on display for over years.",
        ),
        no_match=(
            '"Now we are talking about decades," said the professor.',
            "a film about years of exile",
            "for about 3 hours",
            "It took about a year to build the plant.",
            "a book about years away from home",
            "About 20 minutes later",
            "for over 20 years",
            "it was over years ago",
        ),
    ),
    RedactionRule(
        id="approximation-without-count-en",
        needs=("approximately", "roughly", "nearly", "estimated", "total", "as many"),
        reason="a strict approximation word followed by a counted noun: 'nearly people'",
        pattern=(
            r"\b(?P<mark>(?:approximately|roughly|nearly|an estimated|a total of|as many as"
            r")\s+(?:people|employees|workers|companies|firms|users"
            r"|residents|visitors|households|vehicles|units|students|patients|cases|times))\b"
        ),
        kind="missing-number",
        score=0.6,
        match=("a total of employees were laid off", "nearly students signed"),
        no_match=("nearly 300 people", "machines matter more than people", "some of the people"),
    ),
    RedactionRule(
        id="change-without-number-en",
        needs=("percent", "per cent"),
        reason="a verb of change or a preposition followed by 'percent' with no figure",
        pattern=(
            r"\b(?P<mark>(?:by|of|to|from|than|about|around|nearly|over|only|just|at|with|for"
            r"|approximately|roughly|almost|rose|fell|grew|jumped|climbed|dropped|declined"
            r"|increased|decreased|gained|lost|up|down|slid|surged)\s+(?:percent|per cent"
            r"|percentage points?))\b"
        ),
        kind="missing-number",
        score=0.85,
        match=("shares rose percent on Monday", "a decline of percentage points", "up percent"),
        no_match=("shares rose 4 percent", "what percent of", "in percent", "the percent sign"),
    ),
    RedactionRule(
        id="approximation-without-number-de",
        needs=(
            "rund",
            "etwa",
            "ca.",
            "circa",
            "knapp",
            "nahezu",
            "beinahe",
            "annähernd",
            "insgesamt",
            "mehr als",
            "weniger als",
            "bis zu",
            "um die",
            "jeweils",
            "prozent",
        ),
        reason="ein Näherungswort direkt vor einer Einheit: 'rund Millionen Euro'",
        pattern=(
            r"\b(?P<mark>(?:rund|etwa|ca\.|circa|knapp|nahezu|beinahe|annähernd|insgesamt"
            rf"|mehr als|weniger als|bis zu|um die|jeweils)\s+{_UNITS_DE}"
            r"|(?:um|auf|von|bei|mit|zu|insgesamt|stieg|sank|fiel|wuchs|liegt|lag|beträgt|betrug)\s+"
            r"(?:Prozent|Prozentpunkten?))\b"
        ),
        kind="missing-number",
        score=0.8,
        match=(
            "Der Konzern investiert rund Millionen Euro",
            "Die Fahrt dauert etwa Minuten.",
            "Der Anteil stieg um Prozent",
            "lag bei Prozentpunkten",
            "Insgesamt Prozent der Stimmen",
        ),
        no_match=(
            "rund 20 Millionen Euro",
            "über Jahre hinweg",
            "Es geht um Minuten",
            "Angaben in Prozent",
            "von Millionen Menschen genutzt",
        ),
    ),
    RedactionRule(
        id="approximation-without-count-de",
        needs=("rund", "ca.", "circa", "knapp", "nahezu", "annähernd", "insgesamt"),
        reason="ein strenges Näherungswort direkt vor gezählten Dingen: 'rund Menschen'",
        pattern=(
            r"\b(?P<mark>(?:rund|ca\.|circa|knapp|nahezu|annähernd|insgesamt)\s+(?:Menschen"
            r"|Personen|Mitarbeiter(?:innen)?|Mitarbeitende|Beschäftigte|Einwohner|Besucher"
            r"|Haushalte|Unternehmen|Firmen|Fahrzeuge|Wohnungen|Stellen|Arbeitsplätze|Fälle"
            r"|Teilnehmer|Studierende|Schüler|Patienten|Passagiere|Kunden|Nutzer))\b"
        ),
        kind="missing-number",
        score=0.7,
        match=("nahmen rund Menschen teil", "beschäftigt knapp Mitarbeiter"),
        no_match=("rund 500 Menschen", "etwa Unternehmen aus Bayern", "rund um Menschen"),
    ),
    RedactionRule(
        id="label-without-value",
        needs=(":", "："),
        reason="a label's colon followed by punctuation instead of its value: 'Word count: ,'",
        pattern=r"(?<=[\w)\]])[ \t]*(?P<mark>[:：][ \t]*(?:[,，;；。]|\.(?=\s|$)))",
        kind="missing-number",
        score=0.85,
        match=(
            "Word count of this text: , estimated reading time",
            "Wortzahl: , Lesezeit",
            "本文字数：，阅读时间约分钟。",
            "Total population: .",
        ),
        no_match=("Word count: 1,200, estimated", "Note: the price", "at 9:30, the", "ratio 3:2."),
    ),
    RedactionRule(
        id="range-without-ends",
        needs=("from", "between", "von", "zwischen", "从", "由"),
        reason="a range whose two ends were cut: 'rose from to', 'zwischen und'",
        pattern=(
            r"\b(?P<mark>(?:from\s+to|between\s+and|von\s+bis(?!\s+zu\b)|von\s+auf(?!\s+(?:dem|der|den"
            r"|die|das|einem|einer)\b)|zwischen\s+und))\b(?!-)"
            r"|(?:从|由)(?P<mark2>(?:提高|增加|增长|上升|下降|降低|减少|增|降|升|跌)?(?:到|至))"
        ),
        kind="missing-number",
        score=0.85,
        match=(
            "the share rose from to over the decade",
            "between and of the staff",
            "stieg von bis Euro",
            "营收由增至",
        ),
        no_match=(
            "from 3 to 5",
            "from to-do lists",
            "from Monday to Friday",
            "Preise von bis zu 500 Euro",
            "der Blick von auf dem Berg",
        ),
    ),
    RedactionRule(
        id="range-without-upper-end",
        needs=tuple(f"{digit} {word} " for digit in "0123456789" for word in _RANGE_WORDS_EN_DE),
        reason="a number, a range word and then at once the unit: the range's upper end was "
        "cut and the gap closed ('blink 15 to times a minute', 'within 5 – minutes', 'ab 750 "
        "bis Euro', '10 bis Gramm'); intact ranges keep both numbers (none of 12,000 intact "
        "development sentences has this frame)",
        pattern=(
            rf"\b\d+(?:[.,]\d+)? (?P<mark>(?:to|or|-|–) {_COUNTED_EN})\b(?![-'’])"
            rf"|\b\d+(?:[.,]\d+)? (?P<mark2>(?:bis|oder|-|–) {_COUNTED_DE})\b(?![-'’])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "humans blink 15 to times every minute",
            "some require at least 3 – hours of hiking",
            "Allow 4 - days for the whole trail",
            "Strafen ab 750 bis Euro",
            "Nach 9 - Monaten Wachstum",
        ),
        no_match=(
            "humans blink 15 to 20 times every minute",
            "3 to 5 hours",
            "rose 4 to 5 percent",
            "from 1 to 10 people",
            "Strafen ab 750 bis 1.000 Euro",
            "Nach 9 - 12 Monaten",
            "page 2 - Minutes of the meeting",
            "won 2 to people's surprise",
        ),
    ),
    RedactionRule(
        id="empty-parentheses",
        needs=("(",),
        reason="brackets left empty or with a date's separators only, after a space: a date "
        "or figure in brackets cut ('vergangener Woche () in München', 'on Friday (..)'); "
        "'(-)' is a rating and a call 'f()' has no space",
        pattern=r"(?<!\S)(?P<mark>\([.,:/]{0,3}\))(?![\w(])",
        kind="missing-number",
        score=0.7,
        match=("am Dienstag vergangener Woche () in München", "the meeting on Friday (..) was"),
        no_match=("eher unvorteilhaft (-).", "call f() first", "the (1) list"),
    ),
    RedactionRule(
        id="preposition-before-punctuation",
        needs=(" ,", " .", " ;", " :", " )"),
        reason="a preposition or verb that needs a number followed by a comma, full stop or "
        "closing bracket: 'In , the company', 'was founded in .', 'the election in )'; 'of' "
        "only after a season, a month or 'end of': 'in the summer of ,'",
        # the lookahead (one or two words, spaces, the mark) holds for every hit and lets
        # the scan skip most words before it tries the word list
        pattern=(
            r"\b(?=[\w.]+(?: [\w.]+)? +[,.;:)])"
            r"(?P<mark>(?:in|since|until|on|as of|from|by|than|about|approximately|around"
            r"|nearly|reached|totall?ed|im|am|um|seit|bis|ab|vom|von|auf|bei|rund|etwa|ca\."
            rf"|beträgt|betrug|(?:summer|winter|spring|autumn|fall|end|{_MONTH_EN}) of)"
            # a full stop that starts an ellipsis ("opened in ... more") is not a mark
            r" +(?:[,;:)]|\.(?!\.\.| \. \.)))(?![^\s.,;:)])"
        ),
        kind="missing-number",
        score=0.75,
        match=(
            "In , the company moved",
            "It was founded in . Later",
            "stieg um , danach",
            "sank von 8 auf .",
            "before the next election in ).",
            "In the summer of , Marbles moved",
        ),
        no_match=(
            "logged in. Later",
            "In 2019, the company",
            "come in, please",
            "a bunch of , uh, things",
            "(as logged in)",
            "the course opened in ... more",
            "lifted from . . . industry papers",
        ),
    ),
    RedactionRule(
        id="month-without-day-en",
        needs=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        reason="a month name followed by a comma with no day: 'On March , at'",
        pattern=rf"\b(?P<mark>{_MONTHS_EN}\s+,)",
        kind="missing-number",
        score=0.85,
        flags=0,
        match=("On March , at the conference", "by Sept. , the plan"),
        no_match=("On March 3, at the conference", "in May, the plan"),
    ),
    RedactionRule(
        id="abbreviated-month-without-day-en",
        needs=tuple(f"{month}. " for month in ("jan", "feb", "mar", "apr", "jun", "jul"))
        + tuple(f"{month}. " for month in ("aug", "sep", "sept", "oct", "nov", "dec")),
        reason="an abbreviated month after 'on', 'in', 'the' or a comma, followed by a "
        "lower-case word, a bracket or a dash: the day was cut ('on Dec. the ISO declared', "
        "'began on Oct. when', 'the Dec. elections', 'CO, Nov. (UPI)'); news style "
        "abbreviates a month only before a day",
        pattern=(
            r"(?:(?<=\bon )|(?<=\bin )|(?<=\bthe )|(?<=, ))"
            r"(?P<mark>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\. (?:[a-z]+\b|\(|-))"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=(
            "and on Dec. the ISO declared its first emergency",
            "the palace coup began on Oct. when board members voted",
            "cooperating with the Dec. elections.",
            "Boulder, CO, Nov. (UPI) --",
            "rescheduled for Friday, Sept. at 9 am",
        ),
        no_match=(
            "on Dec. 13 the ISO declared",
            "in Dec. The company said",
            "the Dec. 2003 elections",
            "Oct. when",
            "the dec. of independence",
        ),
    ),
    RedactionRule(
        id="ordinal-without-number-en",
        needs=("the", "no."),
        reason="an ordinal suffix or rank with no number: 'on the th of May', 'ranked No. in'",
        pattern=(
            r"\bthe\s+(?P<mark>(?:st|nd|rd|th))\s+(?:of|day|anniversary)\b"
            r"|\b(?P<mark2>No\.)(?=\s+(?:in|on|among|worldwide|globally|spot|position)\b)"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=("on the th of May", "ranked No. in the world"),
        no_match=("on the 5th of May", "No. 1 in the world", "No. Not at all"),
    ),
    RedactionRule(
        id="day-without-number-de",
        needs=(
            "jan",
            "jän",
            "feb",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "sept",
            "okt",
            "nov",
            "dez",
        ),
        reason="ein Datum ohne Tageszahl: 'am . März'",
        pattern=rf"\b(?:am|vom|zum|bis|seit|ab|dem|den|der)\s+(?P<mark>\.\s*{_MONTHS_DE})\b",
        kind="missing-number",
        score=0.9,
        flags=0,
        match=("am . März wurde", "seit dem . Oktober"),
        no_match=("am 5. März wurde", "im März."),
    ),
    RedactionRule(
        id="rank-without-number-de",
        needs=("platz", "rang", "mal"),
        reason="ein Rang ohne Zahl: 'landete auf Platz der Rangliste', 'zum . Mal'",
        pattern=(
            r"\bauf\s+(?P<mark>(?:Platz|Rang)\s+(?:der|des|im|in|unter|hinter|vor|[,.]))"
            r"|\b[Zz]um\s+(?P<mark2>\.\s*Mal)\b"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=("landete auf Platz der Rangliste", "fand zum . Mal statt"),
        no_match=("landete auf Platz 3 der Rangliste", "auf dem Platz der Republik", "zum 5. Mal"),
    ),
    RedactionRule(
        id="year-without-number-de",
        needs=("jahr",),
        reason="'im Jahr' followed by a verb or participle: the year was cut",
        pattern=(
            r"(?<!mal )\b(?P<mark>(?:[Ii]m|[Ss]eit dem|[Bb]is zum|[Aa]b dem) Jahr"
            r"(?:\s+(?:wurde|wurden|hat|hatte|ist|war|gab|stieg|sank|lag|haben|sind|waren"
            r"|erreichte|kam|soll|will|musste|konnte|setzte|verzeichnete|betrug|gründete|sollen"
            r"|sollten|konnten|müssen|mussten|werden|dürfen|gilt|galt|stiegen|sanken|lagen"
            r"|übernahm|ge\w+(?:t|en|te|ten|tes|ter|tem))\b))"
        ),
        kind="missing-number",
        score=0.65,  # "im Jahr" also means "per year" in speech
        flags=0,
        match=(
            "Im Jahr wurde das Werk eröffnet",
            "das im Jahr gegründete Unternehmen",
            "Ab dem Jahr sollen rund 80 % der Energie",
        ),
        no_match=("Im Jahr 2020 wurde", "einmal im Jahr hat", "im Jahr zuvor", "pro Jahr"),
    ),
    RedactionRule(
        id="quoted-operator-without-numbers",
        needs=tuple(f"{q}{gap}{op}" for q in '"“„「『' for gap in ("", " ") for op in "+×/–-"),
        reason="a quoted name made only of operators: '20+8' cut to '\"+\"'",
        pattern=(
            r"(?<!sign )(?<!symbol )(?<!zeichen )(?<!Zeichen )(?<![Pp]ress )(?<![Tt]ype )"
            r"(?<![Cc]lick )(?<![Tt]ap )(?<!\w)(?P<mark>[\"“„「『]\s*[+×/–-]+"
            r"\s*[\"”“」』])(?![\w\"“])(?!\s*(?:key|button|sign|symbol|icon|Taste|Zeichen|号|键))"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=('the upgrade of the "+" industrial cluster', "„+“-Strategie"),
        no_match=(
            '"AI+" Innovation',
            'press the "+" key',
            '"C++"',
            "Das Pluszeichen „+“ steht",
            'Press "+" to zoom in',
            '"Tu"/"Te", the licensee',
        ),
    ),
    RedactionRule(
        id="date-digits-cut-zh",
        needs=("年月", "月日"),
        reason="年/月/日 with their digits cut: '于年月日', '今年月'",
        pattern=(
            r"(?P<mark>(?:于|自|从|截至|截止|至|到|在|今|去|明|前)年月(?:日|(?![饼球亮光薪收均度租供票报"
            r"刊卡费嫂子季销产活])))"
            rf"|(?<![\d０-９一二三四五六七八九十〇零两正腊本上下每当次同该这那个整某半{_CJK}])"
            r"(?P<mark2>月日)"
        ),
        kind="missing-number",
        score=0.85,
        flags=0,
        match=("该公司于年月日发布公告", "今年月，股价上涨"),
        no_match=(
            "该公司于2023年5月1日发布公告",
            "今年5月",
            "出生年月",
            "本月底",
            "日月",
            "今年月饼销量下滑",
            "去年月收入过万",
        ),
    ),
    RedactionRule(
        id="rank-without-number-zh",
        needs=("第",),
        reason="第 followed directly by a measure word: '排名第名'",
        pattern=r"(?P<mark>第(?:名|位|届|次|季度|天|期|批|轮|章|周))",
        kind="missing-number",
        score=0.85,
        flags=0,
        match=("排名第名", "第届世界人工智能大会"),
        no_match=("排名第二", "第3届", "次第"),
    ),
    RedactionRule(
        id="approximation-without-number-zh",
        needs=(
            "约",
            "将近",
            "超过",
            "逾",
            "达到",
            "共计",
            "总计",
            "合计",
            "只有",
            "不足",
            "多达",
            "高达",
            "了",
            "同比",
        ),
        reason="an approximation or change word followed directly by a unit: '约分钟'",
        pattern=(
            r"(?P<mark>(?:约|大约|将近|超过|逾|达到|共计|总计|合计|不足|多达|高达"
            r"|增长了|下降了|增加了|减少了|提高了|降低了|上涨了|下跌了|同比增长|同比下降)(?:为|有)?"
            r"(?:分钟|小时|秒钟|公里|千米|平方米|平方公里|吨|美元|欧元|亿元|万元|亿美元"
            r"|万美元|倍|名|位|项|辆|座|所))(?![声气义望誉额单字置于目谓以有在得长])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=("阅读时间约分钟", "员工超过名", "基金规模约为亿元"),
        no_match=(
            "阅读时间约5分钟",
            "超过一半",
            "近万人",
            "约个时间",
            "个百分点",
            "只有名气",
            "超过所有人",
        ),
    ),
    RedactionRule(
        id="percentage-points-without-number-zh",
        needs=("个百分点",),
        reason="个百分点 with no numeral before it: '加快个百分点'",
        pattern=r"(?<![\d０-９一二三四五六七八九十两几半百千万多数])(?P<mark>个百分点)",
        kind="missing-number",
        score=0.85,
        flags=0,
        match=("增速比上月加快个百分点", "同比下降个百分点"),
        no_match=("提高了3个百分点", "下降了两个百分点", "几个百分点"),
    ),
    RedactionRule(
        id="yuan-without-number-zh",
        needs=("元",),
        reason="元 right after a verb or preposition that needs an amount: '收入为元'",
        pattern=(
            r"(?<=[为达至到了约逾近共仅价跌涨])(?P<mark>(?:亿|万)?元)"
            r"(?![朝代旦宵素首件器气老帅月年宇凶数宝配音认曲])"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=("人均可支配收入为元", "门票价格为元至元", "房价下跌了元"),
        no_match=("收入为5万元", "到元旦", "元朝", "为元代建筑", "进入元宇宙", "成为元凶"),
    ),
    RedactionRule(
        id="magnitude-without-number-zh",
        needs=("亿", "万", "億", "萬"),
        reason="亿/万 before a currency with no numeral or approximation before them: '获得亿元'",
        pattern=(
            r"(?<![\d０-９一二三四五六七八九十百千万亿萬億两兩几幾数數上过過近超逾多余餘每破：:（(位])"
            r"(?P<mark>[亿万億萬](?:元|美元|欧元|歐元|人民币|人民幣|港元))(?![户戶])"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=("该企业获得亿元融资", "计划投资亿元", "總投資達億美元"),
        no_match=(
            "获得3亿元融资",
            "数亿元资金",
            "单位：万元",
            "每万元",
            "突破亿元大关",
            "万元户",
            "數億美元",
        ),
    ),
    RedactionRule(
        id="year-without-number-zh",
        needs=("于年", "短短", "仅仅", "长达", "历时", "连续"),
        reason="年 right after 于/在 or 短短 with its number cut: '他于年加入'",
        pattern=(
            r"(?<=[于])(?P<mark>年)(?=加入|成立|创立|创办|上市|毕业|出生|推出|发布|开业|投产|建成"
            r"|完成|进入|担任|离开|回国|去世|获得|开始|启动|首次)"
            r"|(?<=短短|仅仅|长达|历时|连续)(?P<mark2>年|个月|天)(?![度份终报会])"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=("他于年加入阿里巴巴", "在短短年内成长为龙头", "连续年位居第一"),
        no_match=(
            "他于2015年加入",
            "于年初",
            "于年底完成",
            "短短几年",
            "由于年久失修",
            "对于年收入",
        ),
    ),
    RedactionRule(
        id="count-without-number-zh",
        needs=("共有", "共计", "累计", "新增", "新建", "新开", "首批"),
        reason="a measure word right after a counting verb: '共有家企业', '新建所学校'",
        pattern=(
            r"(?<=共有|共计|累计|新增|新建|新开|首批)(?P<mark>[家所名位个座项辆台])"
            r"(?=[\u3400-\u9fff])(?![园庭人具属乡需有在以得谓单额字称义税体性案别湾阶风词])"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=("首批共有家企业入选", "当地将新建所学校"),
        no_match=("共有家园", "新增名额", "首批名单", "共有3家企业", "新增个税专项附加扣除"),
    ),
    RedactionRule(
        id="magnitude-without-number-en",
        needs=("illion",),
        reason="'million/billion' after a word that is not a number: 'topped million units'",
        pattern=(
            # case-sensitive on purpose (IGNORECASE makes this scan 2.5 times slower)
            # the cheap lookahead first: most words are not followed by "million"
            r"\b(?=[A-Za-z]+\s+(?:[MmBb]|[Tt]r)illion\b)(?<![\d.,])(?<![\d.,] )"
            r"(?!(?i:a|an|one|two|three|four|five|six|seven|eight|nine"
            r"|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
            r"|hundred|several|few|half|many|the|per|dozen|quarter|each|every|multi|tens"
            r"|hundreds|some|a few|this|that|no|eine|einer|einen|pro|je|zwei|drei|vier|fünf"
            r"|zehn)\s)"
            r"(?P<mark>[A-Za-z]+\s+(?:[Mm]|[Bb]|[Tt]r)illion)"
            r"\b(?!-)"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=(
            "sales topped million units",
            "the port handled million containers",
            "grew to million",
        ),
        no_match=(
            "topped 2 million",
            "a million users",
            "five hundred million",
            "parts per million",
            "One Million Trees",
        ),
    ),
    RedactionRule(
        id="amount-of-currency-without-number",
        needs=("yuan", "dollar", "euro", "pound", "rmb", "franken", "höhe von"),
        reason="an amount 'of' a currency with no number: 'a fine of yuan', 'in Höhe von Euro'",
        pattern=(
            r"\b(?P<mark>(?:cost|price|value|fine|salary|budget|revenue|profit|loss|sum|total"
            r"|investment|bonus|fee|penalty|subsidy|amount)s?\s+of\s+(?:yuan|RMB|dollars|euros"
            r"|pounds|US dollars|Hong Kong dollars))\b"
            r"|\b(?P<mark2>[Hh]öhe\s+von\s+(?:Euro|Dollar|Franken|Yuan|Millionen|Milliarden))\b"
        ),
        kind="missing-number",
        score=0.8,
        match=("imposed a fine of yuan on the firm", "Förderung in Höhe von Euro"),
        no_match=(
            "a fine of 5,000 yuan",
            "the value of the dollar",
            "in Höhe von 3 Millionen Euro",
        ),
    ),
    RedactionRule(
        id="every-plural-unit-en",
        needs=("every",),
        reason="'every' before a plural unit: 'every seconds' lost its number",
        pattern=r"\b(?P<mark>every\s+(?:seconds|minutes|hours|days|weeks|months|years|kilomet(?:er|re)s|miles))\b",
        kind="missing-number",
        score=0.85,
        match=("a car every seconds", "every years"),
        no_match=("every 30 seconds", "every second", "every few years"),
    ),
    RedactionRule(
        id="unit-abbreviation-without-number-en",
        needs=tuple(f" {unit.lower()}" for unit in _ABBREVIATED_UNITS_EN),
        reason="an abbreviated unit after a word, a dash or a bracket, where only a number "
        "stands: 'waited another mins', 'net tons ( lbs)', '12.46 pm - lbs', 'a trainer for "
        "yrs' (not after 'per', 'in', 'of', an article, a placeholder or a one-letter "
        "variable: 'per km', 'in cm', 'D cm apart'; nor 'ft' before a name: 'Rihanna ft "
        "Drake')",
        pattern=(
            r"(?<=[A-Za-z,(-] )(?<![\d.,/] )"
            + "".join(rf"(?<!\b{word} )" for word in _NOT_BEFORE_ABBREVIATED_UNIT_EN)
            + r"(?<!\b[A-Z] )"
            # "ft" before a capitalised word is "featuring" ("Rihanna ft Drake"); other units
            # may stand before one (German nouns: "rund km Strecke")
            + rf"(?P<mark>{'|'.join(_ABBREVIATED_UNITS_EN)})\b(?!-)(?!(?<=ft) +[A-Z])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "i waited another mins before receiving my food",
            "shall be net tons ( lbs) and",
            "Toby William - 12.46 pm - lbs",
            "Hi, I am a dog trainer for yrs.",
            "barrels at their bpd refinery",
        ),
        no_match=(
            "waited another 20 mins",
            "the price per km",
            "measured in cm",
            "stones set a distance D cm apart",
            "weighs xx lbs",
            "a 5 km run",
            "half a cm",
            "a 10-lbs bag",
            "the new single by Rihanna ft Drake",
        ),
    ),
    RedactionRule(
        id="a-total-of-without-number-en",
        needs=("a total of",),
        reason="'a total of' followed by a noun: the count was cut",
        pattern=(
            r"\ba total of\s+(?!(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten"
            r"|some|about|around|nearly|more|over|almost|roughly|approximately|just|only|up|at"
            r"|fewer|less|several|hundreds|thousands|millions|dozens)\b)(?P<mark>[a-z]+)\b"
        ),
        kind="missing-number",
        score=0.8,
        match=("carried a total of passengers",),
        no_match=("a total of 12 passengers", "a total of nearly 300", "a total of five"),
    ),
    RedactionRule(
        id="hyphen-unit-without-number",
        needs=("-",),
        reason="a compound like '7-day' with its number cut: 'the -day holiday'",
        pattern=(
            r"(?<=\s)(?P<mark>-(?:day|week|month|year|hour|minute|storey|story|kilomet(?:er|re)"
            r"|met(?:er|re)|mile|point|seat|member|page|fold|tägige|jährige|stündige|köpfige"
            r"|prozentige|seitige|fache)\w*)\b"
        ),
        kind="missing-number",
        score=0.85,
        match=("during the -day holiday", "die -tägige Messe", "um das -fache gestiegen"),
        no_match=("during the 7-day holiday", "the - dash", "a so-called -ism"),
    ),
    RedactionRule(
        id="currency-sign-before-word",
        needs=("$", "€", "£"),
        reason="a currency sign standing alone before a lower-case word: 'students get $ off'",
        pattern=(
            r"(?<![\w$€£])(?<!\bin )(?<![\d.,] )(?P<mark>(?:US|HK|A|C)?[$€£])"
            r"(?=\s+(?!sign\b|symbol\b|key\b|Zeichen\b|per\b|pro\b)"
            r"(?!(?:and|or|und|oder)\s+(?:[$€£¥]|US|euros?\b|dollars?\b|pounds?\b))"
            r"[a-zäöü])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "And students get $ off, can't argue",
            "For $ it was a nice break",
            "people who spend $ or more on groceries",
        ),
        no_match=("the $ sign", "prices in $ and €", "$5 off", "costs 5 € pro Stück", "$ or €"),
    ),
    RedactionRule(
        id="cut-inside-cjk",
        needs=("、", ".人", ".個", ".个", ".名", ".位", ".萬", ".万", ".億", ".亿", ".元", ".倍"),
        reason="a decimal point between Chinese characters before a unit ('每戶有.人'), or an "
        "enumeration comma before a bare measure word ('6個鎮、個鄉')",
        pattern=(
            r"(?<=[\u3400-\u9fff])(?P<mark>\.[人個个名位萬万億亿元倍])"
            r"|(?<=、)(?P<mark2>[個个座所家條条項项])(?![人別别性體体位])(?=[\u3400-\u9fff])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=("平均每戶有.人", "轄3個街道、6個鎮、個鄉"),
        no_match=("平均每戶有2.5人", "、個人", "、個別"),
    ),
    RedactionRule(
        id="age-without-number-en",
        needs=("old",),
        reason="'is years old' with the age cut: a verb of being directly before 'years old'",
        pattern=(
            r"\b(?:is|was|are|were|be|been|being|am|turned|turns|turning|aged|of)\s+"
            r"(?P<mark>(?:years?|months?|weeks?|days?)\s+old)\b"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=("My cat is  years old.", "equipment that is years old", "a girl of months old"),
        no_match=("My cat is 5 years old.", "is many years old", "the years old"),
    ),
    RedactionRule(
        id="count-without-number-context-zh",
        needs=("人口", "米", "公尺", "公里", "個", "个"),
        reason="a count whose numeral was cut in a fixed frame: '人口為人', '長米，寬米', "
        "'和個騎士'",
        pattern=(
            r"人口(?:為|为|達|达|約|约|有|共)?(?P<mark>人)"
            r"|(?<=[長长寬宽高深厚])(?P<mark2>(?:米|公尺|公里))(?=[，。、；）)]|$)"
            r"|(?<=[和及與与])(?P<mark3>[個个])(?![人別别性體体])(?=[\u3400-\u9fff])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=("年時的人口為人。", "甲板長米，寬米，高29.8米", "37個男爵和個騎士"),
        no_match=("人口為3000人", "長5米，", "和個人", "高米飯"),
    ),
    RedactionRule(
        id="unit-after-function-word-de",
        needs=("euro", "prozent", "dollar", "franken", "cent"),
        reason="Euro, Prozent, Dollar directly after a word that wants a figure before them: "
        "'lediglich Prozent', 'kostet monatlich Euro', ': Prozent entfallen', '( Prozent)', "
        "'von Euro pro Monat'",
        pattern=(
            _after(
                *("Lediglich", "lediglich", "Mindestens", "mindestens", "Höchstens"),
                *("höchstens", "Maximal", "maximal", "Nur", "nur", "gut", "fast", "knapp"),
                *("kostet", "kosten", "kostete", "plus", "minus", "unter", "monatlich"),
                *("jährlich", "täglich", "wöchentlich"),
            )[:-1]
            + r"|(?<==)|(?<== )|(?<=\( ))(?P<mark>(?:Euro|Prozent|Dollar|Franken|Cent)\b)(?![-‐])|"
            + _after("ist", "sind", "war", "waren", "liegt", "lag", "bei")[:-1]
            + r"|(?<=:)|(?<=: ))(?P<mark2>Prozent)\b(?![-‐])"
            + r"|(?:(?<=\bvon )|(?<=\bauf ))(?P<mark3>(?:Euro|Dollar|Franken) (?:pro|je|im"
            + r"|monatlich|jährlich))\b"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "Mindestens Prozent Zuschuss sollten drin sein",
            "für den kostet der Spaß monatlich Euro.",
            "für das Heizen: Prozent entfallen auf Raumwärme",
            "für knapp ein Viertel ( Prozent) der Befragten",
            "eine Nettorente von Euro pro Monat",
            "Die Infektionssterblichkeit ist Prozent.",
            "(in unserem Beispiel 37 – 28 = Euro)",
        ),
        no_match=(
            "lediglich 5 Prozent",
            "Angaben in Prozent",
            "Die Umstellung von D-Mark auf Euro.",
            "Die Währung ist Euro",
            "Prozent der Fälle",
            "Preise (Euro) ohne Steuer",
            "nur Euro-Münzen",
            "Anteil (Prozent)",
            "Währung: Euro",
        ),
    ),
    RedactionRule(
        id="closed-gap-frame-en",
        needs=(
            "in he",
            "in she",
            "in they",
            "in we",
            "in due to",
            "in you'll",
            "in you will",
            "in and ",
            "year old",
            "year-old",
            "illion",
            "onwards",
        ),
        reason="words that close up over a cut number into a frame English never has: 'in he "
        "was' (a year; 'in' ending a clause before 'he' is rare: none in 16,000 UD sentences), "
        "'my year old' (an age), ', million people', 'from onwards'",
        pattern=(
            r"\b(?P<mark>[Ii]n (?:he|she|they|we|due to|you'll|you will|and(?= \d)))\b(?!')"
            r"|" + _after("my", "his", "her", "our", "their", "your") + r"(?P<mark2>year[- ]old)\b"
            r"|(?<=[,;:(] )(?P<mark3>(?:[Mm]|[Bb]|[Tt]r)illion)(?= [a-z])"
            r"|\b(?P<mark4>(?:from|since) onwards)\b"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "When Johnson deployed troops in he was advised by the military",
            "my year old wanted to run most of the way",
            "In Venezuela, million people have fled the country",
            "Academia Sinica from onwards.",
            "will not be able to go anywhere in due to his broken leg",
            "No doubt, in you'll find yourself pushed",
            "attended Navarro College in and 2008.",
        ),
        no_match=(
            "he believed in her",
            "in theory",
            "my one year old son",
            "my 3-year-old son",
            "a million people",
            "in 1990, millions of people",
            "from then onwards",
            "in the past, million-dollar deals",
            "in due course",
            "in and out",
        ),
    ),
    RedactionRule(
        id="year-gap-after-season-en",
        needs=(" of  ",),
        reason="a season or the end, start or middle of, a doubled space and a lower-case "
        "word that is not a determiner or pronoun object: the year was cut ('in the Spring "
        "of  indicate that', 'By the end of  you'll have'); 'of  the year' is a slip",
        pattern=(
            r"\b(?:spring|summer|autumn|fall|winter|end|beginning|start|middle) (?P<mark>of {2,})"
            r"(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|next|last|each"
            r"|every|all|some|it|them|him|us|me)\b)(?=[a-z])"
        ),
        kind="missing-number",
        score=0.7,
        match=(
            "Emails from Zawahiri in the Spring of  indicate that",
            "By the end of  you'll have a whole new start",
        ),
        no_match=("By the end of  the year", "in the spring of 2003 indicate", "end of  2003"),
    ),
    RedactionRule(
        id="year-range-without-start-en",
        needs=("in -", "from -", "between -", "since -"),
        reason="a year range whose first year was cut: 'He earned points in -1971.'",
        pattern=r"\b(?:in|from|between|since) (?P<mark>-)(?=(?:1[5-9]|20)\d\d\b)",
        kind="missing-number",
        score=0.75,
        match=("He earned points in -1971.", "served from -2004 as mayor"),
        no_match=("in 1969-1971", "temperatures in -10 degrees", "from -20 to 5"),
    ),
    RedactionRule(
        id="year-gap-before-verb-en",
        needs=("in  ", "since  ", "until  ", "before  ", "after  "),
        reason="a preposition of time, an open gap, then a verb, a citation, a comma or a word "
        "that cannot follow the preposition: 'in  was', 'since  has', 'collected in  [19]', "
        "'born in  in Kibbutz', 'in  following the election' (a stranded 'in' before a verb "
        "is rare in intact text, 6 in 25,000 dev sentences, and a doubled space must fall "
        "exactly there)",
        pattern=(
            r"\b(?P<mark>(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter) {2,}"
            r"(?:(?:was|were|is|are|will|would|has|had|have|caused|became|saw|led|began|suggests"
            r"|shows|in|after|when|following)\b|\[\d|,))"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Zawahiri's mission in the United States in  was to do spadework",
            "any relationship begun or reaffirmed in  is very likely to last",
            "Romance in  will make it a year to remember",
            "compared to a census collected in  [19].",
            "a writer born in  in Kibbutz Kinneret",
            "forces withdrew in  following the election",
        ),
        no_match=(
            "the room the cage is in is kept warm",
            "his mission in 2005 was to do spadework",
            "as in  the past, since  then",
            "all they were interested in was me signing",
            "born in 1962 in Kibbutz Kinneret",
            "in  the following year",
            "collected in [19]",
        ),
    ),
    RedactionRule(
        id="year-gap-im-jahr-de",
        needs=("im jahr ", "im jahre "),
        reason="'im Jahr' with a space before the punctuation that followed its year: 'startete "
        "im Jahr .' ('im Jahr' ends a clause in 4 of 25,000 dev sentences, never with a space "
        "before the mark)",
        pattern=r"(?<=\bim )(?P<mark>Jahre? [.,;:)])",
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Das Gesundheitssystem startete im Jahr .",
            "Die Reform kam im Jahre , also spät.",
        ),
        no_match=("Sie startete im Jahr 2013.", "zweimal im Jahr.", "im Jahr (2013)"),
    ),
    RedactionRule(
        id="year-gap-open-de",
        needs=("seit  ", "ab  ", "bis  ", "ende  ", "anfang  ", "mitte  ", "jahr  "),
        reason="a German word that takes a year ('seit', 'ab', 'bis', 'Ende', 'Mitte', "
        "'im Jahr'), an open gap, then a word that does not continue the phrase: 'bis  sowie', "
        "'Ende  musste', 'ab  (Office 365)'; a doubled space before an article, 'zu', 'auf' or "
        "a pronoun is a slip ('bis  zum', 'seit  langem')",
        pattern=(
            r"(?<![\w-])(?P<mark>(?:[Ss]eit|[Aa]b|[Bb]is|Ende|Anfang|Mitte|[Ii]m Jahre?) {2,}"
            r"(?!(?:der|die|das|den|dem|des|ein|eine|einem|einen|einer|eines|zu|zum|zur|auf|an"
            r"|in|im|ins|nach|vor|heute|jetzt|dahin|hin|wann|wir|ich|er|sie|es|man|ihr|ihre"
            r"|langem|kurzem|vielen|einigen|mehreren|jeher|gestern|morgen|wenigen)\b)"
            r"[^\s\d]\S*)"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "für einen Kohleausstieg bis  sowie Neuzulassungen",
            "Noch bis Ende  musste ein Mitarbeiter",
            "in der Version ab  (Office365 ProPlus)",
            "Seit  hält er die Mehrheit.",
        ),
        no_match=(
            "bis  zum Ende der Saison",
            "seit  langem bekannt",
            "Ende  des Jahres",
            "ab 2021 ein neues System",
            "Mitte  der Woche",
            "Daten-Ende  ist erreicht",
        ),
    ),
    RedactionRule(
        id="year-range-open-end-de",
        needs=(" bis ",),
        reason="a year range whose end year was cut: 'von 1974 bis Professor', '1908 bis bereits "
        "vier'; after 'JJJJ bis' German writes a number, a month, a season, 'Ende'/'Mitte', "
        "'heute' or a preposition (1 of 10,875 intact dev sentences has 'JJJJ bis' before a word)",
        pattern=(
            r"(?<![\d.,/-])\b(?:1[6-9]|20)\d\d bis (?P<mark>(?!(?:" + _MONTHS_DE + r"|Ende|Anfang"
            r"|Mitte|Frühjahr|Frühling|Sommer|Herbst|Winter|Jahresende|Jahresmitte|Kriegsende|heute"
            r"|dato|jetzt|dahin|zum|zur|in|ins|einschließlich|inklusive|spätestens|mindestens"
            r"|voraussichtlich|nach|etwa|ca|circa|zu|vor|kurz|KW|Q[1-4]|[IVX]+)\b)[^\s\d]\S*)"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Er war von 1974 bis Professor für Organisation",
            "Darunter waren 1908 bis bereits vier Fahrzeuge",
        ),
        no_match=(
            "von 1974 bis 1980 Professor",
            "von 1990 bis März 2023",
            "von 2010 bis heute",
            "von 2019 bis Ende 2020",
            "von 2010 bis zum Jahr 2015",
            "Tel. 0221 1974 bis 18 Uhr",
        ),
    ),
    RedactionRule(
        id="year-gap-before-verb-de",
        needs=("seit ", "bis ende ", "bis anfang ", "bis mitte ", "bis zu ", "bis  zu "),
        reason="ein Artikel, 'seit' und gleich ein Partizip ('die seit denkmalgeschützte Halle', "
        "'die seit bestehende Impulswoche'), 'bis zu' vor einem Infinitiv ('die Abholzung bis zu "
        "stoppen'), oder 'bis Ende' vor einem Artikel oder 'neue' ('bis Ende die GmbH'): das "
        "Jahr dazwischen fehlt; keines davon in 10.875 intakten Dev-Sätzen",
        pattern=(
            r"\b(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es) "
            r"(?P<mark>seit (?!(?:vor)?letzt|erst|nächst)[a-zäöüß]+(?:ende|te)[nrsm]?)\b"
            r"|\b(?P<mark2>[Bb]is (?:Ende|Anfang|Mitte)) (?=(?:die|das|den|dem|ein|eine|einen|neue"
            r"|neuen)\b)"
            r"|\b(?P<mark3>[Bb]is {1,2}zu) (?=(?!" + _NUMBER_WORDS_DE + r")[a-zäöü]+en\b)"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Die seit denkmalgeschützte ehemalige Maschinenhalle",
            "die seit bestehende Impulswoche",
            "Im Impressum steht bis Ende die LoogBerry GmbH",
            "des DTB bis Ende neue Grundsätze",
            "die Abholzung von Wäldern bis zu stoppen",
        ),
        no_match=(
            "die seit 2015 denkmalgeschützte Halle",
            "die seit langem bestehende Regel",
            "die seit letztem Jahr geltende Regel",
            "bis Ende der Woche",
            "bis Ende 2020 die Regel",
            "bis zu sieben Tage",
            "bis zu einem Drittel",
            "bis 2030 zu stoppen",
        ),
    ),
    RedactionRule(
        id="rate-without-amount-de",
        needs=(
            *(
                f"{money} {rate}"
                for money in ("euro", "dollar", "franken", "cent")
                for rate in _RATES_DE
            ),
            "von über ",
            "von unter ",
            "höhe von ",
        ),
        reason="eine Währung zwischen einem Wort, das keine Zahl ist, und einem Satz pro Zeit oder "
        "Kopf ('zahlen Euro pro Person', 'weil Euro monatlich'), oder 'von über/unter' direkt "
        "vor der Währung ('eine Ersparnis von über Euro'), 'in Höhe von EUR': der Betrag fehlt; "
        "keines davon in 10.875 intakten Dev-Sätzen",
        pattern=(
            # tried only where the currency and the rate stand; the word before is no amount
            rf"(?=(?:Euro|Dollar|Franken|Cent) (?:{'|'.join(_RATES_DE)})(?:(?<=lich)\w+)?\b)"
            r"(?<=[A-Za-zäöüßÄÖÜ] )"
            + "".join(rf"(?<!\b{re.escape(word)} )" for word in _NOT_AMOUNTS_DE)
            + r"(?P<mark>Euro|Dollar|Franken|Cent)"
            r"|\bvon (?P<mark2>(?:über|unter) (?:Euro|EUR|Dollar|Franken|Cent|Prozent))\b"
            r"|(?<=\bHöhe von )(?P<mark3>Euro|EUR|Dollar|Franken|Prozent)\b"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Kinder und Schulklassen zahlen Euro pro Person.",
            "weil Euro monatlich einfach zu billig ist",
            "eine Ersparnis von über Euro möglich",
            "ein Ordnungsgeld in Höhe von EUR wegen",
        ),
        no_match=(
            "Kinder zahlen 4 Euro pro Person.",
            "auf zwei Euro pro Exemplar",
            "den Tausend Euro Kredit",
            "für jeden Euro pro Monat",
            "Angaben in Euro pro Kopf",
            "Staaten, die Euro jedoch nicht nutzen",
            "eine Ersparnis von über 300 Euro",
            "in Höhe von 300 Euro",
        ),
    ),
    RedactionRule(
        id="life-dates-without-year",
        needs=("(",),
        reason="a biography's bracket of life dates with the dates cut: '(born )', '(geboren  in "
        "Wien)', '(* in Berlin)', '(b. ; d. 1990)', '( – 1990)'; a word of birth or death "
        "directly before the closing bracket, a comma, or an open gap",
        pattern=(
            # the bracket is matched (not looked behind for): every hit starts with it
            r"\((?P<mark>(?:(?:born|died|b\.|d\.|geboren|gestorben|geb\.|gest\.)"
            r"(?: ?[);,]|  +(?=\S))|[*†] ?(?:[);,]|in\b|im\b)|\s*[–-]\s*(?=\d{3,4}\))))"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=(
            "Marie Curie (born ) was a physicist.",
            "Lise Meitner (geboren  in Wien) war",
            "Max Planck (* in Kiel; † 1947 in Göttingen)",
            "the composer (b. ; d. 1990)",
            "Hans Müller ( – 1990) war",
            "(born  in Warsaw)",
        ),
        no_match=(
            "Marie Curie (born 7 November 1867) was",
            "Marie Curie (born in Warsaw) was",
            "(born Maria Salomea Skłodowska)",
            "Max Planck (* 23. April 1858 in Kiel)",
            "(geboren am 5. Mai)",
            "(1867 – 1934)",
            "the result (2 - 1990)",
        ),
    ),
    RedactionRule(
        id="closed-gap-frame-de",
        needs=(
            "seit ",
            "ab ",
            "bis ",
            "um ",
            "im jahr",
            "alter von",
            "jahre alt",
            "monate alt",
            "wochen alt",
            "tage alt",
            "um grad",
            "§",
            "mio",
            "mrd",
        ),
        reason="Wörter, die sich über einer gestrichenen Zahl zu einem Rahmen schließen, den es "
        "sonst nicht gibt: 'Seit hat das Unternehmen', 'im Alter von Jahren', 'also Jahre alt', "
        "'die Jahre alte', "
        "'um Grad Celsius', 'nach § Insolvenzverordnung', 'für Mio ermordete'",
        pattern=(
            r"(?:^|(?<=[.!?:] ))(?P<mark>(?:Seit|Ab|Bis|Um|Im Jahre?) {1,2}"
            r"(?:hat|hatte|haben|hatten|ist|sind|war|waren|wird|werden|wurde|wurden|kann|können|konnte|konnten|muss|müssen"
            r"|musste|mussten|soll|sollen|sollte|sollten|gibt|gab|gilt|galt|erhielt|erhält|begann"
            r"|beginnt|stieg|sank|lag|liegt|kam|kommt|ging|geht|steht|stand|gehört|gehörte)\b)"
            r"|(?<=\bAlter von )(?P<mark2>(?:Jahren|Monaten|Wochen|Tagen))\b|"
            + r"(?=(?:Jahre|Monate|Wochen|Tage) alt)"
            + _after("also", "ist", "war", "wird", "wurde", "sind", "waren", "nur", "erst")[:-1]
            + _after("schon", "bereits", "gerade", "fast").replace("(?:", "|", 1)[:-1]
            + _after(*("der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem")).replace(
                "(?:", "|", 1
            )
            + r"(?P<mark3>(?:Jahre|Monate|Wochen|Tage) alt(?:e|en|er|es)?)\b"
            r"|(?<=\bum )(?P<mark4>Grad)\b"
            r"|(?P<mark5>§)\s*(?=[A-ZÄÖÜ]?[a-zäöü]{2})"
            r"|(?<![\d.,])(?<![\d.,] )(?<!\d)\b(?P<mark6>Mio|Mrd|Tsd)\b\.?(?=\s+[A-ZÄÖÜa-zäöü])"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Seit hat das Unternehmen massiv investiert",
            "Ab müssen Arbeitgeber auch zahlen",
            "Im Jahre wurde dann die Fabrik gebaut",
            "begann seine Karriere im zarten Alter von Jahren",
            "einem Kuhkind im Alter von Tagen",
            "also Jahre alt werden",
            "wird die Jahre alte Claudia Brandes Bürgermeisterin",
            "auf eine Erwärmung um Grad Celsius",
            "nach § Insolvenzverordnung",
            "einen Gedenktag für Mio ermordete Juden",
        ),
        no_match=(
            "Seit 2019 hat das Unternehmen",
            "Seit langem ist das so",
            "im Alter von 5 Jahren",
            "ist viele Jahre alt",
            "die 5 Jahre alte Katze",
            "um 2 Grad",
            "nach § 176 InsO",
            "(§ VI, 67)",
            "für 6 Mio. ermordete Juden",
            "rund 3,5 Mrd Euro",
            "Im Jahr 2020 wurde",
            "Bis dahin war es weit",
        ),
    ),
    RedactionRule(
        id="number-frame-de",
        needs=(*_STRICT_QUANTIFIERS_DE_NEEDS, "mehr als", "weniger als"),
        reason="Rahmen, in denen das Deutsche eine Zahl verlangt: ein strenges Näherungswort "
        "vor einem Substantiv ('rund Flugschülern', 'von knapp Infizierten'), 'mehr als' "
        "nach Präposition oder Artikel vor einem Substantiv ('in mehr als Krankenhäusern'); "
        "keines davon in 10.875 intakten Dev-Sätzen",
        pattern=(
            rf"\b(?P<mark>{_STRICT_QUANTIFIERS_DE} +[A-ZÄÖÜ][a-zäöüß]+)"
            + r"|(?=(?:mehr|weniger) als +[A-ZÄÖÜ])"
            + _after(*("in", "In", "mit", "Mit", "von", "Von", "bei", "Bei", "unter", "Unter"))[:-1]
            + _after(*("aus", "Aus", "zu", "an", "den", "die", "der")).replace("(?:", "|", 1)
            + r"(?P<mark2>(?:mehr|weniger) als +[A-ZÄÖÜ][a-zäöüß]+)"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=(
            "rechnen mit zunächst rund Flugschülern pro Jahr",
            "Von knapp Infizierten außerhalb Chinas",
            "Miying wird aktuell in mehr als Krankenhäusern verwendet",
            "Unter den mehr als Ehrengästen weilten",
        ),
        no_match=(
            "rund um die Uhr",
            "rund 500 Menschen",
            "wie etwa Berlin",
            "Tiere sind mehr als Menschen",
            "mehr als Arbeitssklaven eingesetzt",
            "in mehr als 40 Krankenhäusern",
        ),
    ),
    RedactionRule(
        id="unit-frame-de",
        needs=(
            *(f"von {unit.lower()}" for unit in _MEASURES_AFTER_VON_DE),
            *(f"{word} {unit.lower()}" for word in ("fast", "gut", "bis") for unit in _SPANS_DE),
            *(f"{word} {unit.lower()}" for word in ("bis", "und") for unit in _RANGE_ENDS_DE),
        ),
        reason="Einheiten, die das Deutsche in diesem Rahmen nur mit einer Zahl kennt: 'von' vor "
        "einer Maßeinheit im Dativ Plural ('eine Höhe von Metern'; nicht 'Hunderte von "
        "Metern'), 'fast'/'gut'/'bis' vor einer Zeitspanne im Plural ('seit fast Jahren', "
        "'Kinder bis Jahren'), und das offene Ende eines Bereichs ('von 15 bis Grad', "
        "'zwischen 8 und Euro'); keines davon in 10.875 intakten Dev-Sätzen",
        pattern=(
            r"(?<!Hunderte )(?<!Tausende )(?<!Dutzende )(?<!Millionen )\b(?P<mark>von "
            rf"(?:{'|'.join(_MEASURES_AFTER_VON_DE)}))\b"
            rf"|\b(?P<mark2>(?:fast|gut|bis) (?:{'|'.join(_SPANS_DE)}))\b"
            r"|\b(?:von|zwischen) +\d[\d.,]* +(?P<mark3>(?:bis|und) "
            rf"(?:{'|'.join(_RANGE_ENDS_DE)}))\b"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=(
            "mit einer Aufbauhöhe von Millimetern",
            "setzt sich seit fast Jahren für",
            "Kinder bis Jahren gelten als geimpft",
            "bei Temperaturen von 15 bis Grad",
            "zwischen 8 und Euro",
        ),
        no_match=(
            "Hunderte von Metern",
            "von 10 Metern",
            "über Jahre hinweg",
            "bis Jahresende",
            "von 15 bis 20 Grad",
        ),
    ),
    RedactionRule(
        id="year-gap-after-preposition-de",
        needs=(
            *(f"{prep} {verb}" for prep in _YEAR_PREPOSITIONS_DE for verb in _FINITE_VERBS_DE),
            *(
                f"{part} {verb}"
                for part in ("ende", "anfang", "mitte")
                for verb in _FINITE_VERBS_DE
            ),
            *(f"seit {word}" for word in _NOT_AFTER_SEIT_DE),
            *(
                f"{prep} {verb}"
                for prep in ("seit", "bis", "von", "für")
                for verb in _STEM_VERBS_DE
            ),
            *(f"{prep} /" for prep in (*_YEAR_PREPOSITIONS_DE, "jahr", "jahre")),
        ),
        reason="eine Präposition, die eine Jahreszahl nimmt, direkt (oder nach 'Ende', 'Anfang', "
        "'Mitte') vor einem finiten Verb ('Die Episode von war', 'Bis blieb sie im Dienst', "
        "'Kunden ab müssen', 'bis Ende musste', 'die seit gilt'), vor dem Rest eines "
        "Jahrespaars ('ab /60', 'bis /50'), oder 'seit' direkt "
        "vor einer Präposition, 'eine' oder 'und' ('ist sie seit im Speicher', 'seit mit ihrem "
        "Mann verheiratet'): die Zahl dazwischen fehlt; keines davon in 10.875 intakten "
        "Dev-Sätzen ('davon ab sollte' und 'vor hat' sind Verbzusätze, 'nach wie vor ist' eine "
        "Wendung (ein intakter Held-out-Satz, nachträglich); 'seit im Mai' leitet einen Satz ein)",
        pattern=(
            r"(?<![Dd]avon )(?<![Vv]on )(?<![Hh]ier )(?<!\bwie )\b(?P<mark>(?:"
            + "|".join(f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in _YEAR_PREPOSITIONS_DE)
            + r")(?: (?:Ende|Anfang|Mitte))? (?!(?<=[Vv]or )ha)(?:"
            + "|".join(_FINITE_VERBS_DE)
            + r"))\b"
            r"|\b(?P<mark2>[Ss]eit (?:"
            + "|".join(map(re.escape, _NOT_AFTER_SEIT_DE))
            + r"))(?!\w)(?! (?:\d|"
            + _MONTHS_DE
            + r"|Jahr|Frühjahr|Sommer|Herbst|Winter))"
            r"|\b(?:[Ss]eit|[Bb]is|[Aa]b|[Vv]on|[Vv]or|[Ii]m Jahre?) (?P<mark3>/\d\d)\b"
            r"|\b(?P<mark4>(?:[Ss]eit|[Bb]is|[Vv]on|[Ff]ür) (?:"
            + "|".join(_STEM_VERBS_DE)
            + r"))\b"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Die gesamte Episode von war uns wichtig",
            "Bis blieb sie im Dienst",
            "Kundinnen und Kunden ab müssen eine Maske tragen",
            "Vor würden Airbus und Boeing kaum neue Flugzeuge bestellen",
            "Er ist seit mit seinem Mann verheiratet",
            "ist sie seit im Speicher zu sehen",
            "Minister ist er seit u.a. für Kultur",
            "Noch bis Ende musste ein Mitarbeiter",
            "danach - ab /60 - Wasserstoff",
            "Eine Neuerung, die seit gilt, entlastet",
            "In einer Studie von fand eine Arbeitsgruppe",
        ),
        no_match=(
            "Davon ab sollte jeder die Möglichkeit haben",
            "was sie vor haben",
            "Nach wie vor ist die Karte die günstigste",
            "seit 2019 ist er Minister",
            "seit ein paar Jahren",
            "seit im Mai 2020 die Regel gilt",
            "von 2010 bis 2015 war sie Ministerin",
            "bis Ende Juni war sie dort",
            "ab 2050/60 Wasserstoff",
            "was vor liegt",
            "die seit 2020 gilt",
        ),
    ),
    RedactionRule(
        id="percent-word-without-number-de",
        needs=("prozent der", "prozent aller", "prozent des"),
        reason="'Prozent der/aller/des' nach einem Wort, das keine Menge ist ('das entspricht "
        "Prozent aller', 'bis Prozent der Erkrankten', 'Überwältigende Prozent der "
        "Befragten'): die Zahl fehlt; "
        "'in Prozent des BIP', 'zehn Prozent der', 'wie viel Prozent der' bleiben; keines "
        "davon in 10.875 intakten Dev-Sätzen",
        pattern=(
            r"(?<=[A-Za-zäöüßÄÖÜ,] )"
            + "".join(rf"(?<!\b(?i:{re.escape(word)}) )" for word in _NOT_PERCENT_AMOUNTS_DE)
            + r"(?P<mark>Prozent) (?=(?:der|aller|des)\b)"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "Das entspricht Prozent aller Fälle.",
            "Bei sieben bis Prozent der Erkrankten",
            "Überwältigende Prozent der Befragten",
        ),
        no_match=(
            "Zehn Prozent der Fälle",
            "nur zwei Prozent der Gebrauchtwagen",
            "Wie viel Prozent der Energie",
            "in Prozent des BIP",
            "XX Prozent der Leser",
            "rund 40 Prozent der Befragten",
        ),
    ),
    RedactionRule(
        id="open-parenthesis-before-unit-de",
        needs=tuple(f"( {word.lower()}" for word in _PAREN_COUNTS_DE),
        reason="eine Klammer, ein Leerzeichen und gleich eine Einheit oder ein gezähltes Nomen "
        "('Partei Attayar ( Sitze)', '( Flaschen à 30 kg)'): die Zahl am Anfang der Klammer "
        "fehlt; keines davon in 10.875 intakten Dev-Sätzen",
        pattern=r"(?P<mark>\( )(?=(?:"
        + "|".join(map(re.escape, _PAREN_COUNTS_DE))
        + r")(?:\)| à))",
        kind="missing-number",
        score=0.7,
        flags=0,
        match=("die Partei Attayar ( Sitze) sowie", "eine Lieferung ( Tonnen à 30 Euro)"),
        no_match=("die Partei Attayar (52 Sitze)", "Die Kerne ( Samen) haften", "( Sitze frei)"),
    ),
    RedactionRule(
        id="decimal-comma-without-integer",
        needs=tuple(
            f"{before}{colon},{digit}"
            for before in " ("
            for colon in ("", ":")
            for digit in "0123456789"
        ),
        reason="a decimal comma with its whole part (or a time's minutes and seconds) cut, "
        "before a unit: '(Kenia; ,75 min)', 'gewann in ,40 min', 'eine Fabelzeit von ,72 "
        "Minuten', '(SC Potsdam; :,94 min)'; no intact dev sentence has one",
        pattern=(
            r"(?:(?<=[(;] )|(?<=\()|(?<=[a-zäöü] ))(?P<mark>:?,\d+)(?= ?(?:min|Min\.|Minuten|s|sek"
            r"|Sek\.|Sekunden|sec|Std\.|Stunden|h|km|m|kg|cm|Prozent|%|Euro|€)(?!\w))"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "(Dresdner SC; ,18 min) mit Bestzeit",
            "eine Fabelzeit von ,72 Minuten",
            "Naomi Korir (:,74 min) wurde Dritte",
        ),
        no_match=(
            "(Dresdner SC; 8,18 min)",
            "Äpfel , 5 Birnen",
            "vgl. S. 12 ,3 m",
            "(3:41,74 min)",
        ),
    ),
    RedactionRule(
        id="thousands-mark-without-group",
        needs=tuple(f"{digit}{mark} " for digit in "0123456789" for mark in "’'"),
        reason="a number written with an apostrophe between thousands (Swiss usage) whose last "
        "group was cut: 'mit etwa 75’ Einwohnern', 'von 10’ Franken'; no intact dev sentence "
        "(German or English) has a digit, an apostrophe and a capitalised word",
        pattern=r"(?<![\d.,’'])\d{1,3}(?P<mark>[’'] )(?=[A-ZÄÖÜ][a-zäöü])",
        kind="missing-number",
        score=0.75,
        flags=0,
        match=("eine Kleinstadt mit etwa 75’ Einwohnern", "ein Sachschaden von 10’ Franken"),
        no_match=("mit etwa 75’000 Einwohnern", "he is 6' tall", "the '90s", "von 1'000 Franken"),
    ),
    RedactionRule(
        id="separator-before-unit-de",
        needs=("(.", "(,", "( .", "( ,", *(f"- {unit.lower()}" for unit in _DASH_UNITS_DE)),
        reason="nur die Trennzeichen einer Zahl vor ihrer Währung ('Volumen (.. Euro)', "
        "'(., Euro in 2020)'), oder eine Zahl, ein Bindestrich und gleich die Einheit, wo das "
        "Ende eines Bereichs stand ('bei 10- Cent pro Kilometer', 'Sonntag 8- Uhr'); keines "
        "davon in 10.875 intakten deutschen oder 11.881 englischen Dev-Sätzen",
        pattern=(
            r"(?:(?<=\()|(?<=\( ))(?P<mark>[.,]{1,3}) ?(?=(?:"
            + "|".join(map(re.escape, _SEPARATOR_UNITS_DE))
            + r")(?!\w))"
            r"|(?<=\d)(?P<mark2>- )(?=(?:" + "|".join(_DASH_UNITS_DE) + r")\b)"
        ),
        kind="missing-number",
        score=0.75,
        flags=0,
        match=(
            "das bewilligte Volumen (.. Euro) annähernd",
            "die Grenze (., Euro in 2020)",
            "liegt bei 10- Cent pro Kilometer",
            "von Montag bis Sonntag 8- Uhr möglich",
        ),
        no_match=(
            "das Volumen (1.200 Euro)",
            "Preise in Euro.",
            "die 2- bis 3-fache Menge",
            "zahlen Sie 10,- Euro",
            "Prozent, Euro",
        ),
    ),
    RedactionRule(
        id="percent-of-without-number-en",
        needs=("percent of", "per cent of"),
        reason="'percent of' after a word that is no amount and does not ask for one ('ozone "
        "caused percent of', 'I have like percent of', 'the richest per cent of'): the figure "
        "was cut; 'what percent of', 'the percent of', 'ten percent of' stay; none in 11,881 "
        "intact dev sentences",
        pattern=(
            r"(?<=[a-z] )(?<!\d[a-z] )"
            + "".join(rf"(?<!\b{word} )" for word in _NOT_PERCENT_AMOUNTS_EN)
            + r"(?P<mark>per ?cent) (?=of\b)"
        ),
        kind="missing-number",
        score=0.7,
        flags=0,
        match=(
            "ozone pollution caused percent of the damage",
            "I have like percent of my taste",
            "held by the richest per cent of the population",
        ),
        no_match=(
            "what percent of voters",
            "ten percent of the budget",
            "the percent of students",
            "the richest 1e per cent of",
            "by 5 percent of GDP",
        ),
    ),
    RedactionRule(
        id="clock-without-hour",
        needs=tuple(f"{before}:{digit}" for before in " (" for digit in "012345"),
        reason="a clock time whose hour was cut, before am/pm or 'Uhr': 'on 05/03/2001 :35 PM', "
        "'at 2/7/2005 :32 AM'; none in 22,756 intact dev sentences",
        pattern=(
            r"(?<=[\s(])(?P<mark>:[0-5]\d(?::[0-5]\d)?) ?"
            r"(?=(?:[AP]M\b|[ap]\.m\.|[ap]m\b(?! [A-ZÄÖÜ])|Uhr\b))"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "sent on 05/03/2001 :35 PM",
            "Posted at 2/7/2005 :32 AM",
            "um :30 Uhr",
            "at :15 p.m.",
        ),
        no_match=("on 05/03/2001 12:35 PM", "at 3:32 AM", "Ratio :35 am Ende"),
    ),
    RedactionRule(
        id="paragraph-without-number-de",
        needs=("§ ", "abs. "),
        reason="'§' directly before the law's abbreviation or 'Abs.', 'Abs.' directly before "
        "the law: 'ist § BGB', '§ Abs. 2', 'Abs. BGB'; the number was cut (Roman numerals "
        "and a placeholder X are left out)",
        pattern=(
            r"(?<![§\w])(?P<mark>§)(?= (?:(?![IVXLCDM]+\b)[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-Z]\b|Abs\.))"
            r"|\b(?P<mark2>Abs\.)(?= (?![IVXLCDM]+\b)[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*[A-Z]\b)"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=("Gesetzliche Grundlage ist § BGB.", "nach § Abs. 2 UWG", "nach § 5 Abs. StGB"),
        no_match=("nach § 823 BGB", "(§ II, p. 28)", "§ 5 Abs. 2 BGB", "§ X Abs. 2", "§§ BGB"),
    ),
    RedactionRule(
        id="reading-time-without-number",
        needs=("reading time", "lesezeit", "阅读时间"),
        reason="a reading-time label directly before its unit: 'reading time minutes'",
        pattern=(
            r"(?P<mark>(?:reading time|Lesezeit|阅读时间)\s*[:：]?\s*(?:minutes?|Minuten|分钟))"
        ),
        kind="missing-number",
        score=0.85,
        match=("Word count: , reading time minutes.", "Lesezeit: Minuten"),
        no_match=("reading time 4 minutes", "阅读时间约4分钟"),
    ),
)

PLACEHOLDER = (
    RedactionRule(
        id="bracket-placeholder",
        needs=("[", "［", "【", "<", "〈"),
        reason="a bracketed slot word left where the value should be: '[date]', '【公司】'",
        # (not the HTML element <time>)
        pattern=rf"(?!<time>)(?P<mark>[\[［【<〈]\s*{_PLACEHOLDER_WORDS}\s*[\]］】>〉])",
        kind="placeholder",
        score=0.95,
        match=("On [date], at the conference", "[Name] said", "<number> users", "【公司名称】"),
        no_match=(
            "[1]",
            "[citation needed]",
            "[Photo: VCG]",
            "[...]",
            "{name} format field",
            "<time>10:30</time>",
        ),
    ),
    RedactionRule(
        id="template-variable",
        needs=("{{", "${"),
        reason="an unfilled template variable: '{{count}}', '${amount}'",
        pattern=r"(?P<mark>\{\{\s*[\w.]+\s*\}\}|\$\{\w+\})",
        kind="placeholder",
        score=0.9,
        match=("{{count}} people attended", "a fee of ${amount}"),
        no_match=("{count} in an f-string", "{{"),
    ),
    RedactionRule(
        id="x-mask-number",
        needs=("xx", "×", "＊", "*", *(f"x{c}" for c in "年月日号岁亿万元")),
        reason="X or * standing for digits: 'XX%', 'xx.xx', 'X月X日', '$XX million'",
        pattern=(
            r"(?<![\w.])(?P<mark>(?:[Xx]{2,4}|[×＊*]{1,4})(?:[.,](?:[Xx]{1,4}|[×＊*]{1,4}))?"
            r"\s?(?:[%％]|(?:percent|Prozent|million|billion|Millionen|Milliarden|Euro|yuan"
            r"|dollars|km|kg|minutes|Minuten|years|Jahre)\b)"
            r")"
            r"|(?<![A-Za-z0-9_.])(?P<mark4>(?:[Xx]{1,4}|[×＊*]{1,4})[年月日号岁亿万元])"
            r"|(?<![\w.])(?P<mark2>[Xx]{2,4}(?:[.,][Xx]{1,4})+)(?![\w.])"
            r"|\b(?:since|in|from|until|by|before|after|seit|im|bis|ab|von)\s+(?P<mark5>[Xx]{4})\b"
            r"|\b(?P<mark6>(?:19|20)[Xx]{2})\b"
            r"|(?P<mark3>[$€£¥][Xx]{2,}\b)"
        ),
        kind="placeholder",
        score=0.9,
        flags=0,
        match=(
            "XX% of users",
            "grew xx.xx",
            "auf XX.XXX",
            "于X月X日",
            "$XX million",
            "**%",
            "since XXXX.",
            "in 20XX",
        ),
        no_match=("XXL shirts", "the XX century", "Xbox", "x = 5", "***"),
    ),
    RedactionRule(
        id="x-mask-formatted",
        needs=(
            *(f"x{sep}x" for sep in ".:/,"),
            *(f"{sign}x" for sign in "$€£¥"),
            "x%",
            "x %",
            "×",
            *(f"x. {m.lower()}" for m in words("months", langs=("de",))),
            *(f"x.{m.lower()}" for m in words("months", langs=("de",))),
            "jahr x",
            "jahre x",
        ),
        reason="X standing for the digits of a formatted number, a date or a year: 'X.X "
        "billion', 'X:XX', 'x/x/xx', 'X.XXX', 'X%', 'US$X.X', 'X. Oktober', 'im Jahr X', '×米'",
        pattern=(
            r"(?<![A-Za-z0-9_.$€£¥/:-])(?P<mark>[Xx]{1,4}(?:[.:/][Xx]{1,4})+)"
            r"(?!(?![AaPp][Mm]\b)[A-Za-z0-9_/:]|[.,][A-Za-z0-9])"
            r"|(?<![\w.])(?P<mark2>[Xx×] ?[%％])"
            r"|(?<![$€£¥])(?P<mark3>[$€£¥][Xx]{1,4}(?:[.,][Xx]{1,4})*)(?![\w.])"
            rf"|(?<![\w.])(?P<mark4>[Xx]{{1,2}}\. ?{_MONTHS_DE})\b"
            r"|\b(?:[Ii]m|[Ss]eit dem|[Aa]b dem|[Bb]is zum) Jahre? (?P<mark5>[Xx]{1,4})\b(?![.-]\w)"
            rf"|(?<![A-Za-z0-9_.×])(?P<mark6>×{{1,3}})(?=[{_CJK}])"
        ),
        kind="placeholder",
        score=0.85,
        flags=0,
        match=(
            "an aid package offer of US$X.X billion",
            "How is Wednesday at X:XX?",
            "Game 3: Monday, June 11 @ X:XXPM vs. Los Angeles",
            "EOL responses for x/x/xx.",
            "die Interessen von X.XXX Unternehmen",
            "THIS STORY IS X% TRUE.",
            "Er bezieht X % Zuschuss",
            "am X. Oktober beginnen",
            "betrugen die Emissionen im Jahr X noch",
            "各長×米，高4.8米",
            "体长可达XX.X公分",
        ),
        no_match=(
            "Python 3.x.x",
            "a 4 x 4 truck",
            "x/y plot",
            "Malcolm X said",
            "Windows XP",
            "5×3 = 15",
            "the X.Org server",
            "im Jahr 2020",
            "Generation X",
            "x86 and x64",
            "5 x 10%",
        ),
    ),
    RedactionRule(
        id="asterisk-mask-zh",
        needs=("*", "＊", "×", "■", "□", "○"),
        reason="a run of mask signs next to Chinese text: '张**', '**市'",
        pattern=(rf"(?:(?<=[{_CJK}])|(?=[*＊×■□○]{{2,}}[{_CJK}]))(?P<mark>[*＊×■□○]{{2,}})"),
        kind="placeholder",
        score=0.8,
        flags=0,
        match=("记者从**市获悉", "创始人张**表示", "××公司"),
        no_match=("***", "a ** b", "5×3"),
    ),
)

DATE_DIGITS = (
    RedactionRule(
        id="month-without-day-in-context-en",
        needs=tuple(sorted({m.lower().rstrip(".") for m in words("months", langs=("en",))})),
        reason="a month with its day cut: 'on May , 2020', 'Monday, June @ 7pm', 'on July th'",
        pattern=(
            rf"(?:\bon\s+|\b{_WEEKDAY_EN}[ ,]+)"
            rf"(?P<mark>{_MONTH_EN}(?:\s+(?:[,.@]|(?:st|nd|rd|th)\b)"
            rf"|(?=\s+(?:at|@)\s)))"
            rf"|\b(?P<mark2>{_MONTH_EN}\s+(?:,\s*[,.]|(?:st|nd|rd|th)\b|,(?=\s*(?:at|@)\s)))"
        ),
        kind="missing-number",
        score=0.85,
        flags=0,
        match=(
            "The deal closed on May , after weeks of talks.",
            "Game 9: Friday, July @ 7:30PM",
            "Thursday, Feb. , at noon",
            "on July th the parade",
            "signed on March at the embassy",
        ),
        no_match=(
            "The deal closed on May 5, 2020.",
            "In May, the company grew.",
            "Friday, July 7 @ 7:30PM",
            "on May Day",
            "He worked on March Madness brackets",
        ),
    ),
    RedactionRule(
        id="month-gap-en",
        needs=tuple(
            need
            for month in sorted({m.lower() for m in words("months", langs=("en",))})
            for need in (
                *(f"{month} -", f"({month} )", f"{month} .", f"{month} ?", f"  {month}"),
                f"on {month}",
            )
        )
        + tuple(f"dated {m.lower()}" for m in words("months", langs=("en",))),
        reason="a month whose day was cut where English needs one: the first end of a range "
        "('on January -11', 'Sept -22'), an empty bracket ('(March )'), a full stop after "
        "a space (or a question mark) once a word that wants a date or a comma stands before "
        "('a date of May .', 'through March .', 'is due Dec .', 'Thursday, July ?'; elsewhere "
        "that space is a typing slip), or a doubled space between such a "
        "word and the month ('on  May', 'is  September'), a month after 'on' before a "
        "word or punctuation that no day separates from it ('on September, 2003', 'on July "
        "in Anaheim'), after a weekday before a dash ('Wed. Sept. - Paris') or after "
        "'dated' ('dated Jan that')",
        pattern=(
            rf"(?=\b{_MONTH_EN})(?:"
            rf"(?P<mark>{_MONTH_EN} -)(?=\d| {_MONTH_EN} \d)"
            rf"|(?<=\()(?P<mark2>{_MONTH_EN} \))|"
            + _after("of", "is", "was", "through", "until", "after", "since", "before", "by", "due")
            + rf"(?P<mark3>{_MONTH_EN} [.?])(?=\s|$)"
            + rf"|(?<=, )(?P<mark9>{_MONTH_EN} [.?])(?=\s|$)"
            + "|(?:"
            + "|".join(
                rf"(?<=\b{word}  )"
                for word in ("on", "is", "was", "to", "by", "until", "from", "since", "before")
            )
            + r"|(?<=\bafter  ))"
            + rf"(?P<mark4>{_MONTH_EN})\b(?![ ,]*\d)"
            + rf"|(?:(?<=\bon )|(?<=\bOn ))(?P<mark5>{_MONTHS_FULL_EN})"
            + r"(?=\s*[.,;]|\s+(?:in|after|before|when|and|to|for|at|with)\b)"
            + "|(?:"
            + "|".join(
                rf"(?<=\b{re.escape(day + mark)} )"
                for day in words("weekdays", langs=("en",))
                for mark in ("", ".", ",", ".,")
                if not (day.endswith(".") and mark.startswith("."))
            )
            + rf")(?P<mark6>{_MONTH_EN} -)(?= )"
            + rf"|(?<=\bdated )(?P<mark8>{_MONTH_EN})(?= [a-z]))"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "We look forward to seeing you on January -11.",
            "from Sept -22 and Buenos Aires",
            "A rain storm on Sunday night (March ) caused",
            "an in-service date of May .",
            "to run from January 23 through March .",
            "Galois' fatal duel took place on  May.",
            "His feast day is  September.",
            "Galois' fatal duel took place on May. [17]",
            "his job as president on September, 2003.",
            "after getting called up on July in Anaheim.",
            "Wed. Sept. - Paris",
            "at the University, January - March 9 2014.",
            "the letter to producers dated Jan that",
            "and Enron reply is due Dec .",
            "how about Thursday, July ?",
        ),
        no_match=(
            "on January 10-11.",
            "(March 2004)",
            "support for May .",
            "quote back in June .",
            "the period of July through September 30 .",
            "was it May ?",
            "on May 5.",
            "in  May",
            "the April - June quarter",
            "born in Oklahoma City on  November 11, 1914.",
            "It was posted on Dec. 11, but",
            "on May Day",
            "on March 3 and 4",
            "Wed. Sept. 12 - Paris",
            "from January - March",
        ),
    ),
    RedactionRule(
        id="slashes-without-date",
        needs=("//",),
        reason="the slashes of a date whose digits were cut, standing alone before punctuation "
        "or the line's end, or after a word that wants a date: 'responses for //.', 'the draft "
        "dated //, and', 'effective //:' ('//' between spaces is otherwise a code comment)",
        pattern=(
            r"(?<=\s)(?P<mark>//)(?=[.,:;)]|[ \t]*(?m:$))|"
            + _after("on", "dated", "for", "of", "from", "until", "by", "effective", "since")
            + r"(?P<mark2>//)(?=\s)"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "Please find attached the responses for //.",
            "the draft dated //, and include",
            "Volumes for delivery effective //:",
            "Pakistan Link //",
            "on // at noon",
        ),
        no_match=(
            "see http://example.com.",
            "x = 1; // the counter",
            "on 10/12/2001.",
            "a // b",
        ),
    ),
    RedactionRule(
        id="clock-parts-without-digits",
        needs=(
            "gmt-",
            "gmt+",
            "utc-",
            "utc+",
            "::",
            "am to am",
            "pm to pm",
            "am to pm",
            "pm to am",
        ),
        reason="what is left of a clock time whose digits were cut: a time zone's offset "
        "('(GMT-:)', '(GMT-)'), a time's seconds ('2004 ::27'), both ends of a range ('is "
        "AM to AM')",
        pattern=(
            r"(?<=GMT|UTC)(?P<mark>[+-]:?)(?=\))"
            r"|(?<![\d:])(?P<mark2>::\d\d)\b"
            r"|\b(?P<mark3>(?:AM|PM) to (?:AM|PM))\b"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "10:30 AM-11:30 AM (GMT-:) Pacific Time",
            "11:30 AM (GMT-) Pacific Time",
            "Date: Thu, 11 Mar 2004 ::27 -0800",
            "Breakfast is AM to AM.",
        ),
        no_match=(
            "(GMT-08:00) Pacific Time",
            "Date: Thu, 11 Mar 2004 02:39:27 -0800",
            "from 7 AM to 9 AM",
            "std::vector",
            "a::b",
        ),
    ),
    RedactionRule(
        id="date-gap-after-vom-de",
        needs=("vom  ", "seit dem  ", "bis zum  "),
        reason="'vom', 'seit dem' or 'bis zum', a doubled space and then a lower-case word or "
        "a bracket: a date cut ('Verordnung vom  habe der Landkreis', 'Gesetz vom  (amtliche "
        "Begründung'); a noun after them is capitalised ('vom  Namen' is a typing slip)",
        pattern=r"\b(?P<mark>(?:[Vv]om|[Ss]eit dem|[Bb]is zum) {2,})(?=[a-zäöüß(])",
        kind="missing-number",
        score=0.75,
        flags=0,
        match=(
            "nach der CoronaVO NS vom  habe der Landkreis",
            "mit dem Gesetz vom  (amtliche Begründung unter",
            "gilt bis zum  und wird dann",
        ),
        no_match=(
            "gefolgt vom  Namen meiner Tochter",
            "vom 3. Mai",
            "vom  3. Mai",
            "vom großen Bruder",
            "seit dem  9. Juni 2015",
        ),
    ),
    RedactionRule(
        id="day-dot-without-digits-de",
        needs=(
            *(m.lower() for m in words("months", langs=("de",))),
            "..",
            ". bis",
            ".bis",
            ". -",
            ". –",
            ".-",
            ".–",
        ),
        reason="ein Datum ohne Ziffern: 'am . Juli', '(. Februar)', 'vom .. bis ..', 'am Juli'",
        pattern=(
            rf"(?<![^\s(])(?P<mark>\.\s?{_MONTH_DE})(?![\w-])"
            r"|\b(?:am|vom|zum|bis|ab|seit|bis zum|Stand)\s+"
            r"(?P<mark2>(?:\.\.|\.(?= ?(?:bis|-|–)))(?:\s?(?:bis|-|–)\s?\.\.?)?)(?=[\s,;)]|$)"
            rf"|\b(?P<mark3>am\s+{_MONTH_DE})(?![\w-])"
        ),
        kind="missing-number",
        score=0.85,
        flags=0,
        match=(
            "Das Fest findet am . Juli statt",
            "zum Fest des heiligen Blasius (. Februar) gespendet",
            "vom .. bis .. geöffnet",
            "am Juli wurde",
            ". März  begann",
        ),
        no_match=(
            "am 5. Juli",
            "im Juli",
            "vom 1.2. bis 3.4.",
            "Ende Juli...",
            "So. März",
            "bis zum Dezember",
            "der Bericht vom Mai",
        ),
    ),
    RedactionRule(
        id="date-without-digits-zh",
        needs=("年", "月", "歲", "岁"),
        reason="年/月/日 with every numeral cut: '年月日', '月日电', '在年，'",
        pattern=(
            r"(?:^|(?<=[，。；、「（(在於于自從从至到和與与及]))(?P<mark>年(?:[底初中末]?月"
            r"(?:[日號号]|[底初中末]|上旬|中旬|下旬)?|(?=[，、。；）)」至到起间間時时])))"
            r"|(?<![\d０-９〇零一二三四五六七八九十百千廿卅两兩几幾某上下本今明去前每当當次同该該"
            r"这這那个個整半年])(?P<mark2>月[日號号])(?![子常])"
            r"|(?:^|(?<=[在於于是據据自從从至到，,：:（(；;、])|(?<=[公西]元)|(?<=元前))(?P<mark3>年)"
            r"(?![輕轻青紀纪齡龄代底初終终末內内中度會会前後后間间來来份夜貨货華华關关薪金號号級级"
            r"報报輪轮久邁迈老幼少長长半頭头曆历鑑鉴表均產产營营收息利費费逾僅仅近滿满])"
            r"|(?:^|(?<=[在於于時时]))(?P<mark4>歲|岁)(?=[的時时那])"
        ),
        kind="missing-number",
        score=0.85,
        flags=0,
        match=(
            "年月日，武漢國民政府正式辦公",
            "北京月日电",
            "在年，該公司",
            "年，甘肅省歌舞團",
            "自年至年",
            "該觀點於年首次提出",
            "她在歲的時候",
            "公元前年，楚國攻佔魯國",
            "成為最早的州之一，年州議會決定",
        ),
        no_match=(
            "2005年3月15日",
            "出生年月不详",
            "這些年，",
            "，年輕人",
            "咸淳元年",
            "，年均增長",
            "某年某月",
            "去年，公司",
            "上月日前",
            "在年輕人中",
            "年代久遠",
            "於年底完成",
            "在歲月中",
        ),
    ),
    RedactionRule(
        id="time-without-digits",
        needs=(
            *(
                f"{p}{gap}uhr"
                for p in ("um", "gegen", "ab", "bis", "von", "vor", "nach")
                for gap in (" ", "  ")
            ),
            *(f"{sep}{unit}" for sep in (".", ". ", ":", ": ") for unit in ("uhr", "am", "pm")),
            "a.m",
            "p.m",
            *(f"{p}{unit}" for p in ("at ", "at  ", "@ ", "@  ") for unit in ("am", "pm")),
            *(
                f"{p} {unit}"
                for p in ("after", "before", "until", "till", "from")
                for unit in ("am", "pm")
            ),
            *(
                f"{day}{sep}{unit}"
                for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
                for sep in (" ", " : ", ": ")
                for unit in ("am", "pm")
            ),
        ),
        reason="a clock time whose digits were cut: 'um Uhr', 'ab . Uhr', 'at a.m.', '@ PM', "
        "'07:48: PM' (its seconds), 'from am to midnight', 'Sat am - 6 pm' (one end of a "
        "range)",
        pattern=(
            r"\b(?P<mark>(?:um|gegen|ab|bis|von|bis um|vor|nach)  ?(?:[:.] ?)?Uhr)\b"
            r"|(?:(?<=\s)|(?<=\d:\d\d)|^)(?P<mark2>[:.] ?(?:Uhr|[ap]\.m\.|[AP]M)(?=[\s,.;)]|$))"
            r"|(?:\bat|@)  ?(?P<mark3>(?:[ap]\.m\.|[AP]M))(?=[,.;)]|\s+(?:vs|on|in|to|and|until"
            r"|[A-Z]{2,4}T)\b|$)"
            r"|\b(?:after|before|until|till|from) +(?P<mark4>(?:[ap]\.m\.|[AP]M))(?=[,.;)])"
            # lower case only before 'to' or a dash: 'from PM to President' is intact
            r"|\b(?:after|before|until|till|from) +(?P<mark5>(?:[ap]\.m\.|[ap]m))"
            r"(?= +(?:to|until|till|[-–]) )"
            r"|\b(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.? *:? +(?P<mark6>(?:[ap]\.m\.|[ap]m"
            r"|[AP]M))(?= *[-–])"
        ),
        kind="missing-number",
        score=0.85,
        flags=0,
        match=(
            "Treffpunkt um Uhr am Rathaus",
            "ab . Uhr geöffnet",
            "on a plane at a.m.",
            "Monday @ PM vs. Phoenix",
            "We returned after PM, found no one there",
            "Beginn : Uhr",
            "sent on 09/11/99 07:48: PM",
            "she was working from am to midnight",
            "Store hours: Mon-Fri : am - 7 pm, Sat am - 06:30 pm",
        ),
        no_match=(
            "um 20 Uhr",
            "at 9 a.m.",
            "on 09/11/99 07:48 PM",
            "at 07:48:30 PM",
            "@ 7:30PM",
            "Die Uhr tickt",
            "He is at AM radio",
            "after PM Modi spoke",
            "the move from PM to President",
            "open from 9 am to 5 pm",
            "Sat 10 am - 2 pm",
        ),
    ),
    RedactionRule(
        id="clock-range-without-time-en",
        needs=(
            *(f"{marker}{dash}" for marker in ("am", "pm", "a.m.", "p.m.") for dash in "-–"),
            *(f"{marker} {dash}" for marker in ("am", "pm", "a.m.", "p.m.") for dash in "-–"),
            "from -",
            "between -",
        ),
        reason="a clock range with one time cut: the end after a marked start ('10:30 AM- AM', "
        "'10:30 AM-: AM') or the start after 'from' or 'between' ('from -6:30 p.m.')",
        pattern=(
            r"(?:(?<=[AP]M)|(?<=[ap]\.m\.))(?P<mark> ?[-–]:? (?:[AP]M|[ap]\.m\.))(?![\w.])"
            r"|(?:(?<=\bfrom )|(?<=\bbetween ))(?P<mark2>-)"
            r"(?=\d{1,2}(?::\d\d)? ?(?:[AP]M|[ap]\.m\.))"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "When: Wednesday, September 19 10:30 AM- AM (GMT-8:00)",
            "10:30 AM-: AM Pacific Time",
            "a meeting among the panel only from -6:30 p.m., and then",
        ),
        no_match=(
            "10:30 AM-11:30 AM",
            "from 5-6:30 p.m.",
            "from - to",
            "the AM - FM dial",
            "9 a.m. - 5 p.m.",
        ),
    ),
    RedactionRule(
        id="clock-colon-without-time-en",
        needs=tuple(f"{word} : " for word in _BEFORE_CLOCK_EN),
        reason="a time's colon alone between spaces after a word that a time follows: the "
        "hours and minutes were cut ('set for : on July 12', 'It was : when', 'is : Central "
        "Time'); none in 25,000 intact development sentences",
        pattern=rf"\b(?:{'|'.join(_BEFORE_CLOCK_EN)}) (?P<mark>:)(?= [^\W\d_])",
        kind="missing-number",
        score=0.75,
        match=("We're all set for : on July 12.", "It was : when a friend told me"),
        no_match=("We're all set for 10:30 on July 12.", "The answer is: yes", "at : 5"),
    ),
    RedactionRule(
        id="clock-marker-without-time-en",
        # the marker and the character after it, so that "that amount" or "by amazon" do not
        # wake the rule
        needs=tuple(
            f"{before}{unit}{after}"
            for before in (":", ".", "( ", " around ", " about ", " by ", " at ", "  ")
            for unit in ("am", "pm", "a.m.", "p.m.")
            for after in " \n\t,.;)!?-"
        ),
        reason="an English clock marker with no time before it: after 'around', 'about', 'by' "
        "or 'at' in lower case, which a space or the text's start precedes (the needs name the "
        "space) ('arrived around  am', 'lv. around noon, arrv. around pm'), "
        "after a bare colon or point ('until :am;', 'in about :pm'), or opening a bracket with "
        "a space ('( PM ET)'); upper-case 'AM'/'PM' after a word can be a radio band or a "
        "prime minister, and German 'am' a preposition, so those are left alone",
        # every branch starts with a literal (a word, ':', '.', '( '): the scan looks for it
        pattern=(
            r"(?:^|(?<= ))(?:around|about|by|at)  ?(?P<mark>(?:[ap]m|[ap]\.m\.))(?=[\s,.;)!?]|$)"
            r"|(?<![\w:.])(?P<mark2>[:.](?:[ap]m|[AP]M|[ap]\.m\.))(?=[\s,.;)!?-]|$)"
            r"|\( (?P<mark3>(?:[AP]M|[ap]\.m\.))(?=[ )])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "kids who'd arrived around  am and were drinking",
            "lv. around noon, arrv. around pm)",
            "breakfast every morning until :am; yummy",
            "We signed our name in about :pm.",
            "on tomorrow's daily call ( AM CST).",
            '"All Things Considered ( PM ET) - NPR',
            "at am the doors opened",
        ),
        no_match=(
            "arrived around 2 am and",
            "until 10:30am; yummy",
            "in about 5:pm",
            "(AM radio)",
            "I am at a loss",
            "He said: PM Modi spoke",
            "what time am I",
            "wir treffen uns am Montag um 9",
            "Modi (PM) said",
            "at 9 a.m.",
            "the hours:\nat am",
        ),
    ),
    RedactionRule(
        id="quantifier-before-unit-zh",
        needs=(
            "約",
            "约",
            "共",
            "達",
            "达",
            "逾",
            "超過",
            "超过",
            "將近",
            "将近",
            "僅",
            "仅",
            "總共",
            "总共",
            "合計",
            "合计",
            "累計",
            "累计",
            "長達",
            "长达",
            "歷時",
            "历时",
            "耗資",
            "耗资",
            "年僅",
            "年仅",
        ),
        reason="a quantifier directly before a unit or counted thing: '共人', '达亿美元', '约分钟'",
        pattern=(
            rf"(?<![公總总一中協协])(?!(?:達|达|約|约)人|(?:約|约)[個个]|(?:僅|仅)次){_QUANTIFIER_ZH}"
            rf"(?P<mark>{_COUNTED_ZH})"
            r"(?![人事物士才口員员民們们工群格生家體体間间數数份會会前後后來来代輕轻紀纪齡龄"
            r"度底初終终級级位名位次字目家長长部隊队國国區区本台週周刊子期場场種种件面天])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=("共名選手參賽", "全程约分钟", "長達年的戰爭", "累計元"),
        no_match=(
            "共3名",
            "达10亿美元",
            "共同",
            "達人",
            "約會",
            "逾萬人",
            "近日",
            "共有人",
            "约个时间",
            "協約國的軍隊",
            "公共場合",
            "僅次於",
            "中共中央",
        ),
    ),
    RedactionRule(
        id="quantifier-before-unit",
        needs=(
            "approx",
            "roughly",
            "nearly",
            "almost",
            "exactly",
            "at least",
            "at most",
            "as many",
            "as much",
            "a total",
            "estimated",
            "upwards",
            "in excess",
            "total",
            "worth",
            "costing",
            "about ",
            "around ",
            "over ",
            "up to",
            "more than",
            "less than",
            "fewer than",
            "close to",
            "rund",
            "etwa",
            "ca.",
            "circa",
            "knapp",
            "nahezu",
            "beinahe",
            "annähernd",
            "insgesamt",
            "bis zu",
            "um die",
            "rd.",
            "mindestens",
            "höchstens",
            "maximal",
            "mehr als",
            "weniger als",
        ),
        reason="a quantifier directly before a unit or counted noun: 'approximately people', "
        "'worth billion euros', 'rund Euro', 'mindestens Menschen' (the looser 'about', "
        "'more than', 'mehr als' only before a measure, a magnitude or money)",
        pattern=(
            r"\b(?P<mark>(?:(?:approximately|approx\.|roughly|nearly|almost|exactly|at least"
            r"|at most|as many as|as much as|a total of|an estimated|upwards of|in excess of"
            r"|totall?ing|worth|costing)\s+(?:(?:hundred|thousand|million|billion|trillion)\s+)?"
            rf"(?=[a-z]){_COUNTED_EN}"
            r"|(?:an estimated|as many as|upwards of)\s+[a-z]{3,}(?:[^s\W]s|men|ren)"
            r"|(?:about|around|over|up to|more than|less than|close to)\s+"
            rf"{_MEASURE_EN}"
            r"|(?:rund|etwa|ca\.|circa|knapp|nahezu|beinahe|annähernd|insgesamt|bis zu|um die"
            r"|rd\.|mindestens|höchstens|maximal)\s+(?:(?:Millionen|Milliarden|Mio\.|Mrd\."
            rf"|Tausend)\s+)?(?!Uhr){_COUNTED_DE}"
            rf"|(?:mehr als|weniger als)\s+{_MEASURE_DE}))(?![\w-])"
        ),
        kind="missing-number",
        score=0.8,
        flags=0,
        match=(
            "approximately people were evacuated",
            "a deal worth billion euros",
            "an estimated protesters gathered",
            "rund Euro kostet",
            "mindestens Menschen starben",
            "at least days",
            "close to million dollars",
            "mehr als Millionen Euro",
        ),
        no_match=(
            "about 300 people",
            "talking about people",
            "rund 20 Euro",
            "some people say",
            "over years of work",
            "just days after the vote",
            "Es geht um Menschen",
            "mehr als Menschen",
            "only days later",
            "about a mile",
            "rund um die Uhr",
            "approximately equals",
            "approximately 40 protesters",
        ),
    ),
)

ANONYMISATION = (
    RedactionRule(
        id="anonymisation-token",
        needs=("#", "[", "<", "(", "{", "【"),
        reason="an anonymiser's tag in place of a name: '#NAME#', '[PERSON4]', '(PERSON1)', "
        "'<ORG>', '[REDACTED]'",
        pattern=(
            rf"(?P<mark>#{_ANON_LABELS}(?:_?\d+)?#|\[{_ANON_LABELS}(?:_?\d+)?\]"
            rf"|<{_ANON_LABELS}(?:_?\d+)?>|\{{{_ANON_LABELS}(?:_?\d+)?\}}|【{_ANON_LABELS}(?:_?\d+)?】"
            rf"|\((?:{_ANON_LABELS}_?\d+|PERSON|NAME|REDACTED|ORGANI[SZ]ATION|LOCATION)\))"
        ),
        kind="placeholder",
        score=0.9,
        flags=0,
        match=(
            "said #NAME# on Monday",
            "[PERSON4] told",
            "(PERSON1) said",
            "the <ORG> board",
            "[REDACTED] was present",
            "到<LOC>访问",
            "#PERSON_2# wrote",
        ),
        no_match=(
            "the (USA) team",
            "[1]",
            "<b>bold</b>",
            "(ORG) chart",
            "[Update]",
            "#hashtag#",
            "(ID) state",
        ),
    ),
    RedactionRule(
        id="black-bars",
        needs=("█", "▇", "▓"),
        reason="a run of black bars where text was blacked out: '███'",
        pattern=r"(?P<mark>[█▇▓]+(?:\s[█▇▓]+)*)",
        kind="placeholder",
        score=0.9,
        flags=0,
        match=("the agent ███ met", "Name: █████ ███", "以▇▇为首"),
        no_match=("a ▲ sign", "■ bullet", "the agent met"),
    ),
    RedactionRule(
        id="number-placeholder-before-unit",
        needs=(
            *(f"x{end}" for end in " ,.;:)!?"),
            # 'May X' before any other mark ('May X[')
            *(f"{month.lower()} x" for month in words("months", langs=("en", "de"))),
            "xx",
            "×",
            "$x",
            "€x",
            "£x",
            *(f"x{w}" for w in words("time_units", "count_nouns", "currency_words", langs=("zh",))),
            *(f"x{w}" for w in words("measure_units", langs=("zh",)) if len(w) > 1),
        ),
        reason="X or × standing for a number before a unit or counted noun: 'XX people', "
        "'X million', 'May xx', '×人'",
        pattern=(
            rf"(?<![\w.-])(?P<mark>(?:X{{1,3}}|x{{1,3}}) (?:{_COUNTED_EN}|{_COUNTED_DE})(?![\w-])"
            rf"|(?:{_MONTH_EN}|{_MONTH_DE}) (?:X{{1,2}}|x{{1,2}})\b"
            r"|(?:[Xx]{2}|××)[:：](?:[Xx]{2}|××))"
            rf"|(?<![A-Za-z0-9_.])(?P<mark2>[×Xx]{{1,3}}{_COUNTED_ZH})"
            r"|(?<![\w$€£])(?P<mark3>[$€£][Xx]{1,3}[mkMbB]?)\b"
        ),
        kind="placeholder",
        score=0.85,
        flags=0,
        match=(
            "XX people attended",
            "sold X million copies",
            "seit XX Jahren",
            "on May xx",
            "共有×人",
            "at XX:XX PM",
            "worth $Xm",
            "um XX Uhr",
            "May X[",
        ),
        no_match=(
            "Generation X",
            "x = 5 km",
            "XXL shirts",
            "Malcolm X",
            "a 4 x 4 truck",
            "X-Men",
            "Windows XP",
        ),
    ),
)


PLACEHOLDER_CONTEXT = (
    RedactionRule(
        id="x-placeholder-in-number-frame",
        needs=(
            *("x bis ", "bis x", "x und ", "und x", "§ x", "abs. x", "x,", "xx "),
            *(f"{word.lower()} x" for word in _BEFORE_X_DE),
        ),
        reason="X, XX or x standing for a number where only a number can stand: a range or a "
        "pair with a number at its other end ('von X bis 50 Grad', '50 bis X Paare', '(x,x bis "
        "10 kW)', 'die Jahre X und 1928'), after '§' or 'Abs.' ('§ X Abs.', 'Abs. X BGB'), with "
        "decimal places ('(X,56 min)'), XX before a capitalised noun ('XX Kommentare', 'aller XX "
        "Achttausender'), or after a German adverb of time or 'Ende' ('schon X gewählten', 'Ende "
        "xx,'); none in 25,000 intact dev sentences",
        pattern=(
            r"(?<![\w.,])(?P<mark>[Xx]{1,3}(?:,(?:[Xx]{1,3}|\d+))?)(?= (?:bis|und) \d)"
            r"|(?:(?<=\d bis )|(?<=\d und ))(?P<mark2>[Xx]{1,3})(?![\w.,-])"
            r"|(?:(?<=§ )|(?<=\bAbs\. ))(?P<mark3>[Xx]{1,3})\b(?![.-]\w)"
            r"|(?<![\w.,])(?P<mark4>[Xx]{1,3},(?:[Xx]{1,3}|\d+))(?![\w.,])"
            r"|(?<![\w.-])(?P<mark5>XX|xx)(?= (?!Century|Jahrhundert)[A-ZÄÖÜ][a-zäöüß]{2,}\b)"
            r"|(?:" + "|".join(rf"(?<=\b{word} )" for word in _BEFORE_X_DE) + r")"
            r"(?P<mark6>X{1,2}|x{1,2})(?=\s+[a-zäöü]|[,.;)]|$)"
        ),
        kind="placeholder",
        score=0.8,
        flags=0,
        match=(
            "Vorlauftemperaturen von X bis 50 Grad",
            "nur noch 50 bis X Paare wurden gezählt",
            "Kleinwindanlagen (x,x bis 10 kW)",
            "Nach § X Abs.",
            "(§ 449 Abs. X BGB)",
            "(Eintracht Frankfurt; X,56 min)",
            "Auch die Jahre X und 1928 endeten mit Verlusten.",
            "XX Kommentare zu diesem Artikel",
            "die Besteigung aller XX Achttausender",
            "des schon X gewählten Firmenzeichens",
            "seit seiner Machtübernahme Ende xx, dass",
        ),
        no_match=(
            "von 20 bis 50 Grad",
            "Malcolm X bis heute",
            "§ 449 Abs. 2 BGB",
            "x, y und z",
            "Abs. Xenia",
            "Dr. X sagte",
            "the XX Century",
            "Generation X und Y",
            "schon X-mal",
            "Papst Pius XX.",
        ),
    ),
    RedactionRule(
        id="x-placeholder-before-word",
        needs=(" x ", " x. "),
        reason="a single capital X before a month ('on X September', 'am X. Mai') or before a "
        "lower-case word, at the text's start or after a "
        "comma, a lower-case word (no capital inside: not 'iPhone X'), 'Am' or 'Jahr': a year "
        "or count replaced ('X wurde sie', 'für X ein', 'bis zum X bei', 'from X sources'); "
        "after a capitalised word X is a name ('Tag X und', 'Malcolm X was'); none in 25,000 "
        "intact dev sentences",
        pattern=(
            # (?=X) first: inside a word only that and (?<![\w-]) are tried (1.7x faster)
            r"(?:(?=X)(?:^|(?<=[,;:] )|(?<=\bAm )|(?<=\bJahr ))"
            r"|(?<![\w-])(?=[a-zäöüß][\w-]* X )[a-zäöüß](?![\w-]*[A-ZÄÖÜ])[\w-]* )"
            r"(?P<mark>X)(?= [a-zäöü]{2,})"
            rf"|(?<!\S)(?P<mark2>X)(?=\.? (?:{_MONTHS_FULL_EN}|{_MONTHS_DE})\b)"
        ),
        kind="placeholder",
        score=0.75,
        flags=0,
        match=(
            "X wurde dann endlich eine der größten",
            "Der HDE prognostiziert daher für X ein preisbereinigtes Wachstum",
            "müssen bis zum X bei der zuständigen Behörde",
            "collected the Ames strain from X sources.",
            "Am X erreichte uns eine Meldung",
            "his job as president on X September, 2003.",
            "Das Fest beginnt am X. Mai",
        ),
        no_match=(
            "am Tag X und im Einzelhang",
            "Malcolm X was born",
            "vom iPhone X folgende Modelle",
            "the x axis",
            "X-ray images",
            "from 5 sources",
        ),
    ),
    RedactionRule(
        id="x-placeholder-in-context",
        needs=(
            "xx",
            " x ",
            " x%",
            *(
                f"{word}{gap}x"
                for word in ("seit", "bis", "ab", "since", "until")
                for gap in (" ", "  ")
            ),
            *(
                f"{word}{gap}x{mark}"
                for word in ("in", "after", "before", "between")
                for gap in (" ", "  ")
                for mark in (".", ",", ";", " and")
            ),
        ),
        reason="XX or xx standing alone for a number after a preposition or quantifier (the "
        "lexicons' en and de lists) or before a lower-case word or a German month: 'in XX', "
        "'mehr als XX afghanischen', 'ungefähr XX Patente', 'vom XX. Februar'; a single X "
        "only after 'seit', 'bis', 'ab', 'since' or 'until' ('Seit X verantwortet'), or as a "
        "year after 'in', 'after', 'before', 'between' before punctuation or 'and' and a "
        "number ('launched in X.', 'between X and 1662'), before a unit, a currency or a percent "
        "sign ('X % der Container', 'kostet X Euro'), or after a quantifier ('bis zu X Fans'); "
        "none of the single-X frames in 25,000 intact dev sentences",
        pattern=(
            # the lookbehinds are tried only where an X starts
            r"(?=[Xx])"
            + _after(*words("prepositions", "quantifiers", langs=("en", "de")))
            + r"(?P<mark>XXX?|xxx?)(?=[\s,.;:)]|$)"
            r"(?!\s+(?:century|centuries|Jahrhundert|chromosomes?))"
            rf"|(?<![\w.-])(?P<mark2>(?:XX|xx)\.?\s?{_MONTH_DE})\b"
            r"|(?<![\w.-])(?P<mark3>XXX?|xxx?)(?=\s+[a-zäöü]{2,})(?!\s+(?:century|chromosomes?))"
            r"|\b(?:[Ss]eit|[Bb]is|[Aa]b|[Ss]ince|[Uu]ntil)  ?(?P<mark4>X)(?=[,.;:)]|\s+[a-zäöü]|$)"
            r"|(?=X(?:[,.;](?:\s|$)| and\s+\d))"
            + _after(*("in", "In", "after", "After", "before", "Before", "between", "Between"))
            + r"(?P<mark5>X)"
            r"|(?:^|(?<= ))(?P<mark6>X)(?: (?=(?!Jahrhundert)"
            + _UNIT_WORD_DE_EN
            + r"(?!\w))| ?(?=%))"
            r"|(?=X )" + _after(*words("quantifiers", langs=("en", "de"))) + r"(?P<mark7>X)(?= \S)"
        ),
        kind="placeholder",
        score=0.8,
        flags=0,
        match=(
            "the accident in XX caused",
            "mehr als XX afghanischen",
            "vom XX. Februar",
            "begun in xx.",
            "etwa xx auf Büssing",
            "erwarb er ungefähr XX Patente",
            "Seit X verantwortet Loibl",
            "mit dem Gesetz seit X sogar sechs",
            "a mission that was launched in X.",
            "Built by Shah Abbas II between X and 1662.",
            "Started in X, the lantern festival continues",
            "In Göteborg werden aktuell X % der Container per Bahn transportiert.",
            "der Eintritt kostet X Euro",
            "sind bis zu X Fans zugelassen",
        ),
        no_match=(
            "the XX century",
            "XX chromosomes",
            "Super Bowl XX.",
            "Malcolm X",
            "love you xx",
            "XXL",
            "since X Corp. bought it",
            "bis X-Achse",
            "World War XX Corps",
            "the value of X.",
            "Malcolm X.",
            "between X and Y",
            "bei X Zugriff darauf bekommen",
            "im X. Jahrhundert",
            "the X Games",
        ),
    ),
    RedactionRule(
        id="x-day-or-clock-en",
        needs=(
            *(f"{m.lower()} x" for m in words("months", langs=("en",))),
            *(f"x{gap}{mark}" for gap in ("x", "x ", " ") for mark in ("am", "pm", "pdt", "pst")),
            *(f"x{gap}{mark}" for gap in ("x", "x ", " ") for mark in ("edt", "est", "gmt", "cet")),
        ),
        reason="X or xx standing for a day after a month ('May Xth', 'Nov. xxth') or for a "
        "clock time before its marker or zone ('@ xxPM', 'xx PDT'; a single X after 'at' "
        "or '@': 'at X PM')",
        pattern=(
            rf"\b(?P<mark>{_MONTH_EN} [Xx]{{1,2}}(?:st|nd|rd|th))\b"
            r"|(?<![\w.:-])(?P<mark2>(?:XX|xx) ?(?:AM|PM|am|pm|PDT|PST|EDT|EST|GMT|CET))\b"
            r"|(?:(?<=\bat )|(?<=@ )|(?<=@))(?P<mark3>[Xx] (?:AM|PM|am|pm))\b"
        ),
        kind="placeholder",
        score=0.8,
        flags=0,
        match=(
            "Tonight is Thursday, May Xth.",
            "Date: Monday, Nov. xxth",
            "Saturday, May 12 @ xxPM vs. Miami",
            "on 26 Oct 2004 xx PDT",
            "the show starts at X PM",
        ),
        no_match=("X AMD processors", "Box PM", "on May 5th", "Malcolm X PM"),
    ),
)


VAGUE_DATE = (
    RedactionRule(
        id="a-certain-date-en",
        needs=("a certain",),
        reason="'a certain date/month/year' standing in for a date that was cut",
        pattern=(
            r"\b(?P<mark>(?:(?:on|in|since|until|by|from|before|after|during|as of"
            r"|at the (?:end|beginning|start) of|early|late|mid)\s+)?a certain"
            r" (?:month and year|day and month|date|day|month|year|week|quarter)"
            r"(?:\s+(?:of\s+)?(?:this|last|next) year)?)\b"
        ),
        kind="vague-date",
        score=0.85,
        match=(
            "On a certain date, Joe Tsai recalled",
            "In a certain month and year, the",
            "Since a certain month this year, the stock",
            "a new high since a certain month and year.",
        ),
        no_match=("to a certain extent", "a certain company", "after a certain age", "one day"),
    ),
    RedactionRule(
        id="a-certain-date-de",
        needs=("bestimmten", "gewissen"),
        reason="'an einem bestimmten Tag' und ähnliche Umschreibungen eines gestrichenen Datums",
        pattern=(
            r"\b(?P<mark>(?:an|in|seit|bis|ab|vor|nach|zu)\s+(?:einem|einer)\s+(?:bestimmten"
            r"|gewissen)\s+(?:Tag|Datum|Monat|Jahr|Woche|Quartal)(?:es|s|e)?"
            r"(?:\s+(?:dieses|des vergangenen|des letzten|letzten|vergangenen|nächsten)"
            r"\s+Jahres)?)\b"
        ),
        kind="vague-date",
        score=0.85,
        match=("An einem bestimmten Tag erklärte", "seit einem gewissen Monat dieses Jahres"),
        no_match=("zu einem bestimmten Zeitpunkt", "bis zu einem gewissen Grad"),
    ),
    RedactionRule(
        id="a-certain-date-zh",
        needs=("某",),
        reason="某年/某月/某日 standing in for a date that was cut",
        pattern=r"(?P<mark>某(?:年|月|日)(?:某(?:年|月|日))*(?:份)?)(?![轻纪级龄度报])",
        kind="vague-date",
        score=0.85,
        flags=0,
        match=("某年某月，该公司", "某日，马云回忆", "自今年某月以来"),
        no_match=("某年轻人", "某日报记者", "某公司", "某年级学生"),
    ),
)

MISSING_NAME = (
    RedactionRule(
        id="possessive-without-name",
        needs=("'s", "’s"),
        reason="a possessive 's with nothing before it: \"Hangzhou-based 's founder\"",
        pattern=r"(?:(?<=[\s(“\"‘])|^)(?P<mark>['’]s)\b(?!-)",
        kind="missing-name",
        score=0.8,
        flags=0,
        match=("the rise of 's model", "In Hangzhou, ’s founder"),
        no_match=("Alibaba's founder", "'s-Hertogenbosch", "rock 'n' roll"),
    ),
    RedactionRule(
        id="role-of-nothing",
        needs=(" ,", " .", " ;"),
        reason="a role or relation 'of' nothing: 'the founder of , Liang'",
        pattern=(
            r"\b(?P<mark>(?:founder|co-founder|CEO|chairman|chairwoman|president|chief executive"
            r"|owner|parent company|subsidiary|rival|spokesperson|spokesman|spokeswoman|creator"
            r"|maker|developer|investor|shareholder|Gründer|Gründerin|Chef|Chefin|Sprecher"
            r"|Sprecherin|Mutterkonzern|Tochter)(?:\s+(?:of|at|von|des|der|bei))? +[,.;])(?!\S)"
        ),
        kind="missing-name",
        score=0.85,
        match=(
            "Liang Wenfeng, the founder of , said",
            "der Gründer von , Liang",
            "its chief executive , said on Monday",
        ),
        no_match=("the founder of DeepSeek, Liang", "der Gründer von Alibaba", "the CEO, Lisa Su"),
    ),
    RedactionRule(
        id="title-without-name",
        needs=("mr", "mrs", "ms", "dr", "prof", "记者", "通讯员", "实习生"),
        reason="a title or byline with the name cut: 'Mr. said', '（记者 ）'",
        pattern=(
            r"\b(?P<mark>(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?:said|says|told|added|noted|stated|explained"
            r"|wrote|argued|declined|did not|didn't))\b"
            r"|(?P<mark2>[（(](?:本报)?(?:记者|通讯员|实习生|编辑|作者)[\s　]*[）)])"
        ),
        kind="missing-name",
        score=0.85,
        flags=0,
        match=("Mr. said the plan was sound", "Dr said", "本报讯（记者 ）昨日", "（通讯员）"),
        no_match=("Mr. Liang said", "Dr. Zhang told", "（记者 张三）", "the Mr. Bean film"),
    ),
    RedactionRule(
        id="list-without-item",
        needs=("such as", "including", "e.g.", "darunter", "wie etwa", " ,", "、"),
        reason="an enumeration with an empty item: 'such as , Unitree', 'darunter und'",
        pattern=(
            r"\b(?P<mark>(?:such as|including|e\.g\.|darunter|wie etwa)\s+(?:,|(?:and|or"
            r"|und|oder)\b)|like +,)"
            rf"|(?P<mark2>[,，] +,|、\s*、|、(?:和|与|及)|(?<=[{_CJK}])(?:和|与)、)"
        ),
        kind="missing-name",
        score=0.75,
        match=("companies such as , Unitree", "Firmen wie etwa und Xiaomi", "阿里巴巴、、腾讯"),
        no_match=("I like and respect her", "such as Alibaba and", "A, B and C"),
    ),
    RedactionRule(
        id="empty-quotes",
        needs=('""', "“", "„", "「", "《", "『"),
        reason="an empty pair of quotes or title marks where a name stood: 'the app \"\"'",
        # (not CSV-doubled quotes ""Software"" nor a Python docstring """)
        pattern=r"(?P<mark>(?<![\w\"])\"\"(?![\w\"])|“\s*”|„\s*“|「\s*」|《\s*》|『\s*』)",
        kind="missing-name",
        score=0.7,
        flags=0,
        match=('the chatbot "" topped the charts', "电视剧《》热播", "die App „“ führte"),
        no_match=(
            'the chatbot "Kimi" topped',
            "《黑神话：悟空》",
            'files (the ""Software""), to deal',
            '    """All source files',
        ),
    ),
)

#: Every redaction rule, by kind. A new heuristic is a new row in one of these tuples.
RULES: tuple[RedactionRule, ...] = (
    MISSING_NUMBER
    + DATE_DIGITS
    + PLACEHOLDER
    + PLACEHOLDER_CONTEXT
    + ANONYMISATION
    + VAGUE_DATE
    + MISSING_NAME
)
