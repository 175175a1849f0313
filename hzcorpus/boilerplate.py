"""Boilerplate of page-text dumps, as data: word lists, thresholds and the line-rule table.

`LINE_RULES` holds one `Rule` per kind of site furniture. A rule's `kind` says what a hit
means to the cleaner (`clean.py`):

- `furniture`: the line is dropped wherever it stands;
- `edge`: dropped only outside the article body (before its first or after its last prose
  line): cookie banners and menu runs look like prose or headings, so they are trusted
  only at the edges;
- `boundary`: a section header that starts non-article matter (comments, related
  articles, footer): dropped, and it closes the block of lines before it;
- `published`: a date line, dropped and parsed into `Document.published`;
- `byline`: dropped; a named author (regex group `author`) goes to `Document.author`;
- `toc`: the heading of a table of contents; the list after it is found in context.

Rules that need context (a table of contents, repeats of the title or a caption, the
article's edges) live in `clean.py`, with their thresholds in `Thresholds` and their
reasons in `CONTEXT_REASONS`. Furniture is listed in English, German, Spanish, French and
Chinese; no rule depends on the language of the page, so a Spanish cart label is found in
an English page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .bylines import empty_pattern, line_pattern
from .line_matcher import LineMatcher
from .rules import Rule, guarded

# --- word lists ------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


#: Function words of the Latin-script languages the rules know (en, de, es, fr), lowercase.
STOPWORDS: frozenset[str] = frozenset(
    _words(
        """
    a an the and or but of to in on at for with from by as is are was were be been has
    have had it its this that these those which who what when where how he she they we
    you i his her their our not no will would can could should may also than then there
    if about into after before over more most said says
    der die das den dem des ein eine einen einem einer und oder aber nicht ist sind war
    waren wird werden hat haben hatte mit von zu im am auf für aus bei nach vor über wie
    als auch es sie er wir ich sich dass noch nur schon so wenn man
    el la los las un una unos unas y o pero de del al en con por para es son fue era ha
    han que se su sus lo como más este esta estos ese esa le les ya sin sobre entre
    le les des du une et ou mais est sont était a ont dans sur pour par avec ce cette qui
    ne pas plus au aux se sa son ses leur il elle ils nous vous on
    """
    )
)

#: Frequent Chinese function characters: a line of prose holds some, a menu rarely does.
CJK_FUNCTION_CHARS: frozenset[str] = frozenset(
    "的了是在和有也就都而与对这那为着个们以及被把让从到说将"
)

#: Names that icon fonts and CSS classes give their glyphs (lowercase).
ICON_WORDS: frozenset[str] = frozenset(
    _words(
        """
    arrow arrow-left arrow-right arrow-up arrow-down cart chevron chevron-down chevron-left
    chevron-right chevron-up close menu minus plus play pause search share user email mail
    pinterest facebook instagram snapchat tumblr twitter vimeo youtube tiktok linkedin
    whatsapp telegram reddit rss subscribe trash heart star home bars times check caret
    caret-down caret-up hamburger icon phone print bookmark comment comments download upload
    settings gear lock unlock eye calendar clock tag tags filter grid list external link
    apple android google paypal visa mastercard bitcoin litecoin dogecoin amex maestro
    shopify jcb discover diners_club
    """
    )
)

#: Social networks and sharing targets (lowercase), for runs of share buttons.
SOCIAL_WORDS: frozenset[str] = frozenset(
    _words(
        """
    facebook twitter x linkedin whatsapp telegram reddit pinterest xing tumblr email e-mail
    mail print copy link x.com weibo wechat qq 微信 微博 qq空间 instagram youtube tiktok threads
    bluesky mastodon flipboard pocket messenger sms line vk digg del.icio.us stumbleupon myspace
    """
    )
)

#: Bookmark and link-sharing sites of older share rows (lowercase): share targets only,
#: not share buttons on their own (a lone "Google" is no share row).
BOOKMARK_SITES: frozenset[str] = frozenset(
    _words("newsvine technorati furl fark slashdot delicious google yahoo yahoo! myweb live")
)

#: Section and category names of news sites (lowercase), for category labels and menus.
CATEGORY_WORDS: frozenset[str] = frozenset(
    _words(
        """
    news world politics business economy markets tech technology science health sport
    sports culture arts entertainment lifestyle travel opinion opinions video videos local
    national international weather life style food education environment climate money
    finance cars auto motoring media books music film tv europe asia china us uk africa
    americas latest live
    nachrichten politik wirtschaft finanzen kultur wissen gesundheit panorama meinung reise
    regional lokales digital welt deutschland ausland inland leben gesellschaft
    noticias nacional internacional política economía deportes cultura sociedad opinión
    tecnología ciencia salud mundo españa espectáculos vida
    actualités politique économie société monde sciences santé france
    新闻 国内 国际 财经 科技 体育 娱乐 社会 军事 文化
    健康 教育 汽车 房产 评论 视频 图片 经济 时政 观点
    """
    )
)

#: Whole-line interface labels: buttons and links of a site's chrome (lowercase).
UI_LABELS: frozenset[str] = frozenset(
    [
        *_words("menu menü menú 菜单 navigation search suche buscar rechercher recherche 搜索"),
        *_words("close schließen cerrar fermer 关闭 home startseite inicio portada accueil 首页"),
        *_words("login register anmelden registrieren einloggen registrarse connexion 登录 注册"),
        *_words("more mehr más plus 更多 previous next zurück weiter anterior siguiente"),
        *_words(
            "précédent suivant 上一篇 下一篇 print drucken imprimir imprimer 打印 email e-mail"
        ),
        *_words("reply antworten responder répondre 回复 like report melden denunciar signaler"),
        *_words("举报 listen escuchar écouter 收听 accept akzeptieren aceptar accepter 接受 同意"),
        *_words("rechazar 拒绝 einstellungen configuración paramètres 设置 video podcast"),
        *_words("e-paper epaper abo abonnement subscribe suscríbete 订阅 share teilen"),
        *_words("compartir partager 分享 zoom vergrößern ampliar agrandir 放大 loading"),
        "log in",
        "sign in",
        "sign up",
        "sign out",
        "log out",
        "iniciar sesión",
        "se connecter",
        "s'inscrire",
        "my account",
        "mein konto",
        "mi cuenta",
        "mon compte",
        "我的账户",
        "read more",
        "weiterlesen",
        "mehr lesen",
        "leer más",
        "seguir leyendo",
        "lire la suite",
        "lire plus",
        "阅读全文",
        "查看更多",
        "show more",
        "load more",
        "mehr laden",
        "cargar más",
        "voir plus",
        "加载更多",
        "back to top",
        "newer post",
        "older post",
        "newer posts",
        "older posts",
        "neuerer post",
        "älterer post",
        "entrada más reciente",
        "entrada antigua",
        "article plus récent",
        "article plus ancien",
        "较新的博文",
        "较早的博文",
        "nach oben",
        "zurück nach oben",
        "volver arriba",
        "ir arriba",
        "retour en haut",
        "返回顶部",
        # back-to-top links under each section or post
        "top of page",
        "top of the page",
        "to top",
        "up to top",
        "back to the top",
        "return to top",
        "return to the top",
        "seitenanfang",
        "zum seitenanfang",
        "subir",
        "haut de page",
        "回到顶部",
        "skip to content",
        "skip to main content",
        "skip navigation",
        "zum hauptinhalt springen",
        "zur navigation springen",
        "saltar a la navegación",
        "aller à la navigation",
        "zum inhalt springen",
        "direkt zum inhalt",
        "ir al contenido",
        "saltar al contenido",
        "aller au contenu",
        "跳到主要内容",
        "copy link",
        "link kopieren",
        "copiar enlace",
        "copier le lien",
        "复制链接",
        "gefällt mir",
        "me gusta",
        "j'aime",
        "listen to this article",
        "artikel anhören",
        "escuchar artículo",
        "escucha esta nota",
        "escucha esta nota aquí",
        "écouter l'article",
        "écouter cet article",
        "收听本文",
        "accept all",
        "accept cookies",
        "alle akzeptieren",
        "aceptar todo",
        "aceptar todas",
        "tout accepter",
        "reject all",
        "alle ablehnen",
        "rechazar todo",
        "tout refuser",
        "manage preferences",
        "manage cookies",
        "cookie settings",
        "cookie-einstellungen",
        "privacy settings",
        "datenschutzeinstellungen",
        "toggle navigation",
        "open menu",
        "jetzt abonnieren",
        "s'abonner",
        "agree and continue",
        "zustimmen und weiter",
        "aceptar y continuar",
        "accepter et continuer",
        "同意并继续",
        "go to comments",
        "view comments",
        "show comments",
        "kommentare anzeigen",
        "ver comentarios",
        "voir les commentaires",
        "查看评论",
        "listen to this story",
        "écouter cet article",
        "artikel vorlesen",
        "escuchar esta noticia",
        "open app",
        "app öffnen",
        "abrir en la app",
        "ouvrir dans l'application",
        "zu den kommentaren",
        "ir a los comentarios",
        "aller aux commentaires",
        "read later",
        "später lesen",
        "leer más tarde",
        "lire plus tard",
        "gift this article",
        "artikel verschenken",
        "regalar artículo",
        "offrir l'article",
        "offrir l’article",
        "zur merkliste hinzufügen",
        "apúntate",
        "regístrate",
        "sign up now",
        "jetzt anmelden",
        "inscrivez-vous",
        "imprimer la recette",
        "print recipe",
        "rezept drucken",
        "imprimir receta",
        "关闭窗口",
        "我要纠错",
        "阅读原文",
        "小字号",
        "大字号",
        "分享让更多人看到",
        "text size",
        "schriftgröße",
        "tamaño de letra",
        "taille du texte",
        "点个在看，你最好看",
        "点个在看",
        "在看",
        "点赞",
        "escucha esta nota",
        "escuchar nota",
        "listen to this",
        "【我要纠错】",
        "bild vergrößern",
        "enlarge image",
        "view larger image",
        "ampliar imagen",
        "agrandir l'image",
        "查看大图",
        "save",
        "speichern",
        "merken",
        "guardar",
        "enregistrer",
        "收藏",
        "zur startseite",
        "all news",
        "alle nachrichten",
        "todas las noticias",
        "toutes les actualités",
        "全部新闻",
        "lädt...",
        "loading...",
        "cargando...",
        "chargement...",
        "加载中...",
        "sponsored content",
        "anzeige",
        "remember me",
        "keep me logged in",
        "stay logged in",
        "angemeldet bleiben",
        "eingeloggt bleiben",
        "recordarme",
        "mantener la sesión iniciada",
        "se souvenir de moi",
        "rester connecté",
        "记住我",
        "copy url",
        "url kopieren",
        "url zum kopieren",
        "link zum kopieren",
        "copiar url",
        "copier l'url",
        "复制网址",
        "return to top",
        "zurück zur übersicht",
        "zurück zur liste",
        "volver al listado",
        "retour à la liste",
        "返回列表",
        "next post",
        "previous post",
        "nächster beitrag",
        "vorheriger beitrag",
        "entrada anterior",
        "entrada siguiente",
        "article précédent",
        "article suivant",
        "wird geladen",
        "wird geladen...",
        "external content",
        "externer inhalt",
        "contenido externo",
        "contenu externe",
        "inhalt laden",
        "what's this?",
        "what is this?",
        "what are these?",
        "what does this mean?",
        "was ist das?",
        "¿qué es esto?",
        "qu'est-ce que c'est ?",
        "advertise with us",
        "place an ad",
        "werben sie bei uns",
        "anúnciese",
        "annoncez chez nous",
        "forgot password?",
        "forgot your password?",
        "passwort vergessen?",
        "¿olvidaste tu contraseña?",
        "mot de passe oublié ?",
        "忘记密码",
        "password",
        "passwort",
        "contraseña",
        "mot de passe",
        "view gallery",
        "single page",
        "next page",
        "previous page",
        "nächste seite",
        "vorherige seite",
        "página siguiente",
        "página anterior",
        "page suivante",
        "page précédente",
        "reprints",
        "bookmark with",
        "in this section",
        "in diesem ressort",
        "en esta sección",
        "dans cette rubrique",
        "search for",
        "suche nach",
        "jump to recipe",
        "zum rezept",
        "pinnen",
        "bei pinterest speichern",
        "bewerten",
        "rate this",
        "valorar",
        # a forum post's buttons and its poster's profile link
        "quote",
        "zitieren",
        "citar",
        "citer",
        "引用",
        "show post",
        "profile",
        "profil",
        "perfil",
        "个人资料",
        # a shop's product labels
        "in stock",
        "auf lager",
        "en stock",
        "en existencia",
        "有货",
        "add to wishlist",
        "add to my wishlist",
        "auf den wunschzettel",
        "añadir a la lista de deseos",
        "ajouter à la liste de souhaits",
        "加入心愿单",
        # links to a larger picture, to the whole list or to the post itself
        "larger picture",
        "larger image",
        "größeres bild",
        "imagen más grande",
        "agrandir l'image",
        "查看大图",
        "see more",
        "view all",
        "alle anzeigen",
        "ver todo",
        "voir tout",
        "查看全部",
        "link",
        "permalink",
    ]
)

#: Markers a lone line may hold when a bullet item was broken after its bullet.
BULLET_MARKERS: frozenset[str] = frozenset({"-", "•", "*", "·", "–", "—", "‣", "◦", "▪", "●"})

#: A caption's photo credit: such a line is not a title.
PHOTO_CREDIT = re.compile(
    r"\b(?:photo|photograph|foto|image|bild|imagen|crédit)\s*(?:[:：/]|by\b)"
    r"|\((?:ap|afp|reuters|dpa|efe|getty|epa)\b|图[:：]|摄影",
    re.I,
)

#: Photo and news agencies and stock sites (lowercase), whose names alone on a line credit
#: a picture (here and in `html`'s credit rows).
PICTURE_AGENCIES: tuple[str, ...] = (
    *_words("getty afp ap reuters dpa epa efe corbis rex shutterstock istock istockphoto"),
    *_words("imago keystone xinhua alamy anp ansa sipa belga tass kyodo yonhap unsplash"),
    *_words("pixabay gettyimages thinkstock adobestock fotolia clipdealer pexels colourbox"),
    *_words("123rf depositphotos 新华社 视觉中国 視覺中國 中新社"),
    "getty images",
    "ap photo",
    "pa images",
    "pa wire",
    "picture alliance",
    "picture-alliance",
    "rex features",
    "imago images",
    "adobe stock",
    "ddp images",
    "zuma press",
)

#: How a teaser cut short ends ("Ruth Bader Ginsburg and skim-milk...", "Video: Meet 'the
#: Seinfeld of Saudi…"): such a line, short (`Thresholds.teaser_max_units`), is a link to
#: another story, not a sentence (quote marks after it are looked past).
TRUNCATION_MARKS: tuple[str, ...] = ("...", "…", ". . .")

#: A list item's marker (numbered or bulleted), stripped when list items are compared.
LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-•*·–—‣◦▪●])\s+")

#: A numbered section heading ("三、", "(二)", "II."): article structure, never a link.
HEADING_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[IVX]+\.\s)"
)


@dataclass(frozen=True)
class Thresholds:
    """The numbers behind the cleaner's judgements (units: words; 2 CJK characters = 1)."""

    #: A prose line ends like a sentence and has at least this many words ...
    prose_min_units: float = 5
    #: ... of which at least this share are function words (Latin script) ...
    prose_min_stopword_share: float = 0.08
    #: ... or, in Chinese, this share of the characters are function characters.
    prose_min_function_share_cjk: float = 0.03
    #: A line this long counts as prose even without a sentence end.
    prose_long_units: float = 30
    #: A line cut short (`TRUNCATION_MARKS`) with fewer words than this is a teaser, not
    #: prose: a sidebar of them is no article.
    teaser_max_units: float = 10
    #: A title has this many words at least and at most; shorter unruled lines between
    #: the title and the article (a name, a label) are dropped unless they end with ":".
    title_min_units: float = 3
    title_max_units: float = 28
    #: Between the title and the first paragraph, a line stays when it has this many words
    #: (a standfirst, a caption) or ends with ":"; shorter ones are labels and buttons.
    lead_min_units: float = 5
    #: ... except the line right above the first paragraph: a heading of this many words.
    heading_min_units: float = 2
    #: This many unruled short lines in a row (not list items, not headings) split the
    #: article: the part beyond them is dropped when it holds less than `gap_keep_share`
    #: of the prose of the part with the most.
    gap_lines: int = 3
    gap_keep_share: float = 0.2
    #: A first line ending like a sentence is still the title when it is this short and the
    #: next line is longer.
    sentence_title_max_units: float = 16
    #: The main block is the first one holding this share of the best block's prose.
    main_block_min_share: float = 0.3
    #: A block's prose is that of its densest run, where each line that is not prose
    #: costs this many characters (`clean._densest_run`).
    main_block_line_cost: float = 60
    #: A block opened by a comment header (`COMMENT_RULES`) below a block with prose
    #: weighs this share of its prose when the main block is chosen.
    comment_block_weight: float = 0.25
    #: A line repeating one of the last N lines is a duplicate (a caption, a widget).
    repeat_window: int = 3
    #: A photo gallery is found by this many slides numbered one after another ("7/50") ...
    gallery_min_slides: int = 3
    #: ... and is removed below this many paragraphs (an article's); a page that opens
    #: with its gallery is a slideshow, whose captions are its text.
    gallery_min_prose_above: int = 3
    #: A table of contents without a heading needs this many items ...
    toc_min_items: int = 3
    #: ... and this share of them repeated later as lines (with a heading: any share > 0).
    toc_min_repeat_share: float = 0.5
    #: A table-of-contents item has at most this many words.
    toc_item_max_units: float = 16
    #: A related-articles header inside the article: at most this many links follow it
    #: before prose resumes, and the prose after it is this share of the prose above.
    inline_box_max_links: int = 8
    inline_box_min_share: float = 0.3
    #: Inside the article, a run of this many non-prose lines or more (menu rows, a list of
    #: headlines) is removed when the line model's mean score of its lines is this high
    #: (`CleanOptions.model_runs`; chosen on the development part: 0.8 gains the most F1,
    #: 0.85 nearly as much for half the loss of kept article sentences).
    inside_run_min_lines: int = 2
    inside_run_threshold: float = 0.85
    #: Lines longer than this skip the rule table: furniture is short, and long lines
    #: would only cost time.
    max_rule_chars: int = 3000
    #: Words and function words are counted in this many characters of a line at most.
    feature_chars: int = 600


