//! Closed word classes of German and the verb-to-noun table the event titles are built with:
//! data, kept apart from the rules that use it.

#[rustfmt::skip]
pub(super) const ARTICLES: &[&str] = &[
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "kein", "keine", "keiner", "keines", "keinem", "keinen", "dieser", "diese", "dieses", "diesem",
    "diesen", "jener", "jene", "jenes", "jenem", "jenen", "sein", "seine", "seiner", "seines",
    "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren", "unser", "unsere",
    "unseren", "unserem", "unserer", "beide", "beiden", "beider", "alle", "allen", "aller",
    "sämtliche", "sämtlichen", "weitere", "weiteren", "weiterer", "mehrere", "mehreren", "einige",
    "einigen", "viele", "vielen", "zum", "zur", "vom", "im", "am", "beim", "ins", "ans",
];

#[rustfmt::skip]
pub(super) const PREPOSITIONS: &[&str] = &[
    "an", "auf", "aus", "bei", "bis", "durch", "für", "gegen", "hinter", "in", "mit", "nach",
    "neben", "ohne", "seit", "über", "um", "unter", "von", "vor", "während", "wegen", "zu",
    "zwischen", "ab", "laut", "trotz", "angesichts", "nahe", "unweit", "gegenüber", "innerhalb",
    "außerhalb", "zum", "zur", "vom", "im", "am", "beim", "ins", "ans", "samt", "per", "via",
];

#[rustfmt::skip]
pub(super) const PRONOUNS: &[&str] = &[
    "er", "sie", "es", "man", "wir", "ich", "du", "ihr", "sich", "ihn", "ihm", "ihnen", "uns",
    "mich", "mir", "dies", "das", "dessen", "deren", "wer", "was", "jemand", "niemand", "nichts",
    "alles", "etwas", "solche", "solcher", "diese", "dieser",
];

#[rustfmt::skip]
pub(super) const AUXILIARIES: &[&str] = &[
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "worden", "hat", "haben",
    "hatte", "hatten", "habe", "hätte", "hätten", "sei", "seien", "wäre", "wären", "würde",
    "würden", "soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte", "wollten", "kann",
    "können", "konnte", "konnten", "könnte", "könnten", "muss", "müssen", "musste", "mussten",
    "dürfte", "dürften", "darf", "dürfen", "mag", "möchte", "gewesen", "geworden", "werde",
];

#[rustfmt::skip]
pub(super) const CONJUNCTIONS: &[&str] = &[
    "und", "oder", "aber", "doch", "denn", "sondern", "dass", "daß", "weil", "wenn", "als", "ob",
    "obwohl", "während", "nachdem", "bevor", "damit", "sodass", "wie", "wo", "wobei", "zumal",
    "sowie", "sowohl", "noch", "weder",
];

/// Adverbs and particles that carry no event: dropped from titles.
#[rustfmt::skip]
pub(super) const PARTICLES: &[&str] = &[
    "allein", "selbst", "kurz", "schon", "bereits", "auch", "noch", "nur", "erst", "zuletzt",
    "dann", "da", "dort", "hier", "so", "also", "allerdings", "jedoch", "jedenfalls", "zudem",
    "außerdem", "daher", "deshalb", "dabei", "damals", "daraufhin", "danach", "davor", "dann",
    "immer", "nie", "nicht", "natürlich", "sogar", "wieder", "erneut", "eigentlich", "wohl", "etwa",
    "rund", "fast", "kaum", "zunächst", "später", "früher", "jetzt", "nun", "heute", "gestern",
    "morgen", "inzwischen", "mittlerweile", "bislang", "bisher", "zuvor", "vorher", "ja", "eben",
    "gerade", "sehr", "ganz", "mehr", "weiter", "bald", "gleich", "sofort", "zugleich",
    "vermutlich", "offenbar", "angeblich", "schließlich", "endlich", "hingegen", "dagegen",
    "trotzdem", "dennoch", "somit", "ebenfalls", "ebenso", "insgesamt", "zusammen", "persönlich",
    "deutlich", "vorab", "ausführlich",
];

/// Words of time that never name an event.
#[rustfmt::skip]
pub(super) const TIME_WORDS: &[&str] = &[
    "jahr", "jahre", "jahren", "jahres", "jahrs", "monat", "monate", "monaten", "monats", "woche",
    "wochen", "tag", "tage", "tagen", "tages", "stunde", "stunden", "minute", "minuten", "uhr",
    "mal", "zeit", "zeitpunkt", "vorfeld", "anfang", "ende", "mitte", "beginn", "januar", "februar",
    "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
    "dezember", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "wochenende", "morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "frühjahr",
    "sommer", "herbst", "winter", "quartal", "jahrhundert", "jahrzehnt", "moment", "gegenwart",
    "vergangenheit", "zukunft",
];

/// Heads of noun phrases that name events (matched as the end of a compound).
#[rustfmt::skip]
pub(super) const EVENT_NOUNS: &[&str] = &[
    "anschlag", "anschläge", "angriff", "angriffe", "attentat", "akte", "abkommen", "vertrag",
    "verträge", "krieg", "wahl", "wahlen", "treffen", "gipfel", "konferenz", "besuch", "reise",
    "rede", "referendum", "putsch", "streik", "protest", "proteste", "unfall", "mord", "tod",
    "rücktritt", "start", "übernahme", "fusion", "offensive", "erdbeben", "brand", "katastrophe",
    "festnahme", "urteil", "prozess", "anklage", "beschluss", "gesetz", "reform", "einmarsch",
    "abzug", "austritt", "beitritt", "gespräch", "gespräche", "runde", "tagung", "debatte", "krise",
    "konflikt", "aufmarsch", "manöver", "feier", "jubiläum", "finale", "turnier", "zusammenstoß",
    "absturz", "sanktionen", "embargo", "boykott", "pleite", "insolvenz", "zustandekommen",
    "überfall", "fall", "sieg", "niederlage", "spiele", "olympia", "premiere", "zusammenkunft",
    "begegnung", "vorstoß", "eklat", "skandal", "affäre", "hochzeit", "geburt", "einführung",
    "ernennung", "amtsantritt", "amtszeit", "ankunft", "abreise", "landung", "flug", "mission",
    "wechsel",
];

/// Nouns in -ung/-ion that name things, not events.
#[rustfmt::skip]
pub(super) const NOT_EVENTS: &[&str] = &[
    "überzeugung", "auffassung", "einschätzung", "konstruktion", "stellungnahme", "regierung",
    "zeitung", "führung", "meinung", "hoffnung", "richtung", "bedeutung", "ordnung", "wohnung",
    "rechnung", "erfahrung", "verteidigung", "beziehung", "beziehungen", "stellung", "haltung",
    "forschung", "bevölkerung", "leitung", "vertretung", "vertretungen", "region", "position",
    "union", "nation", "kommission", "million", "millionen", "religion", "delegation", "opposition",
    "institution", "organisation", "koalition", "situation", "funktion", "generation", "version",
    "tradition", "dimension", "ansicht", "rüstungskontrolle", "achtung", "bewegung", "umgebung",
    "verwaltung", "abteilung", "ausrüstung", "zeitung", "kleidung", "nahrung", "währung",
    "entfernung", "wirkung", "ladung", "spannung", "spannungen", "stimmung", "lage", "entspannung",
    "sicherheitsgarantie", "vorstellung", "einstellung", "anstrengung", "lösung", "deeskalation",
    "meinungsverschiedenheiten", "verantwortung", "wahrung",
];