#: Reasons of the removals that come from context, not from one line's rule.
CONTEXT_REASONS: dict[str, str] = {
    "title": "the title: moved to `title`",
    "title-repeat": "an exact repeat of the title",
    "repeat": "an exact repeat of a line just above it (a caption or widget shown twice)",
    "toc-item": "an item of a table of contents that repeats later section titles",
    "before-title": "page header above the article's title",
    "before-article": "short non-prose lines before the article's first paragraph",
    "after-article": "short non-prose lines after the article's last paragraph",
    "outside-main": "outside the main block of prose (another block of the page)",
    "lone-bullet": "a bullet marker with no item after it",
    "gallery": "a slide of a photo gallery (its numbered headline, caption and credit)",
    "related-box": "a link of a related-articles box inside the article",
    "comments": "reader comments below the article (found by their reply links and dates)",
}

#: Action links under a reader comment (lowercase). The first one after the article's
#: prose, with a date above it, shows where comments without a header begin.
COMMENT_ACTIONS: frozenset[str] = frozenset(
    {
        "reply",
        "antworten",
        "responder",
        "répondre",
        "回复",
        "reply to this comment",
        "auf diesen kommentar antworten",
        "responder a este comentario",
        "report",
        "melden",
        "denunciar",
        "signaler",
        "举报",
        "permalink",
    }
)

#: Words of a comment section's own text (lowercase, found inside words): a comment form's
#: notes and a discussion policy under a comment header talk about comments, an article
#: that goes on below a stray header ("11 Comments" above it) rarely does at once.
COMMENT_WORDS: tuple[str, ...] = (
    "comment",
    "kommentar",
    "comentario",
    "commentaire",
    "评论",
    "留言",
    "moderat",  # a discussion policy: moderated, moderiert, moderación, modération
)

#: Rows for page-text dumps only: trafilatura leaves a page's scripts out of an HTML
#: page's text, so there a line of code is the article's own (a code sample), and its
#: sidebars of other stories, so there such a header is the article's own subheading.
DUMP_ONLY_RULES: frozenset[str] = frozenset(
    {"script-code", "other-stories-header", "headlines-header"}
)

#: Boundary rules whose header may open a small box of links inside the article, after
#: which the article goes on (comment and footer headers always end it).
INLINE_BOX_RULES: frozenset[str] = frozenset(
    {"related-header", "headlines-header", "more-from", "other-stories-header"}
)
#: Inline-box rules whose boxes may follow each other inside the article (a news digest's
#: "Top Asian News", "Top European News"): the prose after such a box, which must outweigh
#: the prose above it, runs to the next header of another rule.
CHAINED_BOX_RULES: frozenset[str] = frozenset({"other-stories-header"})
#: Boundary rules that open a comment thread: a block they open below a block with prose
#: weighs `Thresholds.comment_block_weight` of its prose when the main block is chosen (a
#: thread longer than the post above it is still not the article).
COMMENT_RULES: frozenset[str] = frozenset(
    {"comments-label", "comments-header", "comments-count-header", "comment-author"}
)
#: Comment headers that also stand where no thread follows (a comment count above the
#: article, a table's "Comment" column): the cleaner checks for a thread below them
#: (`clean._heads_no_thread`). A form's title ("Leave a Reply") always heads one.
LABEL_COMMENT_RULES: frozenset[str] = frozenset({"comments-label"})

# --- the article's end (`clean._closes_article`) ----------------------------------------

#: What ends a blogger's sentence in place of a full stop: an emoji or an emoticon ("und
#: das gefällt mir 😉", "einen schönen Sonntag <3", "nicht alles wissen ;-P )"), with
#: brackets or quote marks after it.
CLOSING_MARK = re.compile(
    r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?|[:;]-?[()DPp]|<3|\^\^)[\s)\]）\"”’»]*$"
)
#: A bracketed tail of a line ("... has been a big hit. (Reporting by Eva Roth; Editing by
#: Tom Lee)"): a wire service's credit or an editor's note, also on a line of its own.
BRACKETED_TAIL = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")

# --- building blocks of the patterns ---------------------------------------------------

_MONTHS = (
    r"jan(?:uary|uar|vier)?|feb(?:ruary|ruar|rero|rier)?|fév(?:rier)?|mar(?:ch|s|zo)?|märz|"
    r"apr(?:il)?|abr(?:il)?|avr(?:il)?|may(?:o)?|mai|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|"
    r"juil(?:let)?|aug(?:ust)?|ago(?:sto)?|août|sep(?:t(?:ember|iembre|embre)?)?|"
    r"set(?:iembre)?|oct(?:ober|ubre|obre)?|okt(?:ober)?|nov(?:ember|iembre|embre)?|"
    r"dec(?:ember)?|dez(?:ember)?|dic(?:iembre)?|déc(?:embre)?|ene(?:ro)?"
)
_WEEKDAY = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|星期[一二三四五六日天]|周[一二三四五六日]"
)
_TIME = (
    r"(?:\s*(?:,|at|um|a las|à|-|–|\||·)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:uhr|h|utc|gmt|[a-z]{2,4}t|cet|cest|bst))?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
)
_DATE = (
    rf"(?:(?:{_WEEKDAY})\.?,?\s+)?"
    r"(?:\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"
    r"|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}"
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"{_TIME}"
)
#: A whole line that is a date (with weekday, time and an optional source or editor).
DATE_LINE = re.compile(
    # an optional place, article word or time before the date, a source or site after it
    rf"^\s*(?:[^\W\d_][\w.'’ ]{{1,24}}\s*[-–—,/]\s*)?(?:(?:le|el|am|on|vom|du)\s+)?"
    rf"(?:\d{{1,2}}[:.h]\d{{2}}\s*,?\s*)?{_DATE}"
    r"(?:\s*[|·/]?\s*(?:来源|source|quelle|fuente|作者|编辑)\s*[:：].{0,40}"
    r"|\s+[^\W\d_]{1,12}(?:\s+[^\W\d_]{1,12})?"
    r"|\s*[|·•]\s*[^.!?。]{1,30})?\s*$",
    re.I,
)
#: A numeric date in US order (month first): "/" with an English label or none.
US_DATE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|date)(?:\s+on)?\s*:?\s*)?"
    r"\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.I,
)
_DIGIT = re.compile(r"\d")
#: A date anywhere in a line (to parse the date out of a "Published: ..." line). The
#: lookahead for the characters a date starts with spares the search most places.
DATE_IN_LINE = guarded(_DATE, re.I)
#: What every hit of `_DATE` holds: a digit, a date separator and a digit (its numeric
#: forms), or white space and four digits (the year of its forms with a month name). It
#: opens with a digit, so that a search skips to the digits at C speed: one quick search,
#: to spare `DATE_IN_LINE` the lines without one.
DATE_SHAPE = re.compile(r"\d(?:\s*[-./年]\s*\d|(?<=\s\d)\d{3})")

_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several)"
_NUM_DE = r"(?:\d+|einer?|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|wenigen)"
_NUM_ES = r"(?:\d+|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)"
_NUM_FR = r"(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quelques)"
_NUM_ZH = r"(?:\d+|[一二三四五六七八九十两几半]+)"