/// Irregular nominalisations: a verb stem form (infinitive, participle or finite) and its noun.
#[rustfmt::skip]
pub(super) const NOMINALISATIONS: &[(&str, &str)] = &[
    ("annektiert", "Annexion"), ("annektierte", "Annexion"), ("ausgewiesen", "Ausweisung"),
    ("wies", "Ausweisung"), ("geschlossen", "Schließung"), ("schloss", "Schließung"),
    ("beschlossen", "Beschluss"), ("beschloss", "Beschluss"), ("abgezogen", "Abzug"),
    ("zog", "Abzug"), ("begonnen", "Beginn"), ("beginnt", "Beginn"), ("begann", "Beginn"),
    ("begannen", "Beginn"), ("beginnen", "Beginn"), ("getroffen", "Treffen"), ("trafen", "Treffen"),
    ("traf", "Treffen"), ("treffen", "Treffen"), ("gewählt", "Wahl"), ("wählt", "Wahl"),
    ("gestorben", "Tod"), ("starb", "Tod"), ("festgenommen", "Festnahme"), ("genommen", "Einnahme"),
    ("gewonnen", "Sieg"), ("gewann", "Sieg"), ("verloren", "Niederlage"),
    ("unterschrieben", "Unterzeichnung"), ("unterzeichnet", "Unterzeichnung"),
    ("eingeführt", "Einführung"), ("ernannt", "Ernennung"), ("übergeben", "Übergabe"),
    ("übergab", "Übergabe"), ("überreicht", "Übergabe"), ("überreichte", "Übergabe"),
    ("bekannt gegeben", "Bekanntgabe"), ("angegriffen", "Angriff"), ("griff", "Angriff"),
    ("eingeladen", "Einladung"), ("gestartet", "Start"), ("startet", "Start"), ("endet", "Ende"),
    ("endete", "Ende"), ("geendet", "Ende"), ("besucht", "Besuch"), ("besuchte", "Besuch"),
    ("zurückgetreten", "Rücktritt"), ("trat", "Rücktritt"), ("verhandelt", "Verhandlungen"),
    ("verhandelten", "Verhandlungen"), ("tagt", "Sitzung"), ("tagte", "Sitzung"),
    ("getagt", "Sitzung"), ("tagen", "Sitzung"), ("eröffnet", "Eröffnung"),
    ("verlegt", "Verlegung"), ("gekauft", "Kauf"), ("verkauft", "Verkauf"), ("gebaut", "Bau"),
    ("abgestürzt", "Absturz"), ("stürzte", "Sturz"), ("abstürzt", "Absturz"), ("anbot", "Angebot"),
    ("freigegeben", "Freigabe"), ("freigeben", "Freigabe"), ("verdient", "Gewinn"),
    ("verdiente", "Gewinn"), ("zugelegt", "Anstieg"), ("zulegte", "Anstieg"),
    ("gebilligt", "Billigung"), ("billigte", "Billigung"), ("gesprengt", "Sprengung"),
    ("sprengte", "Sprengung"), ("angerichtet", ""), ("anrichtete", ""), ("anrichteten", ""),
    ("verursacht", ""), ("verursachte", ""), ("überfallen", "Überfall"), ("überfiel", "Überfall"),
    ("präsentiert", "Präsentation"), ("präsentierte", "Präsentation"),
    ("informiert", "Information"), ("operiert", "Operation"), ("demonstriert", "Demonstration"),
    ("demonstrierten", "Demonstration"), ("reagiert", "Reaktion"), ("reagierte", "Reaktion"),
    ("produziert", "Produktion"), ("investiert", "Investition"), ("diskutiert", "Diskussion"),
    ("diskutierten", "Diskussion"), ("kritisiert", "Kritik"), ("explodiert", "Explosion"),
    ("explodierte", "Explosion"), ("protestiert", "Protest"), ("protestierten", "Protest"),
    ("verloren", "Verlust"), ("verlieren", "Verlust"), ("verlor", "Niederlage"),
    ("besuchen", "Besuch"), ("verkaufen", "Verkauf"), ("bekommen", "Erhalt"),
    ("erhalten", "Erhalt"), ("erhielt", "Erhalt"), ("zusammentritt", "Zusammentritt"),
    ("zusammentrat", "Zusammentritt"), ("zusammengetreten", "Zusammentritt"),
    ("angehoben", "Anhebung"), ("anhob", "Anhebung"), ("aufgehoben", "Aufhebung"),
    ("erhoben", "Erhebung"), ("gestiegen", "Anstieg"), ("stieg", "Anstieg"),
    ("gesunken", "Rückgang"), ("sank", "Rückgang"), ("gefallen", "Fall"), ("fiel", "Fall"),
    ("entschieden", "Entscheidung"), ("entschied", "Entscheidung"), ("vorgeschlagen", "Vorschlag"),
    ("schlug", "Vorschlag"), ("verboten", "Verbot"), ("verbot", "Verbot"),
    ("verliehen", "Verleihung"), ("gefunden", "Fund"), ("abgeschlossen", "Abschluss"),
    ("verlangt", "Forderung"), ("verlangte", "Forderung"), ("gefordert", "Forderung"),
    ("versucht", "Versuch"), ("versuchte", "Versuch"), ("angeklagt", "Anklage"),
    ("verurteilt", "Verurteilung"), ("freigesprochen", "Freispruch"), ("gelungen", "Erfolg"),
    ("ausgebrochen", "Ausbruch"), ("brach", "Ausbruch"), ("angekommen", "Ankunft"),
    ("geflogen", "Flug"), ("gesprochen", "Gespräch"), ("gesagt", "Aussage"), ("anboten", "Angebot"),
    ("zurücktrat", "Rücktritt"), ("antrat", "Antritt"), ("beitrat", "Beitritt"),
    ("austrat", "Austritt"), ("abzog", "Abzug"), ("auswies", "Ausweisung"),
    ("festnahm", "Festnahme"), ("aufnahm", "Aufnahme"), ("abschloss", "Abschluss"),
    ("einmarschiert", "Einmarsch"), ("einmarschierte", "Einmarsch"),
    ("einmarschierten", "Einmarsch"), ("gestürzt", "Sturz"), ("geflohen", "Flucht"),
    ("floh", "Flucht"), ("gelandet", "Landung"), ("landete", "Landung"), ("geboren", "Geburt"),
    ("geheiratet", "Hochzeit"), ("vereinbart", "Vereinbarung"), ("geplant", "Planung"),
    ("veröffentlicht", "Veröffentlichung"), ("verabschiedet", "Verabschiedung"),
    ("eingesetzt", "Einsatz"), ("aufgebaut", "Aufbau"), ("abgesagt", "Absage"),
    ("zugesagt", "Zusage"), ("verschoben", "Verschiebung"), ("entlassen", "Entlassung"),
    ("verhaftet", "Verhaftung"), ("getötet", "Tötung"), ("ermordet", "Ermordung"),
    ("gegründet", "Gründung"), ("gründete", "Gründung"), ("gründeten", "Gründung"),
    ("einberufen", "Einberufung"), ("verkleinert", "Verkleinerung"),
    ("verkleinern", "Verkleinerung"), ("aufgenommen", "Aufnahme"), ("beigetreten", "Beitritt"),
    ("ausgetreten", "Austritt"), ("eingereicht", "Einreichung"), ("beraten", "Beratung"),
    ("zusammensitzen", "Treffen"), ("zusammenkommen", "Treffen"), ("zusammentreffen", "Treffen"),
    ("zusammengekommen", "Treffen"),
];