def _phrases(*words: str) -> str:
    """An alternation of literal phrases (spaces match any whitespace)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


#: `PICTURE_AGENCIES` as one alternation, longest first (here and in `html`'s credit rows).
AGENCY_NAMES = _phrases(*sorted(PICTURE_AGENCIES, key=len, reverse=True))


_TOKEN_SEPARATORS = re.compile(r"[\s|/·•,;]+")
#: Six or more icon or class names (`[a-z0-9_-]+`, case-sensitive) separated by white
#: space, the first character ASCII: the `icon-names` row's gate (the tokens
#: `_is_icon_run` counts), one match that fails at the first other character; its first
#: and last characters keep most lines from the row (see `Rule.gate`).
ICON_RUN_GATE = r"^(?=[\x00-\x7f])\s*[a-z0-9_-]+(?:\s+[a-z0-9_-]+){5,}\s*\Z"
_MENU_SEPARATORS = re.compile(r"\s+[|•·∙⋅■]\s+|\s*\|\s*")
_LABEL_SEPARATORS = re.compile(r"\s*[|｜/]\s*")


def _tokens(line: str) -> list[str]:
    return _TOKEN_SEPARATORS.split(line.strip().lower())


def _first_word(line: str) -> str:
    words = line.split(None, 1)
    return words[0].lower() if words else ""


def _is_icon_run(line: str) -> bool:
    """A run of icon or CSS class names (a line its row's gate, `ICON_RUN_GATE`, lets
    through): many known glyph names, few stopwords."""
    tokens = line.split()
    known = sum(t in ICON_WORDS or "-" in t or "_" in t for t in tokens)
    stop = sum(t in STOPWORDS for t in tokens)
    return known >= 0.5 * len(tokens) and stop <= 0.1 * len(tokens)


def _is_menu_run(line: str) -> bool:
    """Several navigation labels on one line, without a sentence around them."""
    head = _first_word(line)
    if head not in CATEGORY_WORDS and head not in UI_LABELS:
        return False
    if _is_sentence(line):
        return False
    tokens = [t for t in _tokens(line) if t]
    if len(tokens) < 3:
        return False
    known = sum(t in CATEGORY_WORDS or t in UI_LABELS for t in tokens)
    return known >= 0.6 * len(tokens) and not any(t in STOPWORDS for t in tokens)


def _is_separated_menu(line: str) -> bool:
    """Three or more short items separated by `|`, `•` or `·` (a footer or menu row)."""
    items = [i.strip() for i in _MENU_SEPARATORS.split(line) if i.strip()]
    if len(items) < 4:
        return False
    return all(len(i.split()) <= 4 and i[-1] not in ".!?。" for i in items)


def _is_social_run(line: str) -> bool:
    """Share buttons: social networks and nothing else."""
    if _first_word(line).strip("|/·•,;") not in SOCIAL_WORDS:
        return False
    tokens = [t for t in _tokens(line) if t]
    return bool(tokens) and all(t in SOCIAL_WORDS for t in tokens)


#: A list item's bullets (not a number: "1. Print" may be a step of a how-to).
_BULLET_ITEM = re.compile(r"(?:[*•·▪◦‣●+–—-]\s+)+")
#: A share or bookmark target: "Post to Reddit", "Share on Facebook", "Digg this".
_SHARE_TARGET = re.compile(
    r"(?:(?:share|post|add|save|send|submit|bookmark)(?:\s+(?:this|it))?\s+(?:on|to|via|with|at)"
    r"|teilen\s+(?:auf|via|per)|compartir\s+en|partager\s+sur)\s+(?P<target>\S+)"
    r"|digg\s+(?:this|it)",
    re.I,
)


#: The kinds of row whose hit on a list item makes the bulleted line furniture (not
#: `edge`: "* Politics" may be an item of the article's list; not the metadata rows),
#: and rows that do not judge a list item: a job title under a byline ("* Style Editor"
#: is an item of a list of tools).
BULLETED_KINDS = frozenset({"furniture", "boundary"})
NOT_FOR_ITEMS = frozenset({"bulleted-label", "author-role"})


@cache
def _item_matcher() -> LineMatcher:
    """The table's matcher for list items (`bulleted-label`): the cleaner's own for the
    default table, found by value once (`LineMatcher.of`'s last-table slot is left alone)."""
    return LineMatcher.by_value(LINE_RULES)


def _is_bulleted_label(line: str) -> bool:
    """A list item that a furniture or boundary row removes on its own, or a share target
    ("* Print", "• Facebook", "* * Share", "- Post to Del.icio.us", "* Tagged:")."""
    bullet = _BULLET_ITEM.match(line)
    if bullet is None:
        return False
    item = line[bullet.end() :].strip()
    hit = _item_matcher()(item)
    if hit is not None:
        return hit.kind in BULLETED_KINDS and hit.id not in NOT_FOR_ITEMS
    share = _SHARE_TARGET.fullmatch(item)
    return share is not None and (
        share["target"] is None or share["target"].lower() in SOCIAL_WORDS | BOOKMARK_SITES
    )


#: A duration after a label: "Listen to this article · 5:12 min", "Artikel anhören • 4 Min".
_TRAILING_DURATION = re.compile(  # possessive: a long run of spaces is not tried n² ways
    r"\s*+[·•|(–-]?\s*+(?:\d{1,2}:\d{2}(?:\s*min\.?)?|\d{1,3}\s*(?:min\.?|minutes?|minuten|"
    r"minutos|分钟))\s*\)?$",
    re.I,
)


@cache
def _ui_label_run() -> re.Pattern[str]:
    """Two or more interface labels joined by spaces alone ("Newer Post Older Post Home",
    "Reply Report"): a renderer that drops the bars between links."""
    labels = "|".join(map(re.escape, sorted(UI_LABELS, key=len, reverse=True)))
    return re.compile(rf"(?:{labels})(?:\s+(?:{labels}))+")  # on the lowercased line


#: What may stand around a label: a colon after it, an arrow on either side ("^ back to
#: top", "Weiter »"; a bulleted label is `bulleted-label`'s).
_LABEL_MARKS = " :：»›>^↑"


def _is_ui_label(line: str) -> bool:
    """An interface label, or several joined by bars, slashes or spaces ("Login |
    Register"), perhaps with a duration after it (an audio or video player's label)."""
    if _DIGIT.search(line) is not None:  # a duration has digits
        line = _TRAILING_DURATION.sub("", line) or line
    parts = _LABEL_SEPARATORS.split(line.strip().lower())
    if all(p.strip(_LABEL_MARKS) in UI_LABELS for p in parts):
        return True
    return _ui_label_run().fullmatch(line.strip().lower()) is not None


def _is_category_label(line: str) -> bool:
    return line.strip().lower() in CATEGORY_WORDS


_CAP = r"[A-ZÀ-ÝÄÖÜ][\w'’.-]+"
_NAME = rf"{_CAP}(?:\s+(?:de|van|von|der|la|del|da|le|di)?\s*{_CAP}){{0,3}}"
_CAPS_LABEL = r"[A-ZÄÖÜÉÈÁÍÓÚÑÇ][A-ZÄÖÜÉÈÁÍÓÚÑÇ&\- ]{0,24}"

#: Words of cookie and consent banners (lowercase substrings).
CONSENT_WORDS: tuple[str, ...] = (
    "cookie",
    "consent",
    "einwilligung",
    "consentimiento",
    "使用cookie",
    "隐私政策",
    "personal data",
    "personenbezogene daten",
    "datos personales",
    "données personnelles",
    "个人信息",
)
#: Words of a site speaking about itself (lowercase), for consent notices.
SITE_VOICE_WORDS: tuple[str, ...] = (
    "we ",
    "our ",
    "wir ",
    "unsere",
    "nous ",
    "nos ",
    "utilizamos",
    "usamos",
    "nuestro",
    "我们",
    "本网站",
    "本站",
)
#: Words of copyright, rights and reuse notices (lowercase substrings).
RIGHTS_WORDS: tuple[str, ...] = (
    "©",
    "(c) 20",
    "copyright 1",
    "copyright 2",
    "copyright (c)",
    "all rights reserved",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "tous droits réservés",
    "版权所有",
    "版权声明",
    "may not be published",
    "may not be republished",
    "without written permission",
    "without prior written permission",
    "nachdruck nur mit",
    "prohibida su reproducción",
    "reproduction interdite",
    "未经授权",
    "未经书面授权",
    "未经许可",
    "转载请注明",
    "务经书面授权",
    "不代表本网观点",
    "不代表本站观点",
    "系转载自",
    "并不意味着赞同其观点",
    "本文仅代表作者观点",
    "不构成投资建议",
    "copyrighted property",
    "written permission must be obtained",
    "does not constitute investment advice",
    "keine anlageberatung",
    "no constituye asesoramiento",
    "ne constitue pas un conseil",
)
#: Words that make a short line without a sentence end a newsletter box (lowercase).
NEWSLETTER_WORDS: tuple[str, ...] = (
    "newsletter",
    "mailing list",
    "email list",
    "e-mail-liste",
    "boletín",
    "boletines",
    "lettre d'information",
    "infolettre",
    "邮件列表",
    "电子报",
)
#: A newsletter named as the site's own: a promotion even in a full sentence (lowercase).
OWN_NEWSLETTER_WORDS: tuple[str, ...] = (
    "our newsletter",
    "our free newsletter",
    "unseren newsletter",
    "unserem newsletter",
    "unser newsletter",
    "unseren kostenlosen newsletter",
    "nuestra newsletter",
    "nuestro newsletter",
    "nuestro boletín",
    "notre newsletter",
    "notre lettre d'information",
    "我们的电子报",
    "我们的邮件列表",
)
#: Disclosures of affiliate links and paid placements (lowercase).
AFFILIATE_WORDS: tuple[str, ...] = (
    "affiliate link",
    "affiliate-link",
    "we may receive compensation",
    "we may earn a commission",
    "we may earn compensation",
    "advertisers do not influence",
    "provisionslink",
    "enlaces de afiliado",
    "enlaces de afiliación",
    "liens affiliés",
    "liens d'affiliation",
    "推广链接",
    "联盟链接",
)
#: Shop banners about shipping (lowercase).
SHIPPING_WORDS: tuple[str, ...] = (
    "free shipping",
    "free delivery",
    "kostenloser versand",
    "versandkostenfrei",
    "envío gratis",
    "envío gratuito",
    "livraison gratuite",
    "免运费",
    "包邮",
)
#: What a JavaScript or browser notice asks for (lowercase).
BROWSER_ACTIONS: tuple[str, ...] = (
    "enable",
    "turn on",
    "activate",
    "update",
    "not supported",
    "aktivieren",
    "unterstützt",
    "habilita",
    "activa",
    "actualiza",
    "no soporta",
    "activez",
    "activer",
    "ne supporte",
    "mettez à jour",
    "启用",
    "不支持",
    "升级",
)
#: Notices about JavaScript or the browser (lowercase).
BROWSER_WORDS: tuple[str, ...] = (
    "javascript",
    "your browser",
    "ihr browser",
    "tu navegador",
    "votre navigateur",
    "浏览器",
)
#: A page's word count (lowercase); a reading time alone is `reading-time`.
WORD_COUNT_WORDS: tuple[str, ...] = (
    "word count of this",
    "word count:",
    "wortanzahl",
    "número de palabras",
    "nombre de mots",
    "字数：",
    "字数:",
)
#: Paywall and subscriber notices (lowercase).
PAYWALL_WORDS: tuple[str, ...] = (
    "réservé aux abonnés",
    "il vous reste",
    "déjà abonné",
    "for subscribers only",
    "subscribers only",
    "subscribe to continue",
    "to continue reading",
    "already a subscriber",
    "already subscribed",
    "nur für abonnenten",
    "bereits abonnent",
    "weiterlesen mit",
    "exclusivo para suscriptores",
    "ya eres suscriptor",
    "para seguir leyendo",
    "pour lire la suite",
    "accéder en illimité",
    "to view the full story",
    "for the full story",
    "den ganzen artikel lesen sie",
    "para leer la nota completa",
    "仅限会员",
    "付费阅读",
    "开通会员",
)
#: Phrases of promotions that land "in your inbox" (lowercase).
INBOX_WORDS: tuple[str, ...] = (
    "your inbox",
    "ihr postfach",
    "ihrem postfach",
    "tu bandeja de entrada",
    "votre boîte mail",
    "votre boîte de réception",
    "en tu correo",
    "in your email",
    "dans votre boîte",
    "您的邮箱",
)


def _is_sentence(line: str) -> bool:
    """Whether `line` ends with a sentence mark (a full stop, "!" or "?", Latin or CJK)."""
    return line.rstrip()[-1:] in ".!?。！？"


def _is_not_sentence(line: str) -> bool:
    return not _is_sentence(line)


def _is_consent_line(line: str) -> bool:
    """A cookie notice, or a consent or personal-data notice in the site's own voice."""
    low = line.lower()
    if "cookie" in low:
        return True
    return _contains_any(line, CONSENT_WORDS) and _contains_any(line, SITE_VOICE_WORDS)


def _contains_any(line: str, words: tuple[str, ...]) -> bool:
    return _literals(words).search(line.lower()) is not None


@cache
def _literals(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regular expression that finds any of `words` (faster than a loop over them)."""
    return re.compile("|".join(map(re.escape, words)))


def _is_newsletter_line(line: str) -> bool:
    """A line about a newsletter that is not a sentence, the site's own newsletter named
    (a promotion even in a sentence), or an inbox promotion."""
    if line.rstrip()[-1:] not in ".!?。" and _contains_any(line, NEWSLETTER_WORDS):
        return True
    return _contains_any(line, OWN_NEWSLETTER_WORDS) or _contains_any(line, INBOX_WORDS)


def _is_date_line(line: str) -> bool:
    """A line that is a date (with a time, a place or a source around it)."""
    return DATE_LINE.match(line) is not None


def _is_date_meta_line(line: str) -> bool:
    """A few words of metadata around a date, not a sentence."""
    return (
        not _is_sentence(line)
        and len(line.split()) <= 8
        and DATE_SHAPE.search(line) is not None
        and DATE_IN_LINE.search(line) is not None
    )


def _asks_a_browser_action(line: str) -> bool:
    """A notice that asks to enable JavaScript or update the browser (its words: the row)."""
    return _contains_any(line, BROWSER_ACTIONS)


#: What marks a line as program code (`script-code`, `_is_code`): a block opened after
#: a parenthesis, a block closed before `else`/`;`/`)`, a `var` or `function`, a compound
#: operator, a statement after a semicolon, a script tag.
_CODE_MARK = (
    r"(?i:</?script\b)|\)\s*\{|\}\s*(?:else\b|catch\b|;|\))|\bvar\s+[\w$]+\s*=|\bfunction\s*[\w$]*\s*\("
    r"|[\w$\])]\s*(?:\+=|===?|!==?|&&|\|\|)"
    r"|;\s*(?:[\w$.\[\]\"']+\s*(?:\+?=|\()|if\b|for\b|return\b)"
)
_CODE_MARKS = re.compile(_CODE_MARK)
#: A line is code with at least this many marks, and one per this many characters at
#: least (a page squeezed onto one line, with an ad tag's "loc=300;" in it, is not).
CODE_MIN_MARKS = 3
CODE_CHARS_PER_MARK = 80


#: Every `_CODE_MARK` holds one of these characters: too few of them, and no marks are
#: searched for (most lines with a ";" are prose).
_CODE_CHARS = ";{}=&|("


def _is_code(line: str) -> bool:
    """A line dense with the marks of program code (`_CODE_MARK`)."""
    need = max(CODE_MIN_MARKS, len(line) / CODE_CHARS_PER_MARK)
    if sum(map(line.count, _CODE_CHARS)) < need:
        return False
    return len(_CODE_MARKS.findall(line)) >= need


#: An HTML tag, comment mark or XML declaration written out as text (`_is_markup`).
_MARKUP_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>|<!--|-->|<\?xml\b[^>]*>")

#: `markup-source`: the fewest tags a line of page source holds, and the least share of its
#: characters inside them (a sentence that names a tag or two, or whose links leaked as
#: `<a href>`, stays prose).
MARKUP_MIN_TAGS = 2
MARKUP_MIN_SHARE = 0.5


def _is_markup(line: str) -> bool:
    """A line that is mostly HTML source (`_MARKUP_TAG`): a renderer's leak of the page's
    markup, an ad slot's code."""
    tags = _MARKUP_TAG.findall(line)
    return len(tags) >= MARKUP_MIN_TAGS and sum(map(len, tags)) >= MARKUP_MIN_SHARE * len(line)


#: The prompt of a select box ("Select a category", "-- Choose your country"), in en, de,
#: es, fr and zh: `_is_select_box` reads the choices after it.
_SELECT_PROMPT = re.compile(
    r"^(?:[-–—]+\s*)?(?:please\s+|bitte\s+)?(?:"
    r"(?:select|choose|pick)\s+(?:a|an|your|one)"
    r"|(?:wählen\s+sie|wähle)\s+(?:ein|eine|einen|ihre?n?|deine?n?)"
    r"|(?:selecciona|seleccione|elija|elige|escoja)\s+(?:un|una|tu|su)"
    r"|(?:sélectionnez|choisissez)\s+(?:un|une|votre|ton|ta)"
    r")\b|^(?:[-–—]+\s*)?请选择",
    re.IGNORECASE,
)

#: `select-box`: the fewest choices (words) after the prompt, the least share of them not
#: lowercase (option names: capitalised, numbers, CJK), and the most words that pass
#: without that share (a long run of words with no sentence end is a list, not an
#: instruction).
SELECT_MIN_WORDS = 4
SELECT_MIN_CAPITALISED = 0.5
SELECT_LIST_WORDS = 12


def _is_select_box(line: str) -> bool:
    """A select box rendered as text: its prompt (`_SELECT_PROMPT`), then its choices run
    together with no sentence end."""
    prompt = _SELECT_PROMPT.match(line)
    if prompt is None:
        return False
    rest = line[prompt.end() :]
    if re.search(r"[.!?。！？]", rest):
        return False
    words = rest.split()
    if len(words) < SELECT_MIN_WORDS:  # a bare prompt: "- Select a Job Type -"
        return line.rstrip()[-1:] in "-–—"
    capitalised = sum(not w[:1].islower() for w in words) / len(words)
    return capitalised >= SELECT_MIN_CAPITALISED or len(words) >= SELECT_LIST_WORDS


#: A site's legal pages by name (`_is_site_terms`), in en, de, es, fr and zh.
_LEGAL_PAGES = re.compile(
    r"\b(?:privacy\s+(?:policy|statement|notice)|terms\s+(?:of\s+(?:service|use)|and\s+"
    r"conditions)|user\s+agreement|cookie\s+policy|datenschutz(?:erklärung|bestimmungen|"
    r"hinweise)?|nutzungsbedingungen|política\s+de\s+privacidad|aviso\s+legal|términos\s+y\s+"
    r"condiciones|condiciones\s+de\s+uso|mentions\s+légales|politique\s+de\s+confidentialité|"
    r"conditions\s+(?:générales\s+)?d['’]utilisation)\b|隐私政策|使用条款|服务条款",
    re.IGNORECASE,
)

#: The site speaking of itself or to its reader about its rules ("read our", "this site").
_SITE_SELF = re.compile(
    r"\b(?:this\s+(?:web\s?site|site)|our\s+(?:web\s?site|site)|(?:read|see|review)\s+our|"
    r"diese[rs]?\s+(?:website|webseite|seite)|unsere[rn]?\s+(?:website|seite|datenschutz)|"
    r"este\s+(?:sitio|portal)|nuestr[ao]s?\s+(?:sitio|política)|ce\s+site|notre\s+site)\b"
    r"|本站|本网站",
    re.IGNORECASE,
)


#: `site-terms`: one of these is in every line `_LEGAL_PAGES` finds (a matcher's cheap test).
LEGAL_PAGE_WORDS = (
    "privacy",
    "terms",
    "agreement",
    "cookie",
    "datenschutz",
    "nutzungsbedingungen",
    "privacidad",
    "aviso legal",
    "términos",
    "condiciones",
    "mentions légales",
    "confidentialité",
    "conditions",
    "隐私政策",
    "使用条款",
    "服务条款",
)

#: `site-terms`: the longest such note (a longer line is a page's own text about its policy).
SITE_TERMS_MAX_CHARS = 300


def _is_site_terms(line: str) -> bool:
    """A site's note on its own legal pages ("Please read our Privacy Policy", "Use of this
    site is subject to our terms and conditions"): it names one (`_LEGAL_PAGES`) and the
    site speaks of itself (`_SITE_SELF`)."""
    return bool(_LEGAL_PAGES.search(line) and _SITE_SELF.search(line))


#: A dot that starts a domain's top-level part ("Fotolia.com"): a credit may hold one.
_DOMAIN_DOT = r"\.(?=(?:com|org|net|info|de|at|ch|es|fr|uk|eu|cn|io)\b)"

#: One tool link of an article (`tool-run`): send, print, save, reprints, text size.
_ARTICLE_TOOL = (
    r"e-?mail(?:\s+(?:this|it))?(?:\s+(?:article|story|page))?\s+to\s+a\s+friend"
    r"|e-?mail\s+a\s+friend|send\s+to\s+a\s+friend|printer[- ]?friendly(?:\s+(?:version|page))?"
    r"|printable\s+version|print(?:\s+this)?(?:\s+(?:article|story|page))?"
    r"|save(?:\s+this)?(?:\s+(?:article|story))?|reprints|share(?:\s+this)?(?:\s+(?:article|story))?"
    r"|(?:artikel|seite)\s+(?:drucken|versenden|merken|teilen)|drucken|versenden"
    r"|imprimir|enviar(?:\s+por\s+(?:correo|e-?mail))?|imprimer|envoyer(?:\s+par\s+e-?mail)?"
    r"|打印|转发|收藏"
)


# --- the rule table --------------------------------------------------------------------

#: Bare labels of a comment section ("Comments", "Kommentare"): `comments-label` checks
#: for a thread below them, `comments-header` takes them with a comment form's cancel link.
_COMMENT_LABELS = _phrases(
    "comments",
    "comment",
    "reader comments",
    "readers' comments",
    "readers comments",
    "user comments",
    "your comments",
    "comments on this story",
    "comments on this article",
    "kommentare",
    "kommentar",
    "leserkommentare",
    "comentarios",
    "comentario",
    "commentaires",
    "commentaire",
    "评论",
)
#: A comment form's cancel link, run on after its title by WordPress themes.
_CANCEL_REPLY = _phrases(
    "cancel reply",
    "antworten abbrechen",
    "antwort abbrechen",
    "cancelar la respuesta",
    "cancelar respuesta",
    "annuler la réponse",
    "取消回复",
)

LINE_RULES: tuple[Rule, ...] = (
    # Section headers that start non-article matter come first: they also split blocks.
    Rule(
        id="comments-label",
        reason="the comment section starts here (a bare label: checked for a thread below it)",
        kind="boundary",
        pattern=rf"^(?:\d+\s*)?(?:{_COMMENT_LABELS})\s*(?:\(\d+\))?\s*[:：.!]?$",
        match=(
            "Comments",
            "11 Comments",
            "Comments (12)",
            "Kommentare:",
            "评论",
            "User Comments",
            "COMMENTS ON THIS STORY",
        ),
        no_match=("Comments from readers poured in.", "Leave a comment", "Comments Cancel reply"),
    ),
    Rule(
        id="comments-header",
        reason="the comment section starts here",
        kind="boundary",
        pattern=r"^(?:\d+\s+)?(?:"
        + _phrases(
            "条评论",
            "网友评论",
            "留言",
            "leave a reply",
            "leave a comment",
            "add a comment",
            "write a comment",
            "join the conversation",
            "post a comment",
            "kommentar schreiben",
            "kommentar verfassen",
            "diskutieren sie mit",
            "deja un comentario",
            "deja tu comentario",
            "escribe un comentario",
            "laisser un commentaire",
            "ajouter un commentaire",
            "réagir",
            "发表评论",
            "我要评论",
            "写评论",
            "schreibe einen kommentar",
            "hinterlasse einen kommentar",
            "deja una respuesta",
            "laisser une réponse",
            "发表回复",
            "add comment",
            "add your comment",
            "post your comment",
            "post comments",
            "comments are closed",
            "comments are now closed",
            "comments closed",
            "have your say",
            "add new comment",
            "kommentar hinzufügen",
            "neuen kommentar hinzufügen",
            "añadir comentario",
            "añadir un comentario",
            "añadir nuevo comentario",
            "添加评论",
            "no comments yet",
            "there are no comments yet",
            "be the first to comment",
            "es gibt noch keine kommentare",
            "noch keine kommentare",
            "sei der erste, der kommentiert",
            "aún no hay comentarios",
            "todavía no hay comentarios",
            "sé el primero en comentar",
            "pas encore de commentaire",
            "aucun commentaire pour le moment",
            "soyez le premier à commenter",
            "暂无评论",
            "还没有评论",
            "ihre meinung zu diesem thema",
            "hinterlassen sie eine antwort",
            "hinterlasse eine antwort",
            "hinterlassen sie einen kommentar",
            "schreib einen kommentar",
            "kommentieren sie hier",
            "deja tu opinión",
            "donnez votre avis",
        )
        + r")\s*(?:\(\d+\))?\s*(?:"
        + _CANCEL_REPLY  # a comment form's title, with its cancel link run on (WordPress)
        + r")?\s*[:：.!]?$"
        # a bare label (else `comments-label`'s) with a comment form's cancel link run on
        + rf"|^(?:\d+\s+)?(?:{_COMMENT_LABELS})\s*(?:\(\d+\))?\s*(?:{_CANCEL_REPLY})\s*[:：.!]?$",
        match=(
            "Comments Cancel reply",
            "3 Kommentare Antworten abbrechen",
            "Deja un comentario",
            "发表评论",
            "Réagir",
            "Leave a Reply Cancel reply",
            "Kommentar hinzufügen",
            "Schreibe einen Kommentar Antworten abbrechen",
            "Es gibt noch keine Kommentare.",
            "Aún no hay comentarios.",
            "Soyez le premier à commenter !",
            "暂无评论",
        ),
        no_match=(
            "Comments from readers poured in after the story ran.",
            "Kommentare von Lesern",
            "No comments yet from the ministry, which declined to answer.",
        ),
    ),
    Rule(
        id="comments-count-header",
        reason="the head of a comment thread: a count of responses to the article",
        kind="boundary",
        pattern=rf"^(?:{_NUM}|no|keine|\d+)\s+(?:responses?|thoughts?|replies|comments?|"
        r"reactions?|kommentare?|antworten|reaktionen|comentarios?|respuestas?|"
        r"commentaires?|réponses?|réactions?)\s+(?:to|on|zu|auf|für|a|en|sobre|sur|à)\b"
        r"[^.!?]{0,160}$"
        r"|^(?:共|全部)?\s*\d+\s*(?:条|則)?(?:评论|回复|留言|評論)\s*[:：]?$"
        r"|^(?:评论|回复|留言|網友評論)\s*[(（]\d+[)）]$",
        match=(
            "12 Responses to “Why the Bridge Closed”",
            "One thought on “Spring Budget”",
            "3 Kommentare zu „Neue Radwege“",
            "5 comentarios en «La subida del pan»",
            "2 réponses à « Le budget »",
            "共23条评论",
            "评论(45)",
        ),
        no_match=("Three responses to the crisis are possible, the report says.",),
    ),
    Rule(
        id="comment-author",
        reason="the head of a reader comment: a name that says or wrote (a comment thread)",
        kind="boundary",
        flags=0,
        pattern=rf"^@?{_NAME}\s+(?:says|said|wrote|writes|replied|schreibt|schrieb|sagt|"
        r"antwortete|dice|dijo|escribió|escribe|respondió|dit|a écrit|écrit|a répondu)\s*[:：]"
        rf"(?:\s*(?i:{_DATE}))?\s*$"
        r"|^[\w\u4e00-\u9fff]{2,16}\s*(?:说|写道|回复|評論|评论)\s*[:：]\s*$",
        match=(
            "Mary Jones says:",
            "Klaus Weber schreibt:",
            "Ana dice:",
            "Pierre Martin a écrit :",
            "Tom Lee wrote: March 3, 2012 at 4:15 pm",
            "网友小李说：",
        ),
        no_match=(
            "Mary Jones says: the plan is sound.",
            "The minister says that prices will fall.",
            "mary says:",
        ),
    ),
    Rule(
        id="related-header",
        reason="a list of related or recommended articles starts here",
        kind="boundary",
        pattern=r"^(?:"
        + _phrases(
            "related",
            "related articles",
            "related stories",
            "related news",
            "related posts",
            "related topics",
            "more on this topic",
            "related content",
            "related coverage",
            "read next",
            "more stories",
            "more news",
            "more articles",
            "more on this story",
            "you may also like",
            "you might also like",
            "you may be interested in",
            "recommended",
            "recommended for you",
            "recommended stories",
            "most read",
            "most popular",
            "most viewed",
            "most shared",
            "trending",
            "trending now",
            "top stories",
            "latest news",
            "latest stories",
            "latest headlines",
            "more headlines",
            "top headlines",
            "neueste artikel",
            "neueste nachrichten",
            "últimas noticias",
            "dernières nouvelles",
            "dernières actualités",
            "最新新闻",
            "最新文章",
            "further reading",
            "das könnte sie auch interessieren",
            "mehr zum thema",
            "weitere artikel",
            "weitere nachrichten",
            "auch interessant",
            "meistgelesen",
            "meistgelesene artikel",
            "empfohlene artikel",
            "top-themen",
            "artículos relacionados",
            "noticias relacionadas",
            "te puede interesar",
            "también te puede interesar",
            "lo más leído",
            "más noticias",
            "lo último",
            "articles similaires",
            "sur le même sujet",
            "les plus lus",
            "à lire également",
            "à lire aussi",
            "lire aussi",
            "voir aussi",
            "read also",
            "also read",
            "see also",
            "lesen sie auch",
            "lee también",
            "lea también",
            "mirá también",
            "mira también",
            "leé también",
            "seguí leyendo",
            "dans la même rubrique",
            "archivado en",
            "explore more on these topics",
            "more on these topics",
            "weitere themen",
            "相关文章",
            "相关阅读",
            "相关新闻",
            "相关推荐",
            "猜你喜欢",
            "热门文章",
            "热门新闻",
            "更多新闻",
            "热点推荐",
            "热门推荐",
            "推荐阅读",
            "往期推荐",
            "往期回顾",
            "related links",
            "ähnliche beiträge",
            "ähnliche artikel",
            "verwandte artikel",
            "artículos similares",
            "entradas relacionadas",
            "publicaciones relacionadas",
            "articles liés",
            "articles connexes",
            "相关链接",
            "für dich empfohlen",
            "für sie empfohlen",
            "das könnte dich auch interessieren",
            "das könnte ihnen auch gefallen",
            "das könnte dir auch gefallen",
            "vous aimerez aussi",
            "vous aimerez peut-être aussi",
            "weitere inhalte zum thema",
            "artikel zum thema",
            "artikel und videos zum thema",
            "die redaktion empfiehlt",
            "meist gesucht",
            "meistgesucht",
            "beliebte artikel",
            "beliebte beiträge",
            "letzte artikel",
            "letzte beiträge",
            "neueste beiträge",
            "meist geklickt",
            "lesen sie auch die folgenden beiträge",
            "weitere beiträge zu diesem artikel",
            "empfehlungen für sie",
            "recomendado para ti",
            "recomendado para usted",
            "recommandé pour vous",
            "为你推荐",
        )
        # a site or section after the header: "Mehr zum Thema auf Oekolandbau.de"
        + r")(?:\s+(?:auf|bei|in|im|on|at|en|de|sur|dans)(?:\s+[^\s!?。]+){1,3})?"
        r"\s*(?:[:：]|\.\.\.|…)?$",
        match=(
            "Related articles",
            "You might also like:",
            "Mehr zum Thema",
            "相关阅读",
            "Ähnliche Beiträge",
            "Auch interessant...",
            "Related Links",
            "Entradas relacionadas",
            "Articles liés :",
            "Für dich empfohlen",
        ),
        no_match=(
            "Related articles were removed from the site in 2023.",
            "Ähnliche Beiträge gab es schon 2019 im Stadtrat.",
        ),
    ),
    Rule(
        id="sidebar-header",
        reason="a sidebar of other headlines (most read, most commented, trending) or of the "
        "latest reader comments starts here",
        kind="boundary",
        pattern=r"^(?:"
        + _phrases(
            "most commented",
            "most discussed",
            "most emailed",
            "popular now",
            "popular posts",
            "popular stories",
            "trending stories",
            "trending articles",
            "editor's picks",
            "editors' picks",
            "top news",
            "top articles",
            "meistkommentiert",
            "meistkommentierte artikel",
            "meistgeklickt",
            "am meisten gelesen",
            "beliebteste artikel",
            "top-artikel",
            "lo más comentado",
            "más comentadas",
            "más leídas",
            "lo más visto",
            "tendencias",
            "les plus commentés",
            "les plus partagés",
            "les plus populaires",
            "à la une",
            "tendances",
            "热门评论",
            "latest comments",
            "recent comments",
            "neueste kommentare",
            "letzte kommentare",
            "últimos comentarios",
            "comentarios recientes",
            "derniers commentaires",
            "commentaires récents",
            "最新评论",
            "热点新闻",
            "排行榜",
            "阅读排行",
            "点击排行",
            "热门排行",
            "今日热点",
            "die meistgelesenen artikel",
            "meistdiskutiert",
            "meist diskutiert",
            "meistdiskutierte artikel",
            "meist gelesen",
            "viel gelesen",
            "most viewed news",
            "lo más visto de la semana",
            "les plus lus de la semaine",
        )
        # a site or section after the header: "Die meistgelesenen Artikel bei SWR.de/Sport"
        + r")(?:\s+(?:bei|auf|in|im|on|at|en|de|sur|dans)(?:\s+[^\s!?。]+){1,3})?\s*[:：]?$",
        match=(
            "Die meistgelesenen Artikel bei SWR.de/Sport",
            "Viel gelesen in Handel",
            "Meistdiskutiert",
            "Most commented",
            "Meistkommentiert",
            "Lo más comentado",
            "Les plus partagés",
            "阅读排行",
            "Latest Comments",
            "Neueste Kommentare",
        ),
        no_match=("Most commented on the decision was the timing.",),
    ),
    Rule(
        id="more-from",
        reason="a list of other articles of the site or author starts here",
        kind="boundary",
        pattern=r"^(?:more from|more by|more news from|more stories from|mehr von|"
        r"mehr nachrichten aus|weitere nachrichten aus|más de|más noticias de|plus de|"
        r"plus d'articles de|更多来自)\s+\S[^.!?。]{0,40}$",
        match=("More from Business", "Mehr von Anna Schmidt", "Más de EFE"),
        no_match=("More from the interview below, edited for length.",),
    ),
    Rule(
        id="other-stories-header",
        reason="the header of a box of the site's other stories (other, more, latest, top "
        "news or articles) starts here",
        kind="boundary",
        pattern=r"^(?:"
        r"(?:top|more|other|latest|recent|further|next)\s+(?:[\w&'.-]+\s+){0,3}"
        r"(?:news|articles?|stories|headlines|videos)"
        r"|(?:weitere|andere|mehr|neueste|aktuelle|alle)\s+(?:[\w&'.-]+\s+){0,2}"
        r"(?:nachrichten|meldungen|artikel|beiträge|videos|pressemitteilungen)"
        r"|(?:otras|más|últimas)\s+(?:[\w&'.-]+\s+){0,2}(?:noticias|artículos|vídeos)"
        r"|(?:autres|plus\s+d'|dernières|derniers)\s*(?:[\w&'.-]+\s+){0,2}"
        r"(?:articles|actualités|nouvelles|infos|vidéos)"
        r"|(?:其他|其它|更多|最新)\S{0,4}(?:新闻|文章|报道|资讯|视频)"
        r")(?:\s+(?:in|from|on|aus|zu|zum|zur|im|de|en|sobre|du|dans|dieses|dieser|über)\s+"
        r"[\w&'.-]+(?:\s+[\w&'.-]+){0,2})?"
        r"(?:\s*(?:»|>>|›|more\s*>>|…|\.\.\.|:|：))?\s*$",
        max_chars=80,
        match=(
            "TOP MICHIGAN NEWS",
            "More Michigan News »",
            "Other News in Science",
            "Other Recent Articles...",
            "Latest Business News from Reuters.com",
            "Weitere Meldungen aus der Region",
            "Otras noticias de Deportes",
            "Weitere Pressemitteilungen dieses Verbands",
            "Alle Artikel zu unseren Recherchen",
            "Autres articles dans Économie",
            "其他新闻",
        ),
        no_match=(
            "More news is expected later today.",
            "Other stories about the flood reached us by mail",
            "Top news anchors met in Berlin on Tuesday to discuss the future",
        ),
    ),
    Rule(
        id="headlines-header",
        reason="a box of the site's headlines (of a section: 'MLB Headlines') starts here",
        kind="boundary",
        pattern=r"^(?:[\w&'.-]+\s+){0,3}(?:headlines|schlagzeilen|titulares|gros titres)"
        r"\s*(?:»|>>|›|:)?\s*$",
        max_chars=60,
        match=("Headlines", "MLB Headlines", "B.C. Headlines", "Canada Headlines", "Schlagzeilen"),
        no_match=("Headlines were dominated by the storm.", "The headlines of the day"),
    ),
    Rule(
        id="footer-header",
        reason="the site's footer (legal and contact links) starts here",
        kind="boundary",
        pattern=r"^(?:"
        + _phrases(
            "about us",
            "about",
            "contact",
            "contact us",
            "imprint",
            "impressum",
            "datenschutz",
            "datenschutzerklärung",
            "privacy policy",
            "privacy",
            "terms of use",
            "terms of service",
            "terms and conditions",
            "agb",
            "nutzungsbedingungen",
            "kontakt",
            "aviso legal",
            "política de privacidad",
            "contacto",
            "quiénes somos",
            "mentions légales",
            "politique de confidentialité",
            "nous contacter",
            "关于我们",
            "联系我们",
            "隐私政策",
            "免责声明",
            "网站地图",
            "sitemap",
            "site map",
        )
        + r")\s*[:：]?$",
        match=("Impressum", "Privacy Policy", "Aviso legal", "联系我们"),
        no_match=("About us, the company said little.",),
    ),
    Rule(
        id="about-author",
        reason="the author's bio box (after the article) starts here",
        kind="boundary",
        pattern=r"^(?:"
        + _phrases(
            "about the author",
            "about the authors",
            "über den autor",
            "über die autorin",
            "über die autoren",
            "zum autor",
            "zur autorin",
            "sobre el autor",
            "sobre la autora",
            "sobre los autores",
            "acerca del autor",
            "à propos de l'auteur",
            "à propos de l’auteur",
            "a propos de l'auteur",
            "à propos de l'autrice",
            "关于作者",
            "作者简介",
        )
        + r")\s*[:：]?$",
        match=(
            "About the author",
            "Über den Autor",
            "Sobre el autor:",
            "À propos de l'auteur",
            "作者简介",
        ),
        no_match=("About the author of the report, little is known.", "Zum Autor des Briefes"),
    ),
    Rule(
        id="about-organisation",
        reason="the boilerplate about the publishing organisation starts here",
        kind="boundary",
        flags=0,
        pattern=r"^(?:About|ABOUT|Über|Acerca de|Sobre|À propos de|A propos de)\s+"
        r"(?:(?:the|der|die|das|el|la|los|las|le|les)\s+)?"
        r"(?:[A-ZÄÖÜÉ0-9][\w&.'’-]*\s*){1,6}$|^关于[\u4e00-\u9fff]{2,12}$",
        match=("About Riverside Hospital", "Über die Stadtwerke München", "À propos de Renault"),
        no_match=("About the data", "About a third of pipes are old."),
    ),
    Rule(
        id="toc-heading",
        after_headline=True,
        reason="the heading of a table of contents",
        kind="toc",
        pattern=r"^(?:"
        + _phrases(
            "table of contents",
            "contents",
            "in this article",
            "on this page",
            "jump to",
            "inhaltsverzeichnis",
            "inhalt",
            "in diesem artikel",
            "índice",
            "contenido",
            "contenidos",
            "tabla de contenidos",
            "en este artículo",
            "sommaire",
            "table des matières",
            "dans cet article",
            "目录",
            "本文目录",
            "文章目录",
        )
        + r")\s*[:：]?$",
        match=("Table of Contents", "Inhaltsverzeichnis", "Índice", "目录", "Sommaire"),
        no_match=("Contents of the report were leaked to the press.",),
    ),
    Rule(
        id="icon-names",
        reason="a run of icon-font or CSS class names rendered as text",
        predicate=_is_icon_run,
        gate=ICON_RUN_GATE,
        flags=0,
        kind="furniture",
        match=(
            "arrow-right cart chevron-down chevron-left close menu search share user email",
            "icon-home icon-search icon_close facebook twitter youtube instagram",
        ),
        no_match=(
            "the cart was pushed down the street by a man in a hurry to get home",
            "Arrow Cart Chevron Close Menu Search",
        ),
    ),
    Rule(
        id="shop-widget",
        reason="a shop or cart widget (in any language, whatever the page's language)",
        kind="furniture",
        pattern=r"^(?:"
        + _phrases(
            "shopping cart",
            "your cart",
            "cart",
            "basket",
            "your basket",
            "shopping bag",
            "warenkorb",
            "mein warenkorb",
            "einkaufswagen",
            "carrito",
            "carrito de compra",
            "carrito de compras",
            "mi carrito",
            "cesta",
            "cesta de la compra",
            "panier",
            "mon panier",
            "购物车",
            "我的购物车",
            "add to cart",
            "add to basket",
            "in den warenkorb",
            "añadir al carrito",
            "agregar al carrito",
            "ajouter au panier",
            "加入购物车",
            "checkout",
            "zur kasse",
            "finalizar compra",
            "pagar",
            "commander",
            "结算",
            "view cart",
            "warenkorb anzeigen",
            "ver carrito",
            "voir le panier",
            "your cart is empty",
            "ihr warenkorb ist leer",
            "tu carrito está vacío",
            "votre panier est vide",
            "购物车是空的",
            "continue shopping",
            "weiter einkaufen",
            "seguir comprando",
            "continuer mes achats",
            "shop now",
            "jetzt kaufen",
            "comprar ahora",
            "acheter",
            "立即购买",
            "wishlist",
            "wunschliste",
            "lista de deseos",
            "liste de souhaits",
        )
        + r")\s*(?:\(\s*\d*\s*\)|[:：]?\s*\d+)?$",
        match=("Carrito de compra", "Shopping cart (0)", "Warenkorb", "购物车", "Add to cart"),
        no_match=("The cart was empty when police arrived.",),
    ),
    Rule(
        id="price-widget",
        reason="a bare price or cart total",
        kind="furniture",
        pattern=r"^(?:subtotal|zwischensumme|summe|total|gesamt|importe|sous-total|小计|合计)?"
        r"\s*[:：]?\s*(?:[$€£¥]\s*\d+(?:[.,]\d{2})?|\d+(?:[.,]\d{2})?\s*(?:€|eur|usd|\$|元))$",
        requires_chars=r"\d",
        match=("$0.00", "0,00 €", "Subtotal: $12.99", "合计：0.00元"),
        no_match=("It cost $12.99 last year.",),
    ),
    Rule(
        id="shipping-offer",
        reason="a shop's shipping banner",
        kind="furniture",
        predicate=_is_not_sentence,
        max_chars=120,
        requires=SHIPPING_WORDS,
        match=("Free shipping on orders over $50", "Envío gratis a partir de 30 €"),
        no_match=(
            "Amazon said in a statement that it would end free shipping for some "
            "customers next year, a move analysts had expected for months.",
        ),
    ),
    Rule(
        id="byline-empty",
        after_headline=True,
        reason="an empty byline: the author's name was not captured",
        kind="furniture",
        pattern=empty_pattern(),
        match=("by", "Von", "Por", "作者：", "Par"),
        no_match=("by the river", "Vonovia"),
    ),
    Rule(
        id="byline",
        after_headline=True,
        reason="a byline: the author's name goes to `author`",
        kind="byline",
        flags=0,
        pattern=line_pattern(),
        match=(
            "By Jane Doe",
            "Von Max Mustermann und Erika Muster",
            "Por Ana García, EFE",
            "作者：张三",
            "By JANE DOE | Reuters",
            "By Jane Doe for The Associated Press",
        ),
        no_match=(
            *("By the end of the year, sales had doubled.", "by now everyone knows"),
            "By Monday for the first time in years",
        ),
    ),
    Rule(
        id="relative-date",
        after_headline=True,
        reason="a relative date: meaningless once the page is saved, and not a publication date",
        kind="furniture",
        date="relative",
        pattern=r"^(?:(?:updated|posted|aktualisiert|actualizado|publicado|mis à jour|publié|"
        r"更新于?)\s*[:：]?\s*)?(?:"
        rf"(?:about|over|almost|nearly)?\s*{_NUM}\s+"
        r"(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago"
        rf"|vor\s+(?:über\s+|etwa\s+)?{_NUM_DE}\s+"
        r"(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
        rf"|hace\s+(?:más de\s+|unos?\s+)?{_NUM_ES}\s+"
        r"(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|años?)"
        rf"|il y a\s+{_NUM_FR}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|années?)"
        rf"|{_NUM_ZH}\s*(?:秒|分钟|小时|天|日|周|星期|个月|年)前"
        r"|just now|moments ago|yesterday|today|last (?:week|month|year)|gestern|heute|vorgestern"
        r"|soeben|gerade eben|ayer|hoy|anteayer|ahora mismo|hier|aujourd'hui|à l'instant"
        r"|刚刚|昨天|今天|前天)\.?$",
        match=(
            "Hace una semana",
            "2 hours ago",
            "vor 3 Tagen",
            "il y a 2 jours",
            "3小时前",
            "Updated 5 min ago",
            "gestern",
        ),
        no_match=("Two hours ago the storm reached the coast.", "Hace una semana que llueve."),
    ),
    Rule(
        id="published-label",
        after_headline=True,
        reason="a publication date line: the date goes to `published`",
        kind="published",
        date="label",
        pattern=r"^(?:"
        + _phrases(
            "published",
            "published on",
            "posted",
            "posted on",
            "first published",
            "last updated",
            "updated",
            "updated on",
            "date",
            "veröffentlicht",
            "veröffentlicht am",
            "erschienen am",
            "aktualisiert",
            "aktualisiert am",
            "stand",
            "publicado",
            "publicado el",
            "actualizado",
            "actualizado el",
            "fecha",
            "publié",
            "publié le",
            "mis à jour",
            "mis à jour le",
            "发布时间",
            "发布日期",
            "更新时间",
            "发表时间",
            "发表于",
            "时间",
            "日期",
        )
        + r")(?:\s+(?:on|am|el|le|at))?\s*[:：]?\s*(?:\d{1,2}[:.]\d{2}[^,]{0,15},\s*)?"
        + _DATE
        + r".{0,40}$",
        match=(
            "Published: Feb 11, 2025 10:28 PM",
            "Veröffentlicht am 12.03.2025",
            "发布时间：2025-02-11 08:30",
            "Publié le 3 mars 2025",
            "Actualizado: 5/3/2024",
        ),
        no_match=(
            "Published in 1998, the book sold millions of copies.",
            "Stand up for 10 minutes.",
        ),
    ),
    Rule(
        id="published-relative",
        after_headline=True,
        reason="a publication or update line without an absolute date",
        kind="furniture",
        pattern=r"^(?:published|updated|last updated|posted|veröffentlicht|aktualisiert|"
        r"publicado|actualizado|publié|mis à jour|modifié|发布于|更新于)\b[^.!?。]{0,60}$",
        match=(
            "Publié aujourd’hui à 16h01, modifié à 17h30",
            "Published 2 days ago",
            "Actualizado hace 5 minutos",
        ),
        no_match=("Published research shows a link between sleep and memory.",),
    ),
    Rule(
        id="date-line",
        after_headline=True,
        reason="a bare date line: the date goes to `published`",
        kind="published",
        predicate=_is_date_line,
        max_chars=120,
        requires_chars=r"\d",
        match=(
            "2025.02.18",
            "Feb 11, 2025 10:28 PM",
            "Mittwoch, 12. März 2025, 18:45 Uhr",
            "5 de marzo de 2024",
            "2024年3月5日 10:20 来源：新华网",
            "Madrid - 04 mar 2025 - 09:15 CET",
            "2025年04月10日 16:01 新浪财经",
            "21 February 2025 · 8 min read",
            "11 février 2025",
            "16:22, 14 Mar 2025",
            "Le 14 mars 2025 à 06h00",
            "Ciudad de México / 12.03.2025 13:45:00",
        ),
        no_match=("On Feb 11, 2025 the board met.", "2025", "Tel. 030 12 34 56"),
    ),
    Rule(
        id="date-meta",
        after_headline=True,
        reason="a short metadata line around a date (source, place, account): the date goes "
        "to `published`",
        kind="published",
        predicate=_is_date_meta_line,
        max_chars=60,
        requires_chars=r"\d",
        match=("原创 李明 城市观察 2025年03月12日 08:00 浙江", "12.03.2025 | 08:15 | Reuters"),
        no_match=("On Feb 11, 2025 the board met.", "The 2025 budget"),
    ),
    Rule(
        id="paywall",
        reason="a paywall or subscriber notice",
        kind="furniture",
        max_chars=200,
        requires=PAYWALL_WORDS,
        match=(
            "Cet article est réservé aux abonnés. Il vous reste 80% à découvrir.",
            "Déjà abonné ? Se connecter",
            "This article is for subscribers only.",
            "Weiterlesen mit SZ Plus",
            "Subscribe now to our eNATION edition for the full story.",
            "Pour accéder en illimité",
        ),
        no_match=("Subscribers to the service grew by a third last year.",),
    ),
    Rule(
        id="word-count",
        reason="word count (and reading time) of the page",
        kind="furniture",
        max_chars=160,
        requires=WORD_COUNT_WORDS,
        match=(
            "Word count of this text: , estimated reading time approximately minutes.",
            "Wortanzahl: 850",
        ),
        no_match=("The word count of the new law is twice that of the old one, critics said.",),
    ),
    Rule(
        id="reading-time",
        after_headline=True,
        reason="reading time of the page",
        kind="furniture",
        pattern=r"^(?:(?:estimated\s+)?(?:reading time|read time|lesezeit|lesedauer|"
        r"tiempo de lectura|temps de lecture|阅读时间|阅读时长|预计阅读)\b.{0,40}"
        r"|(?:\d+|one|a)?\s*(?:min(?:ute)?s?\.?|minuten?|minutos?)\s+(?:read|lesezeit|lesen|"
        r"de lectura|lectura|de lecture)"
        r"|(?:lecture|lectura)\s*(?:de\s*)?:?\s*\d+\s*(?:min(?:ute)?s?|minutos?)\.?"
        r"|阅读\s*(?:约|大约)?\s*\d+\s*分钟"
        r"|(?:全文|本文)?(?:共|约)?\s*\d*\s*字.{0,20}(?:阅读|分钟).{0,20}"
        r"|(?:本文)?字数\s*[:：].{0,40})$",
        match=(
            "5 min read",
            "Lesezeit: 3 Minuten",
            "Tiempo de lectura: 4 minutos",
            "本文字数：1234，阅读时长约4分钟",
            "Temps de lecture : 3 min",
            "Lecture 3 min.",
            "Lectura: 4 minutos",
            "Lectura de 5 min",
            "阅读约3分钟",
        ),
        no_match=(
            "Reading time for children has fallen sharply, the study found, and "
            "teachers say screens are to blame for most of the decline in the survey.",
            "Lecture 12: Introduction to algebra",
            "Lectura obligatoria para 3 cursos",
            "阅读了3分钟的报告",
        ),
    ),
    Rule(
        id="newsletter",
        reason="a newsletter sign-up line",
        kind="furniture",
        predicate=_is_newsletter_line,
        max_chars=160,
        requires=NEWSLETTER_WORDS + OWN_NEWSLETTER_WORDS + INBOX_WORDS,
        match=(
            "GET OUR NEWSLETTER",
            "Sign up for our email list to receive daily newsletters from Global Times",
            "Die wichtigsten Spartipps jede Woche in Ihrem Postfach.",
            "Get the best of Opinion in your inbox every weekday morning.",
            "Mit unserem Newsletter erhalten Sie monatlich Informationen und Angebote!",
            "Puede escribirnos o suscribirse aquí a nuestra newsletter.",
            "Ne manquez rien : notre newsletter chaque matin.",
            "Don't miss a story: our free newsletter arrives every Friday.",
            "每周一期，欢迎订阅我们的电子报。",
        ),
        no_match=(
            "The newsletter, founded in 2019, now has 40,000 readers.",
            "Der Newsletter des Vereins erscheint seit 2019 monatlich.",
        ),
    ),
    Rule(
        id="newsletter-signup",
        reason="a call to sign up for e-mail news",
        kind="furniture",
        pattern=r"^(?:get|sign up|subscribe|join|register|abonnieren sie|melden sie sich|"
        r"suscríbete|inscríbete|recibe|inscrivez-vous|abonnez-vous|recevez|订阅|注册)\b.{0,40}"
        r"\b(?:newsletters?|email|e-mail|boletín|correo|lettre|邮件|简报)\b.{0,80}$",
        match=("Abonnieren Sie unseren Newsletter", "Suscríbete a nuestro boletín"),
        no_match=("Subscribers complained about e-mail outages all week.",),
    ),
    Rule(
        id="subscribe-status",
        reason="a subscription button or status message",
        kind="furniture",
        pattern=r"^(?:subscribe|subscribed|subscription|abonnieren|abonniert|jetzt abonnieren|"
        r"suscríbete|suscribirse|suscrito|s'abonner|abonnez-vous|abonné|订阅|立即订阅|订阅成功)"
        r"(?:\s+\S+){0,4}[!.]?$(?<!\w\.)",
        match=("Subscribed successfully", "Subscribe", "Jetzt abonnieren", "订阅成功"),
        no_match=("Subscription revenue rose 20 percent in the quarter.",),
    ),
    Rule(
        id="email-field",
        reason="an e-mail form field",
        kind="furniture",
        pattern=r"^(?:enter your email|your email address|email address|e-mail-adresse|"
        r"ihre e-mail-adresse|tu correo electrónico|correo electrónico|votre adresse e-mail|"
        r"adresse e-mail|邮箱地址|电子邮箱)\b.{0,30}$",
        match=("Enter your email address", "Ihre E-Mail-Adresse", "邮箱地址"),
        no_match=("Email addresses of 3 million users were stolen in the breach.",),
    ),
    Rule(
        id="select-box",
        reason="a select box rendered as text: its prompt and its choices, a form",
        kind="furniture",
        predicate=_is_select_box,
        gate=_SELECT_PROMPT.pattern,
        match=(
            "Select a category Spam Harassment Copyright infringement Other",
            "- Select a Job Type -",
            "-- Choose your country -- Austria Belgium Denmark France Germany Spain",
            "Bitte wählen Sie ein Ressort Politik Wirtschaft Sport Kultur",
            "Selecciona tu departamento Guatemala Izabal Escuintla Sololá",
            "Sélectionnez une région Bretagne Normandie Alsace Provence",
            "请选择 北京 上海 广州 深圳",
        ),
        no_match=(
            "Choose a name that is easy to remember.",
            "Select a few good photos and print them.",
            "SELECT avg (n) FROM unnest (array [ 2, 3, 5 ]) AS n;",
        ),
    ),
    Rule(
        id="site-terms",
        reason="the site's note on its own privacy policy or terms of use, a footer's",
        kind="furniture",
        predicate=_is_site_terms,
        max_chars=SITE_TERMS_MAX_CHARS,
        requires=LEGAL_PAGE_WORDS,
        match=(
            "By using this site you agree to our Terms of Use and Privacy Policy.",
            "Please read our privacy policy before you subscribe.",
            "Mit der Nutzung dieser Website akzeptieren Sie unsere Datenschutzerklärung.",
            "Al utilizar este sitio acepta nuestra política de privacidad.",
            "En utilisant ce site, vous acceptez nos conditions d'utilisation.",
            "使用本网站即表示您同意我们的隐私政策。",
        ),
        no_match=(
            "The regulator fined the company over its privacy policy last year.",
            "Die Datenschutzerklärung des Konzerns verstößt gegen EU-Recht, so das Gericht.",
            "El gobierno publicó su política de privacidad para la aplicación.",
            "La CNIL a jugé ses conditions d'utilisation abusives.",
            "该公司的隐私政策引发了用户的担忧。",
            "Please read our guide to the best hiking trails in the Alps.",
        ),
    ),
    Rule(
        id="jump-menu",
        reason="a jump menu: a select box or a link row that takes the reader to other pages",
        kind="edge",
        pattern=r"^(?:(?:go|jump|skip|take\s+me)\s+to|(?:gehe|springe)\s+zu|ir\s+a|aller\s+à"
        r"|跳转到|转到)\s*(?:[:：]|\.\.\.|…)",
        match=(
            "Go to: Home News Sport Culture Travel Weather",
            "Jump to: navigation, search",
            "Take me to... News - Sport - Football - Racing",
            "Gehe zu: Wissenschaft, Technik & Co",
            "Ir a: Portada Noticias Deportes",
            "Aller à : Accueil Actualités Sport",
            "跳转到：首页 新闻 体育",
        ),
        no_match=(
            "Go to the station and ask for a ticket.",
            "Skip to the end: the ferry was cancelled again.",
            "Ir a la playa en invierno: una guía",
            "Aller à la plage : nos conseils",
        ),
    ),
    Rule(
        id="form-field",
        reason="a form's field label marked required, or a comment form's input help",
        kind="furniture",
        pattern=r"^(?:your |ihr |dein |tu |su |votre |ton )?(?:name|e-?mail|comment|website|"
        r"subject|message|kommentar|webseite|betreff|nachricht|nombre|correo|comentario|"
        r"sitio web|asunto|mensaje|nom|courriel|commentaire|site web|sujet|姓名|邮箱|评论|网址)"
        r"\s*[:：]?\s*[*＊]$"
        r"|^(?:lines and paragraphs break automatically|web page addresses and e-?mail addresses "
        r"turn into links automatically|no html tags allowed|allowed html tags:.*|"
        r"(?:more information about )?text formats?(?: options)?|leave this field blank|"
        r"zeilenumbrüche und absätze werden automatisch erzeugt|"
        r"(?:erlaubte|zulässige) html-tags:.*|"
        r"las líneas y los párrafos se dividen automáticamente|etiquetas html permitidas:.*|"
        r"les lignes et les paragraphes vont à la ligne automatiquement|"
        r"balises html autorisées\s*:.*)\.?$",
        match=(
            "Your name *",
            "Comment *",
            "E-Mail *",
            "Kommentar *",
            "Lines and paragraphs break automatically.",
            "Allowed HTML tags: <em> <strong>",
            "Leave this field blank",
        ),
        no_match=("Comment * on the margin", "Text formats changed in 2020, the editor said."),
    ),
    Rule(
        id="share",
        after_headline=True,
        reason="a share-this-article line",
        kind="furniture",
        pattern=r"^(?:share|teilen|compartir|comparte|partager|partagez|分享)(?:\s+(?:this|the|"
        r"on|via|to|en|sur|auf|per|dieses?|este|esta|esto|cet(?:te)?|article|artikel|story|"
        r"artículo|noticia|post|l['’]article|la noticia|el artículo|den artikel|page|seite|"
        r"página)\b.{0,40}|\s*[:：].{0,60}|到.{0,20})?$(?<![.!?])"
        r"|^(?:(?:möchten|wollen) sie |willst du |magst du )?(?:diese[ns]?|den)\s+"
        r"(?:artikel|beitrag)(?:\s+mit\s+(?:anderen|freunden))?\s+teilen(?:\s*/\s*diskutieren)?\s*[:?]?$"
        r"|^be sociable,? share!?$"
        r"|^teilen(?:\s+sie\s+dies)?\s+mit\s*[:：]?$"
        r"|^(?:e-?mail|send)(?:\s+(?:this|it))?(?:\s+(?:article|story|page))?\s+to\s+a\s+friend"
        r"\s*!?$|^(?:enviar|envíalo)\s+a\s+un\s+amigo$|^envoyer\s+à\s+un\s+ami$"
        r"|^(?:artikel|seite)\s+(?:per\s+e-?mail\s+)?(?:versenden|weiterempfehlen)$|^推荐给朋友$"
        r"|^(?:seite|artikel|beitrag|news|meldung|nachricht)\s+teilen(?:\s+(?:via|auf|per|mit)\s+"
        r"[^.!?]{1,40})?\s*[:：]?$"
        r"|^teile\s+(?:diese[ns]?\s+(?:beitrag|artikel)|dies)(?:\s+(?:auf|mit|via)\b[^.!?]{0,30})?"
        r"\s*[:：]?$"
        r"|^(?:(?:dir|ihnen)\s+hat\s+(?:der|dieser|unser)\s+(?:artikel|beitrag)\s+gefallen\?\s*)?"
        r"(?:jetzt|mit\s+freunden)\s+teilen\s*!?$",
        match=(
            "Share this article",
            "Share on Facebook",
            "Compartir en Twitter",
            "Diesen Artikel teilen",
            "Möchten Sie den Artikel teilen?",
            "Den Artikel mit anderen teilen/diskutieren:",
            "Be Sociable, Share!",
            "分享到：微信 微博",
            "Share:",
            "Teilen Sie dies mit:",
            "Comparte esto:",
            "Partagez cet article",
            "Send it to a friend!",
            "Email this article to a friend",
            "Enviar a un amigo",
            "Artikel per E-Mail versenden",
            "Seite teilen via Twitter (neues Fenster)",
            "Beitrag teilen",
            "NEWS TEILEN:",
            "Teile diesen Beitrag auf",
            "Mit Freunden teilen",
            "Dir hat der Artikel gefallen? Jetzt teilen!",
        ),
        no_match=(
            "Share prices fell 3 percent on Monday.",
            "Shares rose.",
            "Send it to a friend and ask them to call the hotline.",
            "Teilen Sie uns Ihre Meinung mit.",
        ),
    ),
    Rule(
        id="social-buttons",
        after_headline=True,
        reason="a row of social-network share buttons",
        kind="furniture",
        predicate=_is_social_run,
        max_chars=120,
        match=("Facebook Twitter WhatsApp Email", "微信 微博 QQ空间", "LinkedIn | X | Copy link"),
        no_match=("Facebook and Twitter removed the posts.",),
    ),
    Rule(
        id="follow",
        reason="a follow-us line",
        kind="furniture",
        pattern=r"^(?:follow us|follow .{1,40} on (?:twitter|x|facebook|instagram|linkedin|"
        r"threads|bluesky|tiktok)|folgen sie uns|folge uns|síguenos|siguenos|suivez-nous|"
        r"关注我们|关注.{0,10}(?:微信|微博|公众号)|扫码关注).{0,60}$"
        r"|^.{0,10}(?:扫码|下载客户端|请关注|download (?:our|the) app|laden sie (?:unsere|die) app|"
        r"descarga (?:nuestra|la) app|téléchargez (?:notre|l')app).{0,30}$",
        requires=(
            "follow",
            "folge",
            "gueno",
            "vez-nou",
            "关注",
            "扫码",
            "下载客户端",
            "download",
            "laden",
            "carga",
            "téléchargez",
        ),
        match=(
            "Follow us on Twitter",
            "Folgen Sie uns auf Instagram",
            "Síguenos en Facebook",
            "关注我们的微信公众号",
            "Suivez-nous sur X",
            "扫码下载客户端",
            "更多精彩内容请关注",
        ),
        no_match=("Followers of the movement gathered on Sunday.",),
    ),
    Rule(
        id="reader-call",
        reason="a call to the reader to support, join, visit the shop or write in: the "
        "site's promotion, not the article",
        kind="furniture",
        max_chars=240,
        pattern=r"^.{0,160}?(?:\b(?:(?:consider|please consider) supporting|"
        r"support (?:our|independent) (?:work|journalism|reporting)|"
        r"submit (?:a|your) letter to the editor|"
        r"visit our (?:\w+ )?(?:shop|store)|"
        r"unterstützen sie (?:unseren?|unsere) (?:journalismus|arbeit)|"
        r"besuchen sie unseren (?:[\w-]+-)?shop|jetzt (?:mitglied|unterstützer(?:in)?) werden|"
        r"apoya (?:nuestro|el) periodismo|hazte (?:miembro|socio)|visita nuestra tienda|"
        r"soutenez (?:notre|le) journalisme|devenez (?:membre|abonné)|visitez notre boutique)\b"
        r"|(?:支持我们的|成为我们的)(?:新闻|工作|会员))",
        match=(
            "If you enjoyed reading this post – would you consider supporting our work?",
            "We want to hear what you think. Submit a letter to the editor.",
            "Jetzt neu! Besuchen Sie unseren Fan-Shop!",
            "Unterstützen Sie unseren Journalismus mit einem Abo.",
            "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
            "Soutenez notre journalisme : abonnez-vous dès 1 €.",
            "欢迎支持我们的新闻工作",
        ),
        no_match=(
            "The party asked voters to support its work on housing.",
            "She wrote a letter to the editor in 1998, her neighbour recalled.",
            "Hazte una idea de lo que costará la obra, dijo el alcalde.",
        ),
    ),
    Rule(
        id="affiliate-disclosure",
        reason="a disclosure of affiliate links or paid placements",
        kind="furniture",
        max_chars=400,
        requires=AFFILIATE_WORDS,
        match=(
            "This post contains references to products from our advertisers. We may receive "
            "compensation when you click on links to those products.",
            "Bei den Verlinkungen handelt es sich um Affiliate Links.",
            "Este artículo contiene enlaces de afiliado.",
            "Cet article contient des liens affiliés.",
            "本文含有推广链接。",
        ),
        no_match=("Regulators said affiliate marketing had grown fast in 2021.",),
    ),
    Rule(
        id="cookie-banner",
        reason="a cookie or consent banner",
        kind="edge",
        predicate=_is_consent_line,
        max_chars=400,
        requires=CONSENT_WORDS,
        match=(
            "We use cookies to improve your experience. By continuing you agree.",
            "Wir verwenden Cookies, um Inhalte zu personalisieren.",
            "Utilizamos cookies propias y de terceros.",
            "本网站使用Cookie以改善您的体验。",
        ),
        no_match=("The bakery sold fresh bread and pastries to the village.",),
    ),
    Rule(
        id="ad-label",
        reason="an advertisement label",
        kind="furniture",
        pattern=r"^(?:advertisement|advertising|ad|anzeige|werbung|publicidad|anuncio|"
        r"publicité|广告|推广|sponsored|gesponsert|patrocinado|sponsorisé|赞助内容|"
        r"ads\s+by\s+google|sponsored\s+links|gesponserte\s+links|enlaces\s+patrocinados|"
        r"liens\s+(?:sponsorisés|commerciaux)|广告链接)"
        r"(?:\s*[-–—:·|]\s*.{0,30})?$"
        r"|^(?:story|article|text|artikel|la noticia|l'article|continue reading|weiterlesen)\b"
        r".{0,40}\b(?:advertisement|anzeige|werbung|publicidad|anuncio|publicité)$",
        match=(
            "Advertisement",
            "ADVERTISEMENT - SCROLL TO CONTINUE",
            "Anzeige",
            "广告",
            "Story continues below advertisement",
            "Advertisement · Scroll to continue",
            "Ads by Google",
            "Sponsored Links",
        ),
        no_match=("Advertising revenue fell by a third.",),
    ),
    Rule(
        id="copyright",
        reason="a copyright, rights, reuse or disclaimer notice",
        kind="furniture",
        max_chars=240,
        requires=RIGHTS_WORDS,
        match=(
            "© 2025 Global Times. All rights reserved.",
            "Alle Rechte vorbehalten.",
            "版权所有 © 新华网",
            "本网站所刊载信息，不代表本网观点。刊用本网站稿件，务经书面授权。",
        ),
        no_match=("The rights of the workers were reserved for later talks.",),
    ),
    Rule(
        id="entry-meta",
        reason="a blog post's filing line with its permalink or its categories, or the "
        "feed of its responses (WordPress's entry footer)",
        kind="furniture",
        max_chars=400,
        pattern=r"^(?:this entry was posted|dieser eintrag wurde|esta entrada fue publicada|"
        r"cet article a été publié|cette entrée a été publiée|本条目发布于).{0,240}"
        r"(?:permalink|permalien|enlace permanente|固定链接)[^.!?。]{0,20}[.!?。]?$"
        r"|^this\s+(?:entry|post)\s+was\s+posted\s+on\b.{0,120}\bfiled\s+under\b.{0,240}$"
        r"|^(?:der|dieser)\s+(?:beitrag|eintrag)\s+wurde\s+am\b.{0,100}\bveröffentlicht\s+und\s+"
        r"(?:wurde\s+)?unter\b.{0,240}$"
        r"|^esta\s+entrada\s+fue\s+publicada\s+el\b.{0,120}\ben\s+la\s+categoría\b.{0,240}$"
        r"|^cet\s+article\s+a\s+été\s+publié\s+le\b.{0,120}\bdans\s+la\s+catégorie\b.{0,240}$"
        r"|^you\s+can\s+follow\s+any\s+responses\s+to\s+this\s+entry\s+through\b.{0,120}$"
        r"|^(?:du\s+kannst|sie\s+können)\s+(?:allen\s+)?antworten\s+(?:auf|zu)\s+diese[nm]?\s+"
        r"(?:eintrag|beitrag)\s+(?:durch|über|mit)\b.{0,120}$",
        match=(
            "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und "
            "wurde unter Allgemein, Tastings abgelegt.",
            "This entry was posted on Monday, May 3rd, 2010 at 9:41 pm and is filed under News.",
            "You can follow any responses to this entry through the RSS 2.0 feed.",
            "This entry was posted in Allgemein. Bookmark the permalink.",
            "This entry was posted on May 3, 2012 by Anna. Bookmark the permalink.",
            "Dieser Eintrag wurde veröffentlicht in News. Setze ein Lesezeichen auf den Permalink.",
            "Esta entrada fue publicada en Noticias. Guarda el enlace permanente.",
            "Cet article a été publié dans Actualités. Ajoutez ce permalien à vos favoris.",
            "本条目发布于2012年5月3日。属于新闻分类。将固定链接加入收藏夹。",
        ),
        no_match=(
            "This entry was posted in haste, the editor admitted on Monday.",
            "Der Beitrag wurde am Montag unter großem Beifall im Stadtrat vorgestellt.",
            "Permalink",
        ),
    ),
    Rule(
        id="tags",
        reason="a tag or topic list",
        kind="furniture",
        pattern=r"^(?:tags?|topics?|schlagwörter|schlagworte|themen|etiquetas|temas|"
        r"mots-clés|mots clés|thèmes|标签|关键词|关键字)\s*[:：].{0,200}$"
        r"|^(?:filed\s+under|tagged(?:\s+with)?|getaggt\s+mit|verschlagwortet\s+mit|markiert\s+mit|"
        r"archivado\s+(?:en|bajo)|etiquetado\s+(?:con|como)|classé\s+(?:dans|sous))"
        r"\s*[:：]?(?:\s+[^.!?。]{1,200})?$"
        r"|^(?:tags|schlagworte|schlagwörter|kategorien|themen|etiquetas|categorías|étiquettes|"
        r"mots-clés|catégories|标签|分类|(?:themen|tags)\s+(?:in|zu)\s+diesem\s+artikel|"
        r"(?:verwandte|ähnliche|weitere|mehr)\s+themen|temas\s+relacionados|related\s+tags|"
        r"sujets\s+(?:associés|liés)|相关主题|相关标签)\s*[:：]?$",  # the heading of a list of them
        match=(
            "Tags: AI, China, Hangzhou",
            "Schlagworte",
            "Kategorien:",
            "Themen in diesem Artikel",
            "Temas relacionados",
            "Schlagwörter: KI",
            "标签：人工智能",
            "Filed under: Politics, Economy",
            "Getaggt mit",
            "Tagged Energie, Klima",
            "Classé dans : Société",
        ),
        no_match=(
            "Topics discussed included the budget.",
            "Tagged as a risk, the bridge was closed in May.",
        ),
    ),
    Rule(
        id="end-matter-label",
        reason="the label of an article's end matter (contacts, sources, further information)",
        kind="furniture",
        pattern=r"^(?:weitere\s+informationen|ansprechpartner(?:in)?|pressekontakt|quellenangaben|"
        r"originalpublikation|erschienen\s+in|media\s+contacts?|press\s+contacts?|contacto\s+de\s+prensa|"
        r"contacto\s+para\s+medios|contact\s+presse|contacts?\s+presse|媒体联系|新闻联系人)"
        r"\s*[:：]?$",
        match=("Weitere Informationen:", "Ansprechpartner", "Media contact:", "Contact presse"),
        no_match=("Weitere Informationen gibt es beim Landratsamt.",),
    ),
    Rule(
        id="source-line",
        reason="a short source or editor credit line",
        kind="furniture",
        pattern=r"^[\[【(（]?(?:source|quelle|fuente|来源|出处|editor|editing by|redaktion|"
        r"edición|édition|rédaction|责任编辑|责编|编辑|编译|校对)\s*[:：]\s*\S"
        rf"(?:[^.!?。]|{_DOMAIN_DOT}){{0,50}}$",
        match=(
            "Source: Xinhua",
            "Quelle: dpa",
            "Fuente: EFE",
            "来源：新华网",
            "【编辑：王芳】",
            "Quelle: jorisvo / Fotolia.com",
        ),
        no_match=("Source: people familiar with the matter said the deal was near.",),
    ),
    Rule(
        id="photo-credit",
        reason="a photo credit standing alone",
        kind="furniture",
        pattern=r"^[(\[]?(?:photo|foto|image|bild|bildquelle|imagen|picture|crédit photo|"
        r"crédito|credit|titelbild|beitragsbild|headerbild|symbolbild|图|图片|图源|摄影)"
        rf"\s*[:：/]\s*(?:[^.!?。]|{_DOMAIN_DOT}){{1,80}}$"
        r"|^(?:titelbild|beitragsbild|headerbild|aufmacherbild)$"
        r"|^(?:bild|foto|photo|image|imagen)\s+via\s+\S.{0,50}$"
        r"|^(?:photo|picture|image|foto|bild|imagen)\s+(?:by|von|de|par)\s+"
        r"(?:[^\s.!?。]+\s+){0,3}[^\s.!?。]+\s+(?:on|auf|en|sur|via|von)\s+(?:unsplash|pexels|"
        r"pixabay|flickr|shutterstock|istock|adobe\s+stock)(?:\.com)?$",
        match=(
            "Foto: dpa/Michael Kappeler",
            "Photo: VCG",
            "图片：新华社",
            "(Foto: DBT/Stella von Saldern (bearbeitet durch spdfraktion.de))",
            "Bildquelle: Pixabay.com",
            "Titelbild",
            "Bild via Unsplash",
            "Photo by Ev on Unsplash",
            "Foto von Anna Weber auf Pixabay",
        ),
        no_match=(
            "Photo: A crowd gathers outside the court. The verdict is due today.",
            "Photo by James Martin/CNET",
        ),
    ),
    Rule(
        id="agency-credit",
        reason="a picture's credit: agency names alone on a line",
        kind="furniture",
        pattern=rf"^(?:(?:photo|foto|bild|image|imagen|图)\s*[:：]\s*)?(?:{AGENCY_NAMES})"
        rf"(?:\s*(?:/|,|\||&|\+|via|und|and|y|et)\s*(?:{AGENCY_NAMES})){{0,3}}"
        r"(?:\s+(?:images|photos?|fotos?))?$",
        max_chars=60,
        match=("GETTY IMAGES", "Reuters/Corbis", "AFP via Getty Images", "picture alliance / dpa"),
        no_match=("AFP reported the attack.", "Getty Images Holdings"),
    ),
    Rule(
        id="post-footer",
        reason="a blog post's footer: who posted it and at what time",
        kind="furniture",
        pattern=r"^(?:posted|written|eingestellt|geschrieben|verfasst|publicado|escrito|publié|"
        r"écrit|posté)\s+(?:by|von|por|par)\s+\S.{0,40}?\s+(?:at|um|en|a las|à)\s+"
        r"\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr|h))?$",
        requires_chars=r"\d",
        match=(
            "Posted by Anna at 9:41 PM",
            "Eingestellt von der Michel um 21:11",
            "Publicado por Luis en 10:05",
            "Publié par Marie à 18h30",
        ),
        no_match=("Posted by Anna at 9:41 PM, the photo went viral.",),
    ),
    Rule(
        id="read-also",
        reason="an inline teaser linking to another article",
        kind="furniture",
        pattern=r"^(?:(?:read more|read also|also read|see also|related|lesen sie auch|"
        r"lesen sie mehr|auch interessant|mehr dazu|mehr zum thema|zum weiterlesen|"
        r"lee también|lea también|lee más|lea más|lea además|mire|puedes ver|"
        r"auch lesen|(?:das(?: thema)? )?(?:könnte|dürfte) (?:sie|dich) (?:auch )?interessieren|"
        r"(?:también )?(?:te|le) puede interesar|ver también|leia também|leia mais|veja também|"
        r"you (?:may|might) also like|"
        r"lire aussi|à lire aussi|(?:à )?lire également|voir aussi|相关阅读|延伸阅读|推荐阅读|"
        r"猜你喜欢|相关|czytaj (?:też|także)|(?-i:MIRA|LEA|VEA|LEE))\s*[:：|»>]\s*.*"
        r"|schon gelesen\?|zum weiterlesen)$",
        match=(
            "READ MORE: Tesla profits slump",
            "Lesen Sie auch: Die Bahn streikt wieder",
            "Lee también: El precio de la luz",
            "相关阅读：杭州六小龙",
            "Mire: El cantante Juan Luis Guerra da positivo a COVID-19",
            "PUEDES VER: ¿Qué es la Sunedu, cómo está conformada y para qué sirve?",
            "Zum Weiterlesen:",
            "Schon gelesen?",
            "Le puede interesar: JEP abrirá tres nuevos macrocasos",
            "Auch lesen: Diese 3 Sternzeichen verschenken ihr Herz",
            "Das Thema könnte dich auch interessieren:",
            "You might also like: The best hikes near Denver",
            "À lire également : la réforme des retraites",
            "猜你喜欢：杭州六小龙",
            "MIRA: Madre se acerca a conocer los motivos de captura de su hijo",
        ),
        no_match=(
            "Read more books, the minister told pupils.",
            "Das könnte Sie auch interessieren, sagte der Minister vor der Presse.",
            "Mira: Ich habe das nie so gesehen.",
            "Mire usted, la inflación no se fue nunca.",
            "Weiterlesen lohnt sich.",
        ),
    ),
    Rule(
        id="section-label",
        after_headline=True,
        reason="a section or category label (kicker, breadcrumb)",
        kind="furniture",
        flags=0,
        pattern=rf"^{_CAPS_LABEL}(?:\s*[/|»>›·]\s*{_CAPS_LABEL}){{1,3}}$"
        r"|^(?:[Hh]ome|HOME|[Ss]tart(?:seite)?|[Ii]nicio|[Pp]ortada|[Aa]ccueil|首页|主页)\s*[>›»/|]\s*.{1,100}$"
        # breadcrumbs of 2 to 6 "›" (or 1 to 6 "»", "›", ">>"): segments of at most 30 (the
        # first) and 40 characters, not counting the blanks around a separator (nor the
        # last segment's leading ones). Written so that each segment splits one way only,
        # from its first to its last non-blank character: with "\s*" beside a class that
        # holds blanks, runs of blanks backtracked exponentially (seconds on one menu line)
        r"|^(?:[^.!?。>›»]{0,29}[^.!?。>›»\s]\s*|\s+)"
        r"(?:[>›»](?:\s*[^.!?。>›»\s](?:[^.!?。>›»]{0,38}[^.!?。>›»\s])?\s*|\s+)){1,5}"
        r"[>›»](?:\s*[^.!?。>›»\s][^.!?。>›»]{0,39}|\s+)$"
        r"|^(?:[^.!?。>›»]{0,29}[^.!?。>›»\s]\s*|\s+)"
        r"(?:(?:>>|[›»])(?:\s*[^.!?。>›»\s](?:[^.!?。>›»]{0,38}[^.!?。>›»\s])?\s*|\s+)){0,5}"
        r"(?:>>|[›»])(?:\s*[^.!?。>›»\s][^.!?。>›»]{0,39}|\s+)$"
        r"|^(?:[Ss]ection|[Cc]ategory|[Rr]ubrik|[Rr]essort|[Kk]ategorie|[Ss]ección|[Cc]ategoría|"
        r"[Rr]ubrique|[Cc]atégorie|栏目|频道|分类)\s*[:：]\s*.{1,40}$",
        requires_chars="[/|»>›·:：]",
        match=(
            "SOURCE / ECONOMY",
            "人民网>>社会·法治",
            "Accueil › Football",
            "Home > News > Tech",
            "Startseite › Wirtschaft › Energie",
            "WIRTSCHAFT | POLITIK",
            "首页 > 科技 > 人工智能",
            "Sección: Economía",
        ),
        no_match=("Revenue / cost ratio improved in 2024, the report says.", "US"),
    ),
    Rule(
        id="category-label",
        reason="a bare section name (a kicker or menu item)",
        kind="edge",
        predicate=_is_category_label,
        max_chars=20,
        match=("Economy", "Wirtschaft", "Deportes", "科技", "Économie"),
        no_match=("Economy of Hangzhou",),
    ),
    Rule(
        id="ui-label",
        reason="a button or link label of the site's interface",
        kind="furniture",
        predicate=_is_ui_label,
        max_chars=60,
        requires=tuple(sorted(UI_LABELS)),  # a line of labels holds one
        match=(
            "Read more",
            "Weiterlesen",
            "Leer más",
            "返回顶部",
            "Reply",
            "Skip to content",
            "Listen to this article · 5:12 min",
            "Artikel anhören • 4 Min",
            "Écouter cet article (3 minutes)",
            "Escucha esta nota aquí",
            "Newer Post Older Post Home",
            "Angemeldet bleiben",
            "URL zum Kopieren",
        ),
        no_match=(
            "Read more books.",
            "Listen to this article, he said, 5 times a day.",
            "Save more money",
        ),
    ),
    Rule(
        id="vote-widget",
        reason="a vote or reaction widget of a comment (likes, up/down votes, thumbs)",
        kind="furniture",
        pattern=r"^(?:[▲▼↑↓👍👎+−-]?\s*\d+\s*){0,2}(?:(?:likes?|dislikes?|upvotes?|downvotes?|"
        r"votes?|points?|gefällt mir|daumen hoch|me gusta|votos?|j'aime|votes?|"
        r"赞|顶|踩|点赞|支持|反对)\s*[(（]?\d*[)）]?\s*[|·/]?\s*){1,3}"
        r"(?:\s*[▲▼↑↓👍👎]?\s*\d+)?$"
        r"|^[▲▼↑↓👍👎]\s*\d+(?:\s*[▲▼↑↓👍👎]\s*\d+)?$",
        match=(
            "12 Likes",
            "Like (3)",
            "▲ 5 ▼ 2",
            "Upvote 12 Downvote",
            "Gefällt mir 4",
            "赞 12",
            "👍 7 👎 1",
        ),
        no_match=("Likes and dislikes of the voters were polled.", "12 points behind the leader"),
    ),
    Rule(
        id="headline-with-count",
        reason="a headline of another article with its comment or view count (a sidebar link)",
        kind="furniture",
        # the lookahead (what every hit ends with, no sentence mark before it) first fails
        # most lines at once; the head's lazy run tries the count at every character
        # otherwise: 15x the time, the same hits
        pattern=r"^(?=[^.!?。！？]*$(?:(?<=\d\))|(?<=\d\])|(?<=comment)|(?<=comments)|"
        r"(?<=kommentar)|(?<=kommentare)|(?<=comentario)|(?<=comentarios)|(?<=commentaire)|"
        r"(?<=commentaires)|(?<=views)|(?<=aufrufe)|(?<=vistas)|(?<=vues)|(?<=评论)|(?<=阅读)))"
        r"[^.!?。！？]{8,140}?\s*(?:\(\d+\)|\[\d+\]|[|·–-]\s*\d+\s*(?:comments?|"
        r"kommentare?|comentarios?|commentaires?|views|aufrufe|vistas|vues|评论|阅读)|"
        r"\d+\s*(?:comments?|kommentare?|comentarios?|commentaires?)|\d+\s*(?:条评论|评论|阅读))$",
        requires_chars=r"\d",
        match=(
            "Council Votes to Close the Old Library (23)",
            "Neue Radwege für die Innenstadt | 14 Kommentare",
            "El precio del pan sube otra vez 8 comentarios",
            "Le budget de la ville adopté [5]",
            "市政府公布新的公交线路 12条评论",
        ),
        no_match=("The council met on Monday (its 23rd meeting).", "Table 3 (2)."),
    ),
    Rule(
        id="headline-with-timestamp",
        reason="a headline of another article with its date and time (a news-ticker link)",
        kind="furniture",
        # a head without sentence marks, colons or bars (not a label such as "Posted"),
        # then a numeric or month-name date and a clock time ending the line; the
        # lookahead for that time first fails most lines at once (the head's lazy run
        # backtracks over every split otherwise: 20x the time, the same hits); a date
        # starts with no separator, so the separators' run stops only before one (without
        # that lookahead, a long run of blanks was tried n² ways: 40 ms on a menu line)
        pattern=r"^(?=.*\d[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:[a-z]{2,4}|uhr))?\)?$)"
        r"(?:[•·*▪►-]\s*)?(?!(?:posted|by|von|por|par|updated|aktualisiert|published|"
        r"veröffentlicht|publicado|publié)\b)[^.!?。！？:：|»]{12,160}?[\s,|(–-]+(?![\s,|(–-])"
        r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|"
        r"\d{4}年\d{1,2}月\d{1,2}日|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
        r" \d{1,2},? \d{4}|\d{1,2}\.? (?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|"
        r"nov|dez|dec)[a-zé]*\.? \d{4}),?\s*(?:à\s*|-\s*)?\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?"
        r"(?:\s*(?:[a-z]{2,4}|uhr))?\)?$",
        requires_chars=r"\d",
        match=(
            "• Genentech 4Q profit rises 6 percent 1/15/2008, 7:52 a.m. EST",
            "Co-pilot praised in crash landing of jet 19/01/08 1:57 PM",
            "Bahnstreik legt den Fernverkehr lahm 15.01.2008, 15:42 Uhr",
            "El Gobierno aprueba los presupuestos 15/01/2008 - 15:42",
            "Le budget de la ville adopté 15/01/2008 à 15h42",
            "市政府公布新的公交线路和票价调整方案 2008-01-15 15:42",
        ),
        no_match=(
            "Posted 1/15/2008, 3:42 p.m. EST",
            "The meeting starts on 15.01.2008 at 15:42.",
            "Updated: January 15, 2008 3:42 PM",
            "Wednesday, June 15, 2005",
        ),
    ),
    Rule(
        id="click-here",
        reason="a click-here link",
        kind="furniture",
        pattern=r"^(?:click here|click to|tap here|klicken sie hier|hier klicken|haga clic|"
        r"pulse aquí|haz clic|cliquez ici|点击|单击)[^.!?。]{0,60}$",
        match=("点击进入专题：两会", "Click here to see the full gallery", "Cliquez ici"),
        no_match=("Click here, the officer said, was where the gun went off.",),
    ),
    Rule(
        id="video-player",
        reason="the controls and caption-settings dialog of an embedded video player",
        kind="furniture",
        pattern=r"^(?:captions|subtitles|descriptions|chapters|audio track)(?: settings, opens "
        r"(?:captions|subtitles) settings dialog|(?: off)?, selected)$"
        r"|^this is a modal window\.(?: this modal can be closed by pressing the escape key or "
        r"activating the close button\.)?$"
        r"|^(?:beginning|end) of dialog window\.(?: escape will cancel and close the window\.)?$"
        r"|^(?:foreground|background|window|text edge style|font family|font size|"
        r"caption area background)\b.{0,40}\b(?:(?:opaque|transparent|none|raised|dropshadow|"
        r"monospace|serif|casual|small caps)\b|\d+%).*$"
        r"|^(?:reset(?: restore all settings to the default values)? (?:defaults )?|defaults )done$"
        r"|^(?:close modal dialog|stream type live|playback rate|seek to live, currently "
        r"(?:behind|playing) live|(?:current|duration|remaining) time\s*-?[\d:]+(?:\s*/\s*[\d:]+)?"
        r"|loaded\s*:\s*\d+(?:\.\d+)?%|progress\s*:\s*\d+(?:\.\d+)?%)$",
        match=(
            "captions settings, opens captions settings dialog",
            "This is a modal window.",
            "Text Edge Style None Raised Depressed Uniform Dropshadow",
            "Font Size 50% 75% 100% 125% 150% 175% 200% 300% 400%",
            "Defaults Done",
            "Current Time 0:00",
            "Loaded: 0%",
        ),
        no_match=(
            "The window was opaque with dust.",
            "Font size matters more than colour, the designer said.",
            "Done",
        ),
    ),
    Rule(
        id="article-tools",
        reason="a tool link of the article (print, e-mail, reprints, text size)",
        kind="furniture",
        pattern=r"^(?:print|email|e-mail|mail|send|save)\s+(?:this\s+)?(?:story|article|page|post)$"
        r"|^order reprints$|^(?:font|text)\s+size\s*:?(?:\s*(?:[-+aA]{1,3}|decrease|increase|"
        r"smaller|larger|bigger|reset)){0,3}$"
        r"|^(?:artikel|beitrag|seite)\s+(?:drucken|versenden|merken|speichern)$"
        r"|^schriftgröße\s*:?(?:\s*[-+aA]{1,3}){0,3}$"
        r"|^imprimir(?:\s+(?:el\s+)?(?:artículo|noticia|página))$"
        r"|^tamaño de (?:letra|texto|fuente)\s*:?$|^enviar por (?:correo|e-?mail)$"
        r"|^imprimer (?:l['’]article|la page|cet article)$|^envoyer (?:par e-?mail|à un ami)$"
        r"|^taille (?:du texte|de (?:la )?police)\s*:?$"
        r"|^(?:打印本页|打印文章|字号\s*[:：]?(?:\s*[大中小]){0,3}|【?字体\s*[:：]?\s*大\s*中\s*小】?)$"
        r"|^(?:(?:artikel|beitrag|pressemitteilung|seite|article|page|story)\s+)?(?:als|as)\s+pdf"
        r"(?:\s+(?:herunterladen|downloaden|speichern))?$"
        r"|^(?:pdf[- ]version|download\s+(?:as\s+)?pdf|pdf\s+herunterladen|"
        r"descargar\s+(?:en\s+)?pdf|"
        r"télécharger\s+(?:le\s+|en\s+)?pdf|printer[- ]friendly(?:\s+(?:version|page))?|"
        r"printable\s+version|druckversion|druckansicht|versión\s+(?:para\s+)?imprimir|"
        r"version\s+imprimable|print\s+this(?:\s+(?:article|page|story|post))?|打印版)$",
        match=(
            "Print story",
            "Order reprints",
            "Font size:",
            "Artikel drucken",
            "Imprimir artículo",
            "Imprimer l'article",
            "【字体：大 中 小】",
            "Pressemitteilung als PDF",
            "PDF version",
            "Printer friendly",
            "Druckversion",
            "Versión para imprimir",
        ),
        no_match=("Print this story and you will be sued, he warned.", "Font size matters."),
    ),
    Rule(
        id="bulleted-label",
        reason="a list item that is only a button, share or tool label (a share or tool list)",
        kind="furniture",
        predicate=_is_bulleted_label,
        max_chars=60,
        requires_chars="[*•·▪◦‣●+–—-]",
        match=(
            "* Print",
            "• Facebook",
            "- Post to Del.icio.us",
            "* Digg this",
            "* E-mail",
            "* * Share",
            "* Tagged:",
            "* Das könnte Sie auch interessieren",
        ),
        no_match=(
            "* Print shops closed in March.",
            "- Send to prison",
            "1. Print",
            "* Politics",
            "* Style Editor",
        ),
    ),
    Rule(
        id="continue-reading",
        reason="a mark that the article goes on below an ad or a widget, or a read-on link",
        kind="furniture",
        pattern=r"^(?:(?:the\s+)?(?:story|article|text|report|post)\s+continues(?:\s+(?:below|"
        r"after\s+(?:the|this)\s+(?:ad|advertisement|break)))?"
        r"|continue\s+reading(?:\s+(?:the\s+)?(?:main\s+|full\s+)?(?:story|article|post|below))?"
        r"|(?:der\s+)?(?:artikel|text|beitrag)\s+(?:geht|wird)\s+(?:unten|nach\s+der\s+"
        r"(?:anzeige|werbung))\s+(?:weiter|fortgesetzt)"
        r"|(?:weiter|fortsetzung)\s+nach\s+der\s+(?:anzeige|werbung)"
        r"|lesen\s+sie\s+(?:nach\s+der\s+(?:anzeige|werbung)\s+)?weiter"
        r"|(?:la\s+(?:noticia|nota)|el\s+(?:artículo|texto))\s+(?:continúa|sigue)\s+(?:abajo|"
        r"debajo|más\s+abajo|después\s+de\s+la\s+publicidad)"
        r"|(?:continúa|continuar|sigue)\s+leyendo"
        r"|(?:l['’]article|le\s+texte)\s+continue\s+(?:ci-dessous|après\s+(?:la|cette)\s+publicité)"
        r"|(?:la\s+)?suite\s+(?:de\s+l['’]article\s+)?(?:ci-dessous|après\s+(?:la|cette)\s+"
        r"publicité)"
        r"|continuer\s+(?:la\s+)?lecture"
        r"|(?:下文|正文)继续|继续阅读|余下全文|点击阅读全文)\s*(?:[:：.…»›>→]|\.\.\.)?$",
        max_chars=80,
        match=(
            "Story continues below",
            "Continue reading the main story",
            "Article continues after this advertisement",
            "Weiter nach der Anzeige",
            "Lesen Sie weiter",
            "La noticia continúa abajo",
            "Sigue leyendo",
            "La suite après cette publicité",
            "继续阅读",
        ),
        no_match=(
            "Story continues to unfold in the capital.",
            "Continue reading books, the teacher said.",
        ),
    ),
    Rule(
        id="comment-notice",
        reason="a notice of the comment form or thread: closed, log in to comment, spam "
        "filter, captcha",
        kind="furniture",
        pattern=r"^(?:(?:no\s+comments|keine\s+kommentare|sin\s+comentarios|aucun\s+commentaire)"
        r"\.?\s+)?(?:comments\s+(?:are|have\s+been)\s+closed|(?:die\s+)?kommentarfunktion\s+"
        r"(?:ist|wurde)\s+(?:deaktiviert|geschlossen|abgeschaltet)|kommentare\s+sind\s+"
        r"(?:geschlossen|deaktiviert)|los\s+comentarios\s+están\s+(?:cerrados|desactivados)|"
        r"(?:les\s+)?commentaires\s+(?:sont\s+)?fermés|评论已关闭)[^.!?。]{0,40}[.!。]?$"
        r"|^(?:this\s+site|diese\s+(?:website|seite)|este\s+sitio|ce\s+site)\s+(?:uses|verwendet|"
        r"nutzt|usa|utiliza|utilise)\s+akismet\b.{0,160}$"
        r"|^(?:you\s+must\s+be\s+(?:logged\s+in|registered)|(?:du\s+musst|sie\s+müssen)\s+"
        r"(?:angemeldet|eingeloggt|registriert)\s+sein|debes\s+(?:estar\s+(?:registrado|"
        r"conectado)|iniciar\s+sesión)|vous\s+devez\s+(?:être\s+connecté|être\s+inscrit|"
        r"vous\s+connecter))\b[^.!?]{0,40}(?:comment|kommentar|comentario|commentaire)"
        r"[^.!?]{0,30}[.!]?$"
        r"|^time\s+limit\s+is\s+exhausted\.?\s+please\s+reload\s+(?:the\s+)?captcha\.?$",
        max_chars=240,
        match=(
            "Comments are closed.",
            "Keine Kommentare Kommentare sind geschlossen.",
            "Kommentare sind geschlossen.",
            "Die Kommentarfunktion ist deaktiviert",
            "Los comentarios están cerrados.",
            "Les commentaires sont fermés.",
            "Diese Website verwendet Akismet, um Spam zu reduzieren.",
            "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
            "Du musst angemeldet sein, um einen Kommentar abzugeben.",
            "You must be logged in to post a comment.",
            "Time limit is exhausted. Please reload CAPTCHA.",
        ),
        no_match=(
            "Comments are closed to the public, the court said, but the verdict is not.",
            "You must be registered to vote in the election.",
        ),
    ),
    Rule(
        id="tool-run",
        reason="several tool links of the article on one line (e-mail to a friend, print)",
        kind="furniture",
        pattern=rf"^(?:{_ARTICLE_TOOL})(?:\s*[|·•/,]?\s*(?:{_ARTICLE_TOOL})){{1,4}}$",
        max_chars=120,
        match=(
            "Email to a friend Printer friendly",
            "E-mail this to a friend  Printable version",
            "Email to a friendPrinter friendly",
            "Artikel drucken | Artikel versenden",
            "Imprimir | Enviar por correo",
        ),
        no_match=("Email to a friend who prints the paper", "Print"),
    ),
    Rule(
        id="post-navigation",
        reason="a link to the previous or next post, with its title (post navigation)",
        kind="furniture",
        pattern=r"^[«‹←<]?\s*(?:(?:previous|next|older|newer)\s+(?:article|post|story|entry)"
        r"|(?:vorherige[rs]?|nächste[rs]?|älterer|neuerer)\s+(?:artikel|beitrag|eintrag)"
        r"|vorschau\s+auf\s+den\s+nächsten\s+(?:artikel|beitrag)"
        r"|(?:artículo|entrada|noticia|nota)\s+(?:anterior|siguiente)"
        r"|(?:article|billet)\s+(?:précédent|suivant)|上一篇|下一篇)"
        r"(?:\s*[:：»›>→]?\s*[^.!?。]{1,120})?\s*[»›>→]?$"
        r"|^←\s*[^.!?。←→]{3,120}?\s*→\s*[^.!?。←→]{3,120}$",
        max_chars=260,
        match=(
            "Vorheriger Artikel Matzes Zander Scheuche",
            "Next post: How to bake bread",
            "« Previous Post",
            "Entrada siguiente Los mejores libros del año",
            "Article précédent : Le budget",
            "下一篇：杭州六小龙",
            "← Das irrwitzige IKT-Theater dieses Landes → Warum Michel Reimon nach Brüssel muss",
        ),
        no_match=(
            "Next post office openings are planned for May.",
            "The previous article of the law was struck down by the court.",
        ),
    ),
    Rule(
        id="comments-link",
        reason="a link to the article's comments (not the thread itself)",
        kind="furniture",
        pattern=r"^(?:\d+\s*(?:comments?|kommentare?|comentarios?|commentaires?)[.:]?\s*)?"
        r"(?:click to view comments|(?:view|show|read|see) (?:all )?(?:\d+ )?comments|"
        r"hide comments|kommentare (?:anzeigen|ansehen|lesen|einblenden)|"
        r"alle kommentare(?: anzeigen)?|(?:ver|mostrar|leer) (?:los |todos los )?comentarios|"
        r"(?:voir|afficher|lire) (?:les |tous les )?commentaires|查看(?:全部)?评论|显示评论)$",
        match=(
            "11 Comments. Click to view comments",
            "200Comments. Click to view comments",
            "View all comments",
            "Kommentare anzeigen",
            "Ver comentarios",
            "Voir les commentaires",
            "查看全部评论",
        ),
        no_match=("View comments were split on the plan.",),
    ),
    Rule(
        id="scoreboard",
        reason="a match score line of a sports page",
        kind="furniture",
        flags=0,
        pattern=r"^(?:[A-ZÀ-ÝÄÖÜ][\w'’&.-]*\s){1,4}\s*\d{1,3}\s*[-–:]\s*\d{1,3}"
        r"(?:\s[A-ZÀ-ÝÄÖÜ][\w'’&.-]*){1,4}$",
        requires_chars=r"\d",
        match=("PSG 2 - 1 OM", "Bayern München 3:1 Borussia Dortmund", "Real Madrid 2–2 Barcelona"),
        no_match=("PSG won 2-1 against OM on Sunday.", "Between 9 - 5 every day"),
    ),
    Rule(
        id="gallery-counter",
        reason="a photo gallery's position counter",
        kind="furniture",
        pattern=r"^\d{1,3}\s*(?:/|of|von|de|sur|／)\s*\d{1,3}$",
        requires_chars=r"\d",
        match=("1 / 8", "3 of 12", "2 von 10", "5／20"),
        no_match=("1 of 8 people surveyed said yes.",),
    ),
    Rule(
        id="timestamp",
        reason="a bare time of day (a live-blog or list timestamp)",
        kind="furniture",
        pattern=r"^\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:uhr|h|utc|gmt|bst|cet|cest|[a-z]{2}t))?$",
        requires_chars=r"\d",
        match=("11:42 GMT", "9.15 am", "14:05 Uhr", "08h30"),
        no_match=("11:42 GMT: power restored to the valley",),
    ),
    Rule(
        id="javascript-notice",
        reason="a notice about JavaScript or the browser",
        kind="furniture",
        predicate=_asks_a_browser_action,
        max_chars=150,
        requires=BROWSER_WORDS,
        match=(
            "Please turn on JavaScript for a better experience",
            "Ihr Browser unterstützt dieses Video nicht.",
        ),
        no_match=(
            "The new browser from the company was downloaded ten million times in its "
            "first week, according to figures released on Monday by the firm.",
        ),
    ),
    Rule(
        id="script-code",
        reason="program code shown as text (a page's script the renderer kept): not prose, "
        "and page furniture outside the article (a code sample inside it stays)",
        kind="edge",
        predicate=_is_code,
        requires=(";", "{", "=="),
        match=(
            'tle);_q+="&11="+escape(navigator.userAgent);_q+="&12="+escape(na?n:u);_q+="&13="',
            "pe, fn, false ); EventCache.add(obj, type, fn); } else if (obj.attachEvent) {",
            "(function() { document.addEventListener('DOMContentLoaded', function() { var m = 1;",
            "<script>if (window.ads) {ads.push('top'); ads.run();}</script>",
        ),
        no_match=(
            "The plan has three parts; the first (and the cheapest) is due in May.",
            "Berechne die Masse eines Glasquaders mit a = 4 cm; b = 3 cm; h = 7 cm",
            "The <script> tag loads code; the browser (not the page) decides when it runs.",
        ),
    ),
    Rule(
        id="markup-source",
        reason="HTML source shown as text (a renderer's leak of the page's markup, an ad "
        "slot's code): tags, not prose",
        kind="edge",
        predicate=_is_markup,
        requires=("<",),
        match=(
            '<a href="http://ads.example.com/click?site=news&pos=top"><img src="http://ads.'
            'example.com/b.gif" width="468" height="60"></a>',
            '<div><a href="http://ad.example.net/jump/mac;sz=300x250">Anzeige</a></div>',
            '<?xml version="1.0"?> <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf">',
            'Stock prices</title><script src="/js/site.js"></script></head><body>',
        ),
        no_match=(
            "Use <em> for stress and <strong> for importance, as the guide to HTML says.",
            "The <script> and <style> elements hold no visible text; the renderer skips both "
            "when it builds the page.",
            "Los precios subieron <3% en marzo, y la inflación > 2% en abril.",
            'Mehr dazu steht auf <a href="https://example.org/bericht">der Seite des Amts</a> '
            "und im Jahresbericht, den die Behörde am Montag veröffentlicht hat.",
        ),
    ),
    Rule(
        id="press-release",
        reason="press-release furniture (release line, end mark, media contact)",
        kind="furniture",
        pattern=r"^(?:for immediate release|zur sofortigen veröffentlichung|"
        r"para publicación inmediata|pour diffusion immédiate|###|-30-|ends|end|– ends –)$"
        r"|^(?:media contacts?|press contacts?|pressekontakt|medienkontakt|contacto de prensa|"
        r"contact presse|媒体联系人?)\s*[:：].{0,120}$",
        match=(
            "FOR IMMEDIATE RELEASE",
            "###",
            "Media contact: press@example.org",
            "Pressekontakt: Anna Berg",
        ),
        no_match=("Media contacts were not told of the decision.",),
    ),
    Rule(
        id="feedback",
        reason="a was-this-helpful widget",
        kind="furniture",
        pattern=r"^(?:(?:was|is) this (?:article|page|story|post|information) (?:helpful|useful)|"
        r"did you (?:find this|like this) (?:article|page|story|post)(?: (?:helpful|useful))?|"
        r"(?:war|ist) (?:der|dieser|die|diese) (?:artikel|beitrag|seite|text) "
        r"(?:hilfreich|nützlich|lesenswert)|"
        r"(?:fanden sie|fandest du) (?:diesen|den) (?:artikel|beitrag) (?:hilfreich|nützlich)|"
        r"hat (?:ihnen|dir) (?:der|dieser) (?:artikel|beitrag) gefallen|"
        r"¿?(?:te ha resultado útil|te ha sido útil|te ha gustado este artículo|"
        r"te (?:resultó|pareció) útil (?:este|esta) (?:artículo|nota|información))|"
        r"cet article vous a-t-il été utile|cet article vous a-t-il plu|"
        r"这篇文章对您有帮助吗|本文对你有帮助吗)\s*[?？]?$",
        match=(
            "Was this article helpful?",
            "War dieser Artikel hilfreich?",
            "¿Te ha resultado útil?",
            "Cet article vous a-t-il été utile ?",
            "War der Artikel nützlich?",
            "Hat Ihnen der Artikel gefallen?",
            "Is this page useful?",
        ),
        no_match=("Was this article helpful to the defence, the judge asked the jury.",),
    ),
    Rule(
        id="comment-head",
        reason="the head of one post inside a thread: its number, when it was posted and by "
        "whom (the line alone; where the thread starts is a header's job)",
        kind="furniture",
        max_chars=200,
        pattern=r"^\d{1,5}\s+(?:posted on|geschrieben am|publicado el|posté le)\s(?=\D{0,12}\d)"
        r".{4,60}?\s(?:by|von|por|par)\s+\S"
        r"|^\d{1,4}\s*楼\s*.{0,24}?(?:发表于|说\s*[:：]|写道\s*[:：])",
        match=(
            "12 posted on 12/20/2004 12:19:31 PM PST by Jim Lee",
            "5 geschrieben am 3. März 2010 von Anna",
            "7 publicado el 3 de marzo de 2010 por Ana",
            "2 posté le 3 mars 2010 par Pierre",
            "3楼 网友小李 发表于 2012-03-04",
            "8 楼 小王说：",
        ),
        no_match=(
            "12. Mary Jones Says:",
            "12 posted on the wall by the door, he noted.",
            "3楼住宅的房价上涨了。",
        ),
    ),
    Rule(
        id="wiki-hatnote",
        reason="an encyclopedia's pointer to the main article on a section's subject",
        kind="furniture",
        max_chars=200,
        pattern=r"^(?:main articles?|further information|hauptartikel|artículos? principal(?:es)?|"
        r"articles? détaillés?|主条目|主條目)\s*[:：]\s*\S",
        match=(
            "Main article: History of New Zealand",
            "Main articles: Firefox and Thunderbird",
            "Hauptartikel: Geschichte Neuseelands",
            "Artículo principal: Historia de Nueva Zelanda",
            "Article détaillé : Histoire de la Nouvelle-Zélande",
            "主条目：新西兰历史",
        ),
        no_match=(
            "Main article of the treaty: the parties agree to disarm.",
            "The main article: a report on housing.",
        ),
    ),
    Rule(
        id="author-role",
        after_headline=True,
        reason="an author's job title under a byline",
        kind="furniture",
        pattern=r"^(?:[\w-]+\s+){0,3}(?:reporter|correspondent|columnist|editor|writer|"
        r"contributor|redakteur(?:in)?|korrespondent(?:in)?|kolumnist(?:in)?|reportero|"
        r"reportera|corresponsal|columnista|redactor(?:a)?|journaliste|chroniqueur|"
        r"chroniqueuse|correspondant(?:e)?|rédact(?:eur|rice))$"
        r"|^[\u4e00-\u9fff]{0,4}(?:记者|评论员|特约撰稿人)$",
        match=(
            "Columnist",
            "Technology reporter",
            "Senior Business Correspondent",
            "Corresponsal",
            "本报记者",
        ),
        no_match=("The reporter was released on bail.", "Reporters Without Borders"),
    ),
    Rule(
        id="separated-menu",
        reason="a row of short links separated by bars or dots (menu or footer)",
        kind="furniture",
        predicate=_is_separated_menu,
        max_chars=300,
        requires=("|", "•", "·"),
        match=("Impressum | Datenschutz | AGB | Kontakt", "Home · World · Business · Tech"),
        no_match=("Revenue | up 3% | the CFO said | in a call.", "Yes | No"),
    ),
    Rule(
        id="menu-run",
        reason="several navigation labels on one line",
        kind="edge",
        predicate=_is_menu_run,
        max_chars=200,
        match=(
            "Home News Sport Business Innovation Culture Travel",
            "Startseite Politik Wirtschaft Kultur Sport",
            "Inicio Nacional Internacional Economía",
        ),
        no_match=("Business and culture in the world of sport",),
    ),
    Rule(
        id="cjk-menu",
        reason="a row of Chinese navigation labels",
        kind="edge",
        # four or more short CJK words (one to four characters) separated by white space
        pattern=r"^\s*[\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{1,4}){3,}\s*\Z",
        flags=0,
        max_chars=100,
        match=("首页 新闻 财经 科技 体育", "国内 国际 军事 社会 娱乐 汽车"),
        no_match=("杭州 是 一个 美丽 的 城市，我们 很 喜欢。",),
    ),
)