/// Stems of simple verbs whose -ung noun is German ("gründen", "Gründung").
#[rustfmt::skip]
pub(super) const UNG_STEMS: &[&str] = &[
    "gründ", "plan", "öffn", "leit", "warn", "zahl", "prüf", "teil", "ordn", "rechn", "send", "lös",
    "sperr", "räum", "schätz", "kürz", "sicher", "änder", "steiger", "förder", "forder", "stör",
    "rett", "ehr", "kündig", "lager", "impf", "heil", "meld", "bild", "bind", "dicht", "fass",
    "führ", "gestalt", "halt", "heiz", "lad", "land", "lock", "mahn", "nutz", "pfleg", "richt",
    "schul", "spalt", "stell", "stütz", "tausch", "trenn", "wahr", "wend", "werb", "wert", "wirk",
    "zeichn", "zünd", "weiger", "verbesser", "regel", "sammel", "erinner", "liefer", "senk", "präg",
    "spend",
];

/// Verbs of saying: the event is a statement.
#[rustfmt::skip]
pub(super) const SPEECH_VERBS: &[&str] = &[
    "sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "sprach", "spricht",
    "meinte", "berichtete", "berichtet", "hieß", "schrieb", "twitterte", "bekräftigte",
    "versicherte", "räumte", "nannte", "nennt", "wertete",
];

#[rustfmt::skip]
pub(super) const RELATIVES: &[&str] = &[
    "der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches",
];

/// Number words: never nouns, never content.
#[rustfmt::skip]
pub(super) const NUMBERS: &[&str] = &[
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig", "hundert", "tausend",
];

/// Masculine nouns in -at that decline weakly ("des Diplomaten"); others take -s ("des Senats").
#[rustfmt::skip]
pub(super) const PERSONS_IN_AT: &[&str] = &[
    "diplomat", "kandidat", "soldat", "demokrat", "bürokrat", "technokrat", "pirat", "advokat",
    "prälat", "magnat", "automat",
];
