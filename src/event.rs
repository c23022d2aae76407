//! Events cut from one document: a sentence (or clause) with an anchored date or time.
//!
//! Which expressions make events: dates and times whose value is fully resolved and names a
//! calendar interval ([`DateSpan::parse`] accepts it). Durations, sets, `PRESENT_REF` and values
//! with an unknown part (`XXXX-WXX-3`, a day relative to a month-only document date) make none.
//! A range ("von 2011 bis 2018") makes a span; "seit Juli 2019" dates the event it refers to
//! (the last one of its kind) to July 2019.
//!
//! Titles are built by rules on the clause around the expression, tried in order:
//!
//! 1. **the first since**: "die erste Sitzung seit 2019", "das erste Mal seit Juli 2019, dass
//!    beide Seiten Gespräche führen" name the last such thing: "Letzte Sitzung", "Letzte Gespräche";
//! 2. **an event noun heading the expression**: "Annexion der Krim 2014", "Mordanschlag auf
//!    ... im Jahr 2018", "der fünf Jahre zuvor vereinbarten Nato-Russland-Grundakte": the noun
//!    phrase itself;
//! 3. **a relative clause** names what its verb says happened, else its antecedent ("die
//!    Stunde der Wahrheit, die da am Mittwoch anstand"); **a copula** names its predicate ("er
//!    war von 2011 bis 2018 Russlands Botschafter": "Gruschko als Russlands Botschafter");
//! 4. **the main verb nominalised** with its theme in the genitive: "Das Gremium wurde 2002
//!    gegründet" is "Gründung des Gremiums", "wurden weitere russische Diplomaten ausgewiesen"
//!    is "Ausweisung weiterer russischer Diplomaten", "beginnt die Sitzung" is "Beginn der Sitzung";
//! 5. **a statement**: "Julianne Smith sagte am Dienstag, es gebe ..." is "Julianne Smith: es
//!    gebe ...";
//! 6. **an event noun elsewhere in the clause** (not inside another time phrase);
//! 7. **the clause as a headline**, subject first, without the time, particles and sources
//!    ("nach Angaben des Wetterdienstes"), negation kept, cut to nine words.
//!
//! Verbs are nominalised by a table of irregular nouns (closed-class data: "geschlossen" is
//! "Schließung", "fiel" is "Rückgang") and by the regular -ung rule for weak participles and
//! prefixed verbs ("gegründet", "verkleinert", "ordnete ... an"). Verbs of happening ("fand
//! statt", "es gab") name their subject, verbs of causing ("angerichtet") what was caused.
//!
//! A title depends only on the sentence and the expression's text (its first occurrence in the
//! sentence), so it can be computed again from an event's sources; [`crate::merge`] relies on it.

use crate::model::{DateSpan, Source};
use crate::timex::{Timex, TimexType, Value};

/// An event as told by one sentence of one document, before merging.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawEvent {
    /// Short German title.
    pub title: String,
    /// How good the title is: higher is better (an event noun beats a verb beats a fallback).
    pub quality: u8,
    /// TIMEX3 value of the time.
    pub date: String,
    /// For a span, the value of its end.
    pub end: Option<String>,
    /// Whether the time lies after the document date.
    pub planned: bool,
    /// Where it is told; `source.date` is left empty here.
    pub source: Source,
}

/// The events of one document. `text` is the document text as tagged, `sentences` its sentence
/// ranges, `timexes` the tagger's output on it, `doc` the document id and `dct` its date as
/// written to `events.yaml`.
pub fn events(
    doc: &str,
    text: &str,
    dct: &str,
    sentences: &[(usize, usize)],
    timexes: &[Timex],
) -> Vec<RawEvent> {
    let mut out: Vec<RawEvent> = Vec::new();
    for t in timexes {
        let Some((date, end)) = event_time(t) else {
            continue;
        };
        let Some(&(ss, se)) = sentences
            .iter()
            .find(|(s, e)| *s <= t.start && t.start < *e)
        else {
            continue;
        };
        let sentence = &text[ss..se];
        // One event per sentence and time: "am Mittwoch ... am Mittwoch" is told once.
        if out
            .iter()
            .any(|e| e.source.sentence == sentence && e.date == date && e.end == end)
        {
            continue;
        }
        let Some((title, quality)) = title(sentence, &t.text) else {
            continue;
        };
        let source = Source {
            doc: doc.to_string(),
            sentence: sentence.to_string(),
            timex: t.text.clone(),
            start: t.start,
            end: t.end,
            anchor: Some(dct.to_string()),
            date: None,
        };
        out.push(RawEvent {
            planned: is_planned(&date, Some(dct)),
            title,
            quality,
            date,
            end,
            source,
        });
    }
    out
}

/// The event time of an expression, if it makes an event: its value and, for a range, its end.
pub fn event_time(t: &Timex) -> Option<(String, Option<String>)> {
    if !matches!(t.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    if matches!(t.value, Value::Duration(_) | Value::Ref(_)) || !t.value.is_resolved() {
        return None;
    }
    let date = t.value.to_string();
    DateSpan::parse(&date)?;
    let end = match &t.range_end {
        Some(v) if v.is_resolved() => {
            let e = v.to_string();
            let (a, b) = (DateSpan::parse(&date)?, DateSpan::parse(&e)?);
            (b.last >= a.first && e != date).then_some(e)
        }
        Some(_) => return None,
        None => None,
    };
    Some((date, end))
}

/// Whether `date` lies wholly after the document date `dct`.
pub fn is_planned(date: &str, dct: Option<&str>) -> bool {
    match (
        DateSpan::parse(date),
        dct.and_then(|d| DateSpan::parse(d.split('T').next()?)),
    ) {
        (Some(a), Some(d)) => a.first > d.last,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Word classes (closed classes of German; data, not seed knowledge).

const ARTICLES: &[&str] = &[
    "der",
    "die",
    "das",
    "des",
    "dem",
    "den",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "einen",
    "kein",
    "keine",
    "keiner",
    "keines",
    "keinem",
    "keinen",
    "dieser",
    "diese",
    "dieses",
    "diesem",
    "diesen",
    "jener",
    "jene",
    "jenes",
    "jenem",
    "jenen",
    "sein",
    "seine",
    "seiner",
    "seines",
    "seinem",
    "seinen",
    "ihr",
    "ihre",
    "ihrer",
    "ihres",
    "ihrem",
    "ihren",
    "unser",
    "unsere",
    "unseren",
    "unserem",
    "unserer",
    "beide",
    "beiden",
    "beider",
    "alle",
    "allen",
    "aller",
    "sämtliche",
    "sämtlichen",
    "weitere",
    "weiteren",
    "weiterer",
    "mehrere",
    "mehreren",
    "einige",
    "einigen",
    "viele",
    "vielen",
    "zum",
    "zur",
    "vom",
    "im",
    "am",
    "beim",
    "ins",
    "ans",
];

const PREPOSITIONS: &[&str] = &[
    "an",
    "auf",
    "aus",
    "bei",
    "bis",
    "durch",
    "für",
    "gegen",
    "hinter",
    "in",
    "mit",
    "nach",
    "neben",
    "ohne",
    "seit",
    "über",
    "um",
    "unter",
    "von",
    "vor",
    "während",
    "wegen",
    "zu",
    "zwischen",
    "ab",
    "laut",
    "trotz",
    "angesichts",
    "nahe",
    "unweit",
    "gegenüber",
    "innerhalb",
    "außerhalb",
    "zum",
    "zur",
    "vom",
    "im",
    "am",
    "beim",
    "ins",
    "ans",
    "samt",
    "per",
    "via",
];

const PRONOUNS: &[&str] = &[
    "er", "sie", "es", "man", "wir", "ich", "du", "ihr", "sich", "ihn", "ihm", "ihnen", "uns",
    "mich", "mir", "dies", "das", "dessen", "deren", "wer", "was", "jemand", "niemand", "nichts",
    "alles", "etwas", "solche", "solcher", "diese", "dieser",
];

const AUXILIARIES: &[&str] = &[
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "worden", "hat", "haben",
    "hatte", "hatten", "habe", "hätte", "hätten", "sei", "seien", "wäre", "wären", "würde",
    "würden", "soll", "sollen", "sollte", "sollten", "will", "wollen", "wollte", "wollten", "kann",
    "können", "konnte", "konnten", "könnte", "könnten", "muss", "müssen", "musste", "mussten",
    "dürfte", "dürften", "darf", "dürfen", "mag", "möchte", "gewesen", "geworden", "werde",
];

const CONJUNCTIONS: &[&str] = &[
    "und", "oder", "aber", "doch", "denn", "sondern", "dass", "daß", "weil", "wenn", "als", "ob",
    "obwohl", "während", "nachdem", "bevor", "damit", "sodass", "wie", "wo", "wobei", "zumal",
    "sowie", "sowohl", "noch", "weder",
];

/// Adverbs and particles that carry no event: dropped from titles.
const PARTICLES: &[&str] = &[
    "allein",
    "selbst",
    "kurz",
    "schon",
    "bereits",
    "auch",
    "noch",
    "nur",
    "erst",
    "zuletzt",
    "dann",
    "da",
    "dort",
    "hier",
    "so",
    "also",
    "allerdings",
    "jedoch",
    "jedenfalls",
    "zudem",
    "außerdem",
    "daher",
    "deshalb",
    "dabei",
    "damals",
    "daraufhin",
    "danach",
    "davor",
    "dann",
    "immer",
    "nie",
    "nicht",
    "natürlich",
    "sogar",
    "wieder",
    "erneut",
    "eigentlich",
    "wohl",
    "etwa",
    "rund",
    "fast",
    "kaum",
    "zunächst",
    "später",
    "früher",
    "jetzt",
    "nun",
    "heute",
    "gestern",
    "morgen",
    "inzwischen",
    "mittlerweile",
    "bislang",
    "bisher",
    "zuvor",
    "vorher",
    "ja",
    "eben",
    "gerade",
    "sehr",
    "ganz",
    "mehr",
    "weiter",
    "bald",
    "gleich",
    "sofort",
    "zugleich",
    "vermutlich",
    "offenbar",
    "angeblich",
    "schließlich",
    "endlich",
    "hingegen",
    "dagegen",
    "trotzdem",
    "dennoch",
    "somit",
    "ebenfalls",
    "ebenso",
    "insgesamt",
    "zusammen",
    "persönlich",
    "deutlich",
    "vorab",
    "ausführlich",
];

/// Words of time that never name an event.
const TIME_WORDS: &[&str] = &[
    "jahr",
    "jahre",
    "jahren",
    "jahres",
    "jahrs",
    "monat",
    "monate",
    "monaten",
    "monats",
    "woche",
    "wochen",
    "tag",
    "tage",
    "tagen",
    "tages",
    "stunde",
    "stunden",
    "minute",
    "minuten",
    "uhr",
    "mal",
    "zeit",
    "zeitpunkt",
    "vorfeld",
    "anfang",
    "ende",
    "mitte",
    "beginn",
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "wochenende",
    "morgen",
    "vormittag",
    "mittag",
    "nachmittag",
    "abend",
    "nacht",
    "frühjahr",
    "sommer",
    "herbst",
    "winter",
    "quartal",
    "jahrhundert",
    "jahrzehnt",
    "moment",
    "gegenwart",
    "vergangenheit",
    "zukunft",
];

/// Heads of noun phrases that name events (matched as the end of a compound).
const EVENT_NOUNS: &[&str] = &[
    "anschlag",
    "anschläge",
    "angriff",
    "angriffe",
    "attentat",
    "akte",
    "abkommen",
    "vertrag",
    "verträge",
    "krieg",
    "wahl",
    "wahlen",
    "treffen",
    "gipfel",
    "konferenz",
    "besuch",
    "reise",
    "rede",
    "referendum",
    "putsch",
    "streik",
    "protest",
    "proteste",
    "unfall",
    "mord",
    "tod",
    "rücktritt",
    "start",
    "übernahme",
    "fusion",
    "offensive",
    "erdbeben",
    "brand",
    "katastrophe",
    "festnahme",
    "urteil",
    "prozess",
    "anklage",
    "beschluss",
    "gesetz",
    "reform",
    "einmarsch",
    "abzug",
    "austritt",
    "beitritt",
    "gespräch",
    "gespräche",
    "runde",
    "tagung",
    "debatte",
    "krise",
    "konflikt",
    "aufmarsch",
    "manöver",
    "feier",
    "jubiläum",
    "finale",
    "turnier",
    "zusammenstoß",
    "absturz",
    "sanktionen",
    "embargo",
    "boykott",
    "pleite",
    "insolvenz",
    "zustandekommen",
    "überfall",
    "fall",
    "sieg",
    "niederlage",
    "spiele",
    "olympia",
    "premiere",
    "zusammenkunft",
    "begegnung",
    "vorstoß",
    "eklat",
    "skandal",
    "affäre",
    "hochzeit",
    "geburt",
    "einführung",
    "ernennung",
    "amtsantritt",
    "amtszeit",
    "ankunft",
    "abreise",
    "landung",
    "flug",
    "mission",
    "wechsel",
];

/// Nouns in -ung/-ion that name things, not events.
const NOT_EVENTS: &[&str] = &[
    "überzeugung",
    "auffassung",
    "einschätzung",
    "konstruktion",
    "stellungnahme",
    "regierung",
    "zeitung",
    "führung",
    "meinung",
    "hoffnung",
    "richtung",
    "bedeutung",
    "ordnung",
    "wohnung",
    "rechnung",
    "erfahrung",
    "verteidigung",
    "beziehung",
    "beziehungen",
    "stellung",
    "haltung",
    "forschung",
    "bevölkerung",
    "leitung",
    "vertretung",
    "vertretungen",
    "region",
    "position",
    "union",
    "nation",
    "kommission",
    "million",
    "millionen",
    "religion",
    "delegation",
    "opposition",
    "institution",
    "organisation",
    "koalition",
    "situation",
    "funktion",
    "generation",
    "version",
    "tradition",
    "dimension",
    "ansicht",
    "rüstungskontrolle",
    "achtung",
    "bewegung",
    "umgebung",
    "verwaltung",
    "abteilung",
    "ausrüstung",
    "zeitung",
    "kleidung",
    "nahrung",
    "währung",
    "entfernung",
    "wirkung",
    "ladung",
    "spannung",
    "spannungen",
    "stimmung",
    "lage",
    "entspannung",
    "sicherheitsgarantie",
    "vorstellung",
    "einstellung",
    "anstrengung",
    "lösung",
    "deeskalation",
    "meinungsverschiedenheiten",
    "verantwortung",
    "wahrung",
];

/// Irregular nominalisations: a verb stem form (infinitive, participle or finite) and its noun.
const NOMINALISATIONS: &[(&str, &str)] = &[
    ("annektiert", "Annexion"),
    ("annektierte", "Annexion"),
    ("ausgewiesen", "Ausweisung"),
    ("wies", "Ausweisung"),
    ("geschlossen", "Schließung"),
    ("schloss", "Schließung"),
    ("beschlossen", "Beschluss"),
    ("beschloss", "Beschluss"),
    ("abgezogen", "Abzug"),
    ("zog", "Abzug"),
    ("begonnen", "Beginn"),
    ("beginnt", "Beginn"),
    ("begann", "Beginn"),
    ("begannen", "Beginn"),
    ("beginnen", "Beginn"),
    ("getroffen", "Treffen"),
    ("trafen", "Treffen"),
    ("traf", "Treffen"),
    ("treffen", "Treffen"),
    ("gewählt", "Wahl"),
    ("wählt", "Wahl"),
    ("gestorben", "Tod"),
    ("starb", "Tod"),
    ("festgenommen", "Festnahme"),
    ("genommen", "Einnahme"),
    ("gewonnen", "Sieg"),
    ("gewann", "Sieg"),
    ("verloren", "Niederlage"),
    ("unterschrieben", "Unterzeichnung"),
    ("unterzeichnet", "Unterzeichnung"),
    ("eingeführt", "Einführung"),
    ("ernannt", "Ernennung"),
    ("übergeben", "Übergabe"),
    ("übergab", "Übergabe"),
    ("überreicht", "Übergabe"),
    ("überreichte", "Übergabe"),
    ("bekannt gegeben", "Bekanntgabe"),
    ("angegriffen", "Angriff"),
    ("griff", "Angriff"),
    ("eingeladen", "Einladung"),
    ("gestartet", "Start"),
    ("startet", "Start"),
    ("endet", "Ende"),
    ("endete", "Ende"),
    ("geendet", "Ende"),
    ("besucht", "Besuch"),
    ("besuchte", "Besuch"),
    ("zurückgetreten", "Rücktritt"),
    ("trat", "Rücktritt"),
    ("verhandelt", "Verhandlungen"),
    ("verhandelten", "Verhandlungen"),
    ("tagt", "Sitzung"),
    ("tagte", "Sitzung"),
    ("getagt", "Sitzung"),
    ("tagen", "Sitzung"),
    ("eröffnet", "Eröffnung"),
    ("verlegt", "Verlegung"),
    ("gekauft", "Kauf"),
    ("verkauft", "Verkauf"),
    ("gebaut", "Bau"),
    ("abgestürzt", "Absturz"),
    ("stürzte", "Sturz"),
    ("abstürzt", "Absturz"),
    ("anbot", "Angebot"),
    ("freigegeben", "Freigabe"),
    ("freigeben", "Freigabe"),
    ("verdient", "Gewinn"),
    ("verdiente", "Gewinn"),
    ("zugelegt", "Anstieg"),
    ("zulegte", "Anstieg"),
    ("gebilligt", "Billigung"),
    ("billigte", "Billigung"),
    ("gesprengt", "Sprengung"),
    ("sprengte", "Sprengung"),
    ("angerichtet", ""),
    ("anrichtete", ""),
    ("anrichteten", ""),
    ("verursacht", ""),
    ("verursachte", ""),
    ("überfallen", "Überfall"),
    ("überfiel", "Überfall"),
    ("präsentiert", "Präsentation"),
    ("präsentierte", "Präsentation"),
    ("informiert", "Information"),
    ("operiert", "Operation"),
    ("demonstriert", "Demonstration"),
    ("demonstrierten", "Demonstration"),
    ("reagiert", "Reaktion"),
    ("reagierte", "Reaktion"),
    ("produziert", "Produktion"),
    ("investiert", "Investition"),
    ("diskutiert", "Diskussion"),
    ("diskutierten", "Diskussion"),
    ("kritisiert", "Kritik"),
    ("explodiert", "Explosion"),
    ("explodierte", "Explosion"),
    ("protestiert", "Protest"),
    ("protestierten", "Protest"),
    ("verloren", "Verlust"),
    ("verlieren", "Verlust"),
    ("verlor", "Niederlage"),
    ("besuchen", "Besuch"),
    ("verkaufen", "Verkauf"),
    ("bekommen", "Erhalt"),
    ("erhalten", "Erhalt"),
    ("erhielt", "Erhalt"),
    ("zusammentritt", "Zusammentritt"),
    ("zusammentrat", "Zusammentritt"),
    ("zusammengetreten", "Zusammentritt"),
    ("angehoben", "Anhebung"),
    ("anhob", "Anhebung"),
    ("aufgehoben", "Aufhebung"),
    ("erhoben", "Erhebung"),
    ("gestiegen", "Anstieg"),
    ("stieg", "Anstieg"),
    ("gesunken", "Rückgang"),
    ("sank", "Rückgang"),
    ("gefallen", "Fall"),
    ("fiel", "Fall"),
    ("entschieden", "Entscheidung"),
    ("entschied", "Entscheidung"),
    ("vorgeschlagen", "Vorschlag"),
    ("schlug", "Vorschlag"),
    ("verboten", "Verbot"),
    ("verbot", "Verbot"),
    ("verliehen", "Verleihung"),
    ("gefunden", "Fund"),
    ("abgeschlossen", "Abschluss"),
    ("verlangt", "Forderung"),
    ("verlangte", "Forderung"),
    ("gefordert", "Forderung"),
    ("versucht", "Versuch"),
    ("versuchte", "Versuch"),
    ("angeklagt", "Anklage"),
    ("verurteilt", "Verurteilung"),
    ("freigesprochen", "Freispruch"),
    ("gelungen", "Erfolg"),
    ("ausgebrochen", "Ausbruch"),
    ("brach", "Ausbruch"),
    ("angekommen", "Ankunft"),
    ("geflogen", "Flug"),
    ("gesprochen", "Gespräch"),
    ("gesagt", "Aussage"),
    ("anboten", "Angebot"),
    ("zurücktrat", "Rücktritt"),
    ("antrat", "Antritt"),
    ("beitrat", "Beitritt"),
    ("austrat", "Austritt"),
    ("abzog", "Abzug"),
    ("auswies", "Ausweisung"),
    ("festnahm", "Festnahme"),
    ("aufnahm", "Aufnahme"),
    ("abschloss", "Abschluss"),
    ("einmarschiert", "Einmarsch"),
    ("einmarschierte", "Einmarsch"),
    ("einmarschierten", "Einmarsch"),
    ("gestürzt", "Sturz"),
    ("geflohen", "Flucht"),
    ("floh", "Flucht"),
    ("gelandet", "Landung"),
    ("landete", "Landung"),
    ("geboren", "Geburt"),
    ("geheiratet", "Hochzeit"),
    ("vereinbart", "Vereinbarung"),
    ("geplant", "Planung"),
    ("veröffentlicht", "Veröffentlichung"),
    ("verabschiedet", "Verabschiedung"),
    ("eingesetzt", "Einsatz"),
    ("aufgebaut", "Aufbau"),
    ("abgesagt", "Absage"),
    ("zugesagt", "Zusage"),
    ("verschoben", "Verschiebung"),
    ("entlassen", "Entlassung"),
    ("verhaftet", "Verhaftung"),
    ("getötet", "Tötung"),
    ("ermordet", "Ermordung"),
    ("gegründet", "Gründung"),
    ("gründete", "Gründung"),
    ("gründeten", "Gründung"),
    ("einberufen", "Einberufung"),
    ("verkleinert", "Verkleinerung"),
    ("verkleinern", "Verkleinerung"),
    ("aufgenommen", "Aufnahme"),
    ("beigetreten", "Beitritt"),
    ("ausgetreten", "Austritt"),
    ("eingereicht", "Einreichung"),
    ("beraten", "Beratung"),
    ("zusammensitzen", "Treffen"),
    ("zusammenkommen", "Treffen"),
    ("zusammentreffen", "Treffen"),
    ("zusammengekommen", "Treffen"),
];

/// Stems of simple verbs whose -ung noun is German ("gründen", "Gründung").
const UNG_STEMS: &[&str] = &[
    "gründ",
    "plan",
    "öffn",
    "leit",
    "warn",
    "zahl",
    "prüf",
    "teil",
    "ordn",
    "rechn",
    "send",
    "lös",
    "sperr",
    "räum",
    "schätz",
    "kürz",
    "sicher",
    "änder",
    "steiger",
    "förder",
    "forder",
    "stör",
    "rett",
    "ehr",
    "kündig",
    "lager",
    "impf",
    "heil",
    "meld",
    "bild",
    "bind",
    "dicht",
    "fass",
    "führ",
    "gestalt",
    "halt",
    "heiz",
    "lad",
    "land",
    "lock",
    "mahn",
    "nutz",
    "pfleg",
    "richt",
    "schul",
    "spalt",
    "stell",
    "stütz",
    "tausch",
    "trenn",
    "wahr",
    "wend",
    "werb",
    "wert",
    "wirk",
    "zeichn",
    "zünd",
    "weiger",
    "verbesser",
    "regel",
    "sammel",
    "erinner",
    "liefer",
    "senk",
    "präg",
    "spend",
];

/// Verbs of saying: the event is a statement.
const SPEECH_VERBS: &[&str] = &[
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "betonte",
    "betont",
    "sprach",
    "spricht",
    "meinte",
    "berichtete",
    "berichtet",
    "hieß",
    "schrieb",
    "twitterte",
    "bekräftigte",
    "versicherte",
    "räumte",
    "nannte",
    "nennt",
    "wertete",
];

const RELATIVES: &[&str] = &[
    "der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher", "welches",
];

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&lower(w).as_str())
}

/// Capitalised, or a product name in camel case ("iPhone", "eBay").
fn is_capitalised(w: &str) -> bool {
    let mut c = w.chars();
    match c.next() {
        Some(f) if f.is_uppercase() => true,
        Some(f) if f.is_lowercase() => {
            w.chars().count() > 2 && c.clone().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Whether `w` is a word at all (not punctuation or a number).
fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphabetic)
}

/// Whether token `k` is an adjective in attributive position: adjective-shaped, and after an
/// article, a preposition, a number, another adjective or a clause boundary (a finite verb
/// after a first constituent is not: "Damals regierte Helmut Kohl").
fn is_attributive(toks: &[Tok<'_>], k: usize) -> bool {
    is_adjective_like(toks[k].text)
        && (k == 0 || {
            let p = toks[k - 1].text;
            is_in(ARTICLES, p)
                || is_in(PREPOSITIONS, p)
                || is_adjective_like(p)
                || p.starts_with(|c: char| c.is_ascii_digit())
                || is_boundary(p)
        })
}

/// Number words: never nouns, never content.
const NUMBERS: &[&str] = &[
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig", "hundert", "tausend",
];

/// A capitalised word that is not a function word: a noun or a name.
fn is_noun_word(w: &str) -> bool {
    is_capitalised(w) && !is_function_word(w)
}

fn is_function_word(w: &str) -> bool {
    is_in(NUMBERS, w)
        || is_in(ARTICLES, w)
        || is_in(PREPOSITIONS, w)
        || is_in(PRONOUNS, w)
        || is_in(AUXILIARIES, w)
        || is_in(CONJUNCTIONS, w)
        || is_in(PARTICLES, w)
}

/// Whether a lower-case word looks like an inflected adjective or participle used as one.
fn is_adjective_like(w: &str) -> bool {
    // "34-jährigen": a number joined to an adjective.
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return w
            .rsplit_once('-')
            .is_some_and(|(_, a)| !a.is_empty() && is_adjective_like(a));
    }
    !is_capitalised(w)
        && is_word(w)
        && !is_function_word(w)
        && ["e", "en", "er", "es", "em"].iter().any(|s| w.ends_with(s))
        && w.chars().count() > 3
}

/// Whether a capitalised word is a noun naming an event.
pub fn is_event_noun(w: &str) -> bool {
    if !is_capitalised(w) {
        return false;
    }
    let l = lower(w.trim_end_matches(['.', ',']));
    let last = l.rsplit('-').next().unwrap_or(&l);
    if NOT_EVENTS.iter().any(|n| last.ends_with(n)) || is_in(TIME_WORDS, last) {
        return false;
    }
    if EVENT_NOUNS.iter().any(|n| last.ends_with(n)) {
        return true;
    }
    (last.ends_with("ung") || last.ends_with("ion") || last.ends_with("ungen"))
        && last.chars().count() > 5
}

/// Whether a word carries no content for comparing sentences: function words, time words,
/// particles and verbs of saying.
pub fn is_stop_word(w: &str) -> bool {
    is_function_word(w)
        || is_time_word(w)
        || SPEECH_VERBS.contains(&lower(w).as_str())
        || is_in(RELATIVES, w)
}

fn is_time_word(w: &str) -> bool {
    let l = lower(w);
    TIME_WORDS
        .iter()
        .any(|t| l == *t || l.ends_with(t) && l.len() > t.len() + 3 && !l.contains('-'))
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// Tokens and clauses.

/// A word or punctuation mark with its byte range in the sentence.
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    fn push<'a>(s: &'a str, out: &mut Vec<Tok<'a>>, a: usize, b: usize) {
        out.push(Tok {
            text: &s[a..b],
            start: a,
            end: b,
        })
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|p| p.1);
        let prev_word = start.is_some();
        let digits = c == ','
            && k > 0
            && chars[k - 1].1.is_ascii_digit()
            && next.is_some_and(|n| n.is_ascii_digit());
        let inner = (c == '-' || c == '.' || c == ':' || c == '\'' || c == '/')
            && prev_word
            && next.is_some_and(char::is_alphanumeric)
            || digits && prev_word;
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(a) = start.take() {
                push(s, &mut out, a, i);
            }
            if !c.is_whitespace() {
                push(s, &mut out, i, i + c.len_utf8());
            }
        }
    }
    if let Some(a) = start {
        push(s, &mut out, a, s.len());
    }
    out
}

fn is_boundary(t: &str) -> bool {
    matches!(
        t,
        "," | ";"
            | ":"
            | "–"
            | "—"
            | "-"
            | "("
            | ")"
            | "\""
            | "„"
            | "“"
            | "”"
            | "»"
            | "«"
            | "."
            | "!"
            | "?"
    )
}

/// The clause `[a, b)` (token indices) around token range `[ts, te)`.
fn clause_of(toks: &[Tok<'_>], ts: usize, te: usize) -> (usize, usize) {
    let te = te.min(toks.len());
    let ts = ts.min(te);
    let mut a = ts;
    while a > 0 && !is_boundary(toks[a - 1].text) {
        a -= 1;
    }
    let mut b = te;
    while b < toks.len() && !is_boundary(toks[b].text) {
        b += 1;
    }
    (a, b)
}

/// Drops leading function words and trailing prepositions/articles from a word list.
fn trim_words(words: &mut Vec<String>) {
    while words.first().is_some_and(|w| {
        is_in(ARTICLES, w)
            || is_in(PREPOSITIONS, w)
            || is_in(PARTICLES, w)
            || is_in(CONJUNCTIONS, w)
            || is_in(AUXILIARIES, w)
    }) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| {
        is_in(ARTICLES, w)
            || is_in(PREPOSITIONS, w)
            || is_in(CONJUNCTIONS, w)
            || is_in(PARTICLES, w)
            || is_in(AUXILIARIES, w)
    }) {
        words.pop();
    }
}

/// Shortens a noun phrase: at most `max` words; a trailing locative "in X" goes first.
fn shorten(mut words: Vec<String>, max: usize) -> Vec<String> {
    if words.len() > 4 {
        if let Some(i) = words
            .iter()
            .rposition(|w| w == "in" || w == "im" || w == "bei")
        {
            if i >= 2 {
                words.truncate(i);
            }
        }
    }
    if words.len() > max {
        words.truncate(max);
        // End on a noun, not on a dangling article, preposition or adjective.
        if let Some(last) = words.iter().rposition(|w| is_noun_word(w)) {
            words.truncate(last + 1);
        }
        while words.last().is_some_and(|w| is_function_word(w)) {
            words.pop();
        }
    }
    words
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn join(words: &[String]) -> String {
    capitalise_first(&words.join(" "))
}

/// The noun phrase starting at token `i`: articles and adjectives, then nouns, with genitive
/// attributes and one prepositional attribute ("auf den Doppelagenten Sergeij Skripal").
fn noun_phrase(toks: &[Tok<'_>], i: usize, stop: usize) -> (usize, usize) {
    let mut j = i;
    let mut seen_noun = false;
    let mut preps = 0;
    while j < stop {
        let w = toks[j].text;
        if is_boundary(w) || is_in(AUXILIARIES, w) || is_in(CONJUNCTIONS, w) && w != "und" {
            break;
        }
        if w == "und" {
            // "Nato und Russland": a coordinated noun.
            if seen_noun && toks.get(j + 1).is_some_and(|t| is_capitalised(t.text)) && j + 1 < stop
            {
                j += 1;
                continue;
            }
            break;
        }
        if is_capitalised(w) && is_word(w) && !is_function_word(w) {
            if is_time_word(w) {
                break;
            }
            // "Grundakte Schritt für Schritt": a bare noun after an event noun starts anew,
            // as does one after a prepositional phrase ("Gewitter im Süden Schäden").
            if j > i && is_event_noun(toks[j - 1].text) {
                break;
            }
            if j >= i + 2 && is_noun_word(toks[j - 1].text) && is_in(PREPOSITIONS, toks[j - 2].text)
            {
                break;
            }
            seen_noun = true;
            j += 1;
            continue;
        }
        if !seen_noun
            && (w.starts_with(|c: char| c.is_ascii_digit()) || is_in(NUMBERS, w))
            && toks
                .get(j + 1)
                .is_some_and(|n| is_noun_word(n.text) && !is_time_word(n.text))
        {
            j += 1;
            continue;
        }
        if seen_noun
            && is_in(ARTICLES, w)
            && !is_in(PREPOSITIONS, w)
            && !matches!(lower(w).as_str(), "des" | "der" | "eines" | "einer")
            && j > i
            && is_noun_word(toks[j - 1].text)
        {
            // "die Regierung den Ausstoß": a second phrase, not a genitive.
            break;
        }
        if is_in(ARTICLES, w) || is_adjective_like(w) {
            // After a noun an adjective opens a new phrase ("die Währungshüter negative
            // Zinsen"), unless an article or preposition introduces it.
            if seen_noun && is_adjective_like(w) && j > i && is_noun_word(toks[j - 1].text) {
                break;
            }
            j += 1;
            continue;
        }
        if is_in(PREPOSITIONS, w) && seen_noun && preps < 1 {
            preps += 1;
            j += 1;
            continue;
        }
        break;
    }
    // Do not end on articles, adjectives or prepositions.
    while j > i && !(is_capitalised(toks[j - 1].text) && is_word(toks[j - 1].text)) {
        j -= 1;
    }
    (i, j)
}

fn words_of(toks: &[Tok<'_>], a: usize, b: usize) -> Vec<String> {
    let b = b.min(toks.len());
    toks[a.min(b)..b]
        .iter()
        .map(|t| t.text.to_string())
        .collect()
}

/// Masculine nouns in -at that decline weakly ("des Diplomaten"); others take -s ("des Senats").
const PERSONS_IN_AT: &[&str] = &[
    "diplomat",
    "kandidat",
    "soldat",
    "demokrat",
    "bürokrat",
    "technokrat",
    "pirat",
    "advokat",
    "prälat",
    "magnat",
    "automat",
];

/// The number of vowel groups in a lower-case word: "mann" has one, "gremium" three.
fn syllables(w: &str) -> usize {
    let mut n = 0;
    let mut in_vowel = false;
    for c in w.chars() {
        let v = "aeiouäöüy".contains(c);
        if v && !in_vowel {
            n += 1;
        }
        in_vowel = v;
    }
    n
}

/// The genitive of a noun phrase (first article, its adjectives and first noun inflected).
fn genitive(words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    let det = words.first().map(|w| lower(w)).unwrap_or_default();
    if det.starts_with(|c: char| c.is_ascii_digit()) || is_in(NUMBERS, &det) {
        // "von 230 Millionen iPhones".
        out.push("von".to_string());
        out.extend(words.iter().cloned());
        return out;
    }
    // Which case pattern: masculine/neuter singular ("des ...s"), feminine/plural ("der").
    #[derive(PartialEq)]
    enum G {
        MascNeut,
        FemPl,
        Bare,
    }
    let (g, new_det) = match det.as_str() {
        "der" | "das" | "dem" | "des" => (G::MascNeut, Some("des")),
        "den" => (G::MascNeut, Some("des")),
        "die" => (G::FemPl, Some("der")),
        "ein" | "einen" | "einem" | "eines" => (G::MascNeut, Some("eines")),
        "eine" | "einer" => (G::FemPl, Some("einer")),
        "sein" | "seinen" | "seinem" | "seines" => (G::MascNeut, Some("seines")),
        "seine" | "seiner" => (G::FemPl, Some("seiner")),
        "ihr" | "ihren" | "ihrem" | "ihres" => (G::MascNeut, Some("ihres")),
        "ihre" => (G::FemPl, Some("ihrer")),
        "diese" => (G::FemPl, Some("dieser")),
        "dieser" | "dieses" | "diesen" | "diesem" => (G::MascNeut, Some("dieses")),
        "beide" | "beiden" => (G::Bare, Some("beider")),
        "weitere" | "weiteren" => (G::Bare, Some("weiterer")),
        "alle" | "allen" => (G::Bare, Some("aller")),
        "sämtliche" | "sämtlichen" => (G::Bare, Some("sämtlicher")),
        "mehrere" | "mehreren" => (G::Bare, Some("mehrerer")),
        "einige" | "einigen" => (G::Bare, Some("einiger")),
        "viele" | "vielen" => (G::Bare, Some("vieler")),
        _ => (G::Bare, None),
    };
    if let Some(d) = new_det {
        out.push(d.to_string());
        i = 1;
    }
    // Adjectives, also capitalised ones in names ("Deutsche Wetterdienst").
    let is_adj = |k: usize| {
        let w = &words[k];
        if is_capitalised(w) {
            let l = lower(w);
            k + 1 < words.len()
                && is_noun_word(&words[k + 1])
                && ["e", "en", "er", "es"].iter().any(|e| l.ends_with(e))
                && [
                    "isch", "lich", "ig", "sch", "rot", "neu", "groß", "alt", "grün", "deutsch",
                ]
                .iter()
                .any(|a| l.trim_end_matches(['e', 'n', 'r', 's']).ends_with(a))
        } else {
            is_adjective_like(w)
        }
    };
    while i < words.len() && is_adj(i) {
        let w = &words[i];
        let stem = w
            .strip_suffix("en")
            .or_else(|| w.strip_suffix("em"))
            .or_else(|| w.strip_suffix("er"))
            .or_else(|| w.strip_suffix("es"))
            .or_else(|| w.strip_suffix('e'))
            .unwrap_or(w);
        out.push(match g {
            G::Bare => format!("{stem}er"),
            _ => format!("{stem}en"),
        });
        i += 1;
    }
    // The noun.
    if i < words.len() {
        let n = &words[i];
        let l = lower(n);
        let inflected = if g == G::MascNeut && is_capitalised(n) {
            let weak = l.ends_with("ent")
                || l.ends_with("ant")
                || l.ends_with("ist")
                || PERSONS_IN_AT.iter().any(|p| l.ends_with(p))
                || l.ends_with("oge")
                || l.ends_with("ege")
                || l.ends_with("agent");
            if l.ends_with('x') {
                // Short names and abbreviations keep their form: "des Dax".
                n.clone()
            } else if weak {
                // Weak masculines: "des Präsidenten", "des Kollegen".
                if l.ends_with('e') {
                    format!("{n}n")
                } else {
                    format!("{n}en")
                }
            } else if l.ends_with("nis") {
                format!("{n}ses")
            } else if l.ends_with('s')
                || l.ends_with('ß')
                || l.ends_with('z')
                || l.ends_with("st")
                || l.ends_with("sch")
                || syllables(&l) == 1
            {
                format!("{n}es")
            } else {
                format!("{n}s")
            }
        } else if g == G::Bare && new_det.is_none() && is_capitalised(n) && out.is_empty() {
            let names = words[i..]
                .iter()
                .take_while(|w| is_capitalised(w) && !is_function_word(w))
                .count();
            // Without an article the genitive is "von": "Tod von Jobs", "Beantragung von
            // Haftbefehl"; a plural with an attribute takes the dative -n ("von Vertretern der
            // Staaten"), a lone word in -er may be a name ("von Schröder").
            out.push("von".to_string());
            let attribute = words
                .get(i + 1)
                .is_some_and(|w| matches!(lower(w).as_str(), "der" | "des"));
            if names == 1 && attribute && (l.ends_with("er") || l.ends_with("el")) {
                format!("{n}n")
            } else {
                n.clone()
            }
        } else {
            n.clone()
        };
        out.push(inflected);
        i += 1;
    }
    out.extend(words[i..].iter().cloned());
    out
}

/// The noun for a verb form, if there is one.
fn nominalise(verb: &str, particle: Option<&str>) -> Option<String> {
    let v = lower(verb);
    let full = match particle {
        Some(p) => format!("{}{v}", lower(p)),
        None => v.clone(),
    };
    // Finite past forms of weak verbs are looked up by their present form: "wählte" as "wählt".
    let mut forms = vec![full.clone()];
    for (suffix, with) in [("ten", "t"), ("te", "t")] {
        if let Some(stem) = full.strip_suffix(suffix) {
            if stem.chars().count() >= 3 {
                forms.push(format!("{stem}{with}"));
            }
        }
    }
    for (form, noun) in NOMINALISATIONS {
        if forms.iter().any(|f| f == form) || (particle.is_none() && *form == v) {
            return Some((*noun).to_string());
        }
    }
    // A finite weak verb with its particle: "ordnete ... an" is "Anordnung", "kündigt ... an"
    // is "Ankündigung".
    // The present in -et is weak too ("schüttet ... aus" is "Ausschüttung").
    let weak_stem = |v: &str| {
        v.strip_suffix("ete")
            .or_else(|| v.strip_suffix("eten"))
            .or_else(|| v.strip_suffix("ten"))
            .or_else(|| v.strip_suffix("te"))
            .or_else(|| v.strip_suffix("et"))
            .filter(|s| s.chars().count() >= 3)
            .map(str::to_string)
    };
    if let Some(p) = particle {
        if let Some(stem) = weak_stem(&v) {
            return Some(capitalise_first(&format!("{}{stem}ung", lower(p))));
        }
    }
    // The same joined in a verb-final clause: "wie das Ministerium mitteilte".
    if particle.is_none() {
        for p in [
            "mit", "an", "ab", "auf", "aus", "ein", "vor", "zu", "fest", "zurück",
        ] {
            if let Some(rest) = v.strip_prefix(p) {
                if rest.chars().count() >= 5 && !rest.starts_with("ge") {
                    if let Some(stem) = weak_stem(rest) {
                        return Some(capitalise_first(&format!("{p}{stem}ung")));
                    }
                }
            }
        }
    }
    // Regular participles: ge-X-t, be/ver/er/ent/zer-X-t, X-iert.
    forms.iter().find_map(|w| regular_noun(w))
}

/// The -ung noun of an infinitive with an inseparable prefix: "beantragen" is "Beantragung",
/// "verhandeln" is "Verhandlung".
fn infinitive_noun(w: &str) -> Option<String> {
    let w = lower(w);
    let w = w.as_str();
    if let Some(stem) = w.strip_suffix("ieren").filter(|s| s.chars().count() >= 3) {
        return Some(capitalise_first(&format!("{stem}ierung")));
    }
    let insep = ["be", "ver", "er", "ent", "zer"];
    let separable = [
        "vor", "ab", "an", "auf", "aus", "ein", "fest", "zu", "mit", "nach",
    ];
    let prefixed = insep.iter().any(|p| w.starts_with(p))
        || separable
            .iter()
            .any(|p| w.starts_with(p) && w.len() > p.len() + 4);
    if !prefixed {
        return None;
    }
    let stem = if let Some(s) = w.strip_suffix("eln") {
        format!("{s}l")
    } else if let Some(s) = w.strip_suffix("ern") {
        format!("{s}er")
    } else {
        w.strip_suffix("en")?.to_string()
    };
    (stem.chars().count() >= 5).then(|| capitalise_first(&format!("{stem}ung")))
}

/// The -ung noun of a regular participle or present form: ge-X-t, be/ver/er/ent/zer-X-t, X-iert.
fn regular_noun(w: &str) -> Option<String> {
    if let Some(stem) = w.strip_suffix("iert") {
        if stem.chars().count() >= 3 {
            return Some(capitalise_first(&format!("{stem}ierung")));
        }
    }
    if !w.ends_with('t') {
        return None;
    }
    let (prefix, rest) = split_separable(w);
    let body = rest.strip_prefix("ge").filter(|b| b.chars().count() >= 3);
    let stem = match body {
        Some(b) if prefix.is_empty() => {
            // A bare participle makes an -ung noun only for verbs known to: "gegründet" is
            // "Gründung", but "gespielt" is no "Spielung".
            let stem = b.strip_suffix("et").or_else(|| b.strip_suffix('t'))?;
            if !UNG_STEMS.contains(&stem) {
                return None;
            }
            stem
        }
        Some(b) => b.strip_suffix("et").or_else(|| b.strip_suffix('t'))?,
        None => {
            let insep = ["be", "ver", "er", "ent", "zer", "über", "unter", "miss"];
            if !insep.iter().any(|p| rest.starts_with(p)) {
                // A finite form of a simple verb known to make -ung: "leitet" is "Leitung".
                let stem = rest.strip_suffix("et").or_else(|| rest.strip_suffix('t'))?;
                return (prefix.is_empty() && UNG_STEMS.contains(&stem))
                    .then(|| capitalise_first(&format!("{stem}ung")));
            }
            rest.strip_suffix("et").or_else(|| rest.strip_suffix('t'))?
        }
    };
    if stem.chars().count() < 3 {
        return None;
    }
    Some(capitalise_first(&format!("{prefix}{stem}ung")))
}

/// Splits a separable prefix off a participle: "ausgewiesen" -> ("aus", "gewiesen").
fn split_separable(w: &str) -> (&str, &str) {
    for p in [
        "zurück", "heraus", "herein", "voran", "vorbei", "zusammen", "auf", "aus", "ab", "an",
        "ein", "mit", "nach", "vor", "zu", "fest", "her", "hin", "los", "weg", "dar",
    ] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.starts_with("ge") && rest.chars().count() > 4 {
                return (p, rest);
            }
        }
    }
    ("", w)
}

fn is_participle(w: &str) -> bool {
    let l = lower(w);
    if is_capitalised(w) || !is_word(w) || is_function_word(w) {
        return false;
    }
    if NOMINALISATIONS.iter().any(|(f, _)| *f == l) {
        return true;
    }
    let (_, rest) = split_separable(&l);
    (rest.starts_with("ge") && (rest.ends_with('t') || rest.ends_with("en")) && rest.len() > 4)
        || l.ends_with("iert")
        || ["be", "ver", "er", "ent", "zer"]
            .iter()
            .any(|p| l.starts_with(p) && l.ends_with('t') && l.len() > 5)
}

// ---------------------------------------------------------------------------------------------
// Titles.

/// The title of the event that `timex` (its first occurrence) in `sentence` dates, with a
/// quality score; `None` when the sentence names nothing but the time.
pub fn title(sentence: &str, timex: &str) -> Option<(String, u8)> {
    // A title must name something besides the time: never a bare date.
    title_rules(sentence, timex).filter(|(t, _)| {
        t.split(|c: char| c.is_whitespace() || c == ':')
            .any(|w| is_noun_word(w) && !is_time_word(w))
    })
}

fn title_rules(sentence: &str, timex: &str) -> Option<(String, u8)> {
    let toks = tokens(sentence);
    let pos = sentence.find(timex)?;
    let tend = pos + timex.len();
    let ts = toks.iter().position(|t| t.end > pos)?;
    let mut te = toks
        .iter()
        .position(|t| t.start >= tend)
        .unwrap_or(toks.len());
    if te <= ts {
        te = ts + 1;
    }
    let (mut ca, mut cb) = clause_of(&toks, ts, te);
    // A time in an apposition ("Zwei Jahre später, am 8. Mai 2021, wurde die Brücke
    // gesprengt") belongs to the clause next to it.
    let content = |a: usize, b: usize| {
        (a..b).any(|i| {
            (i < ts || i >= te) && is_word(toks[i].text) && !is_function_word(toks[i].text)
        })
    };
    for _ in 0..2 {
        if content(ca, cb) {
            break;
        }
        if cb < toks.len() && toks[cb].text == "," {
            cb = clause_of(&toks, cb + 1, cb + 2).1;
        } else if ca >= 2 && toks[ca - 1].text == "," {
            ca = clause_of(&toks, ca - 2, ca - 1).0;
        } else {
            break;
        }
    }
    // The preposition(s) in front of the expression belong to it: "im Jahr", "aus dem Jahr".
    let mut before = ts;
    while before > ca {
        let w = toks[before - 1].text;
        if is_in(PREPOSITIONS, w) || is_in(ARTICLES, w) {
            before -= 1;
        } else {
            break;
        }
    }

    // 1. The first since.
    if let Some(t) = first_since(&toks, ca, before, te) {
        return Some((t, 5));
    }
    // 2. An event noun heading the expression, before it or right after it.
    if let Some(t) = heading_noun(&toks, ca, before, te, cb) {
        // A bare noun ("Gespräche") says less than a phrase ("Annexion der Krim").
        let q = if t.split_whitespace().count() > 1 {
            5
        } else {
            3
        };
        return Some((t, q));
    }
    // 3. A relative clause names its antecedent.
    if ca >= 2
        && toks[ca - 1].text == ","
        && toks.get(ca).is_some_and(|t| RELATIVES.contains(&t.text))
        && !toks
            .get(ca + 1)
            .is_some_and(|t| is_noun_word(t.text) || is_adjective_like(t.text))
    {
        // What the relative clause says happened ("der am 3. März eine Bank überfallen haben
        // soll"), else its antecedent ("die Stunde der Wahrheit, die da am Mittwoch anstand").
        if let Some(t) = verb_title(&toks, ca, cb, before, te) {
            return Some((t, 4));
        }
        let (pa, pb) = clause_of(&toks, ca - 2, ca - 1);
        // The last noun phrase of the previous clause.
        let mut i = pb;
        while i > 0 && i > pa && !is_noun_word(toks[i - 1].text) {
            i -= 1;
        }
        let mut a = i.saturating_sub(1);
        while a > pa
            && (is_in(ARTICLES, toks[a - 1].text)
                || is_adjective_like(toks[a - 1].text)
                || is_capitalised(toks[a - 1].text) && !is_function_word(toks[a - 1].text))
        {
            a -= 1;
        }
        // Start at the head noun of the antecedent.
        let words: Vec<String> = strip_to_head(&words_of(&toks, a, i));
        if !words.is_empty() && !words.iter().all(|w| is_time_word(w)) {
            return Some((join(&shorten(words, 6)), 3));
        }
    }
    // 3b. A copula with a noun predicate.
    if let Some(t) = copula_title(&toks, ca, cb, before, te) {
        return Some((t, 3));
    }
    // 4. The main verb nominalised, with its theme.
    if let Some(t) = verb_title(&toks, ca, cb, before, te) {
        return Some((t, 4));
    }
    // 5. A statement.
    if let Some(t) = statement(&toks, ca, cb, before, te) {
        return Some((t, 2));
    }
    // 6. An event noun elsewhere in the clause, but not one inside another temporal phrase
    //    ("der wärmste seit Beginn der Aufzeichnungen").
    for i in ca..cb {
        if (i < before || i >= te) && is_event_noun(toks[i].text) && !in_time_phrase(&toks, ca, i) {
            let (a, b) = noun_phrase(&toks, i, cb);
            let words = words_of(&toks, a, b);
            let words = words
                .into_iter()
                .filter(|w| !(i <= ts && is_time_word(w)))
                .collect();
            return Some((join(&shorten(words, 6)), 2));
        }
    }
    // 7. The clause as a headline.
    headline(&toks, ca, cb, before, te).map(|t| (t, 1))
}

/// Whether token `i` stands in a temporal phrase: after "seit", "bis" or "ab", or after
/// "Beginn der", "Ende des".
fn in_time_phrase(toks: &[Tok<'_>], ca: usize, i: usize) -> bool {
    let from = i.saturating_sub(3).max(ca);
    (from..i).any(|k| matches!(lower(toks[k].text).as_str(), "seit" | "bis" | "ab"))
        || i >= ca + 2 && is_in(ARTICLES, toks[i - 1].text) && is_time_word(toks[i - 2].text)
}

/// The length of the noun phrase at the start of `idx`: articles and adjectives, one noun.
fn phrase_len(toks: &[Tok<'_>], idx: &[usize]) -> usize {
    let mut n = 0;
    for i in idx {
        let w = toks[*i].text;
        if is_noun_word(w) {
            return n + 1;
        }
        if is_in(ARTICLES, w) || is_adjective_like(w) {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// Rule 7: the clause as a headline, subject first, without the time, particles and sources
/// ("nach Angaben des Wetterdienstes"), negation kept: "Am Abend lag die SPD knapp vor der
/// Union" is "Die SPD lag knapp vor der Union". A time that is itself the subject stays: "Der
/// Juni war der wärmste seit Beginn der Aufzeichnungen".
fn headline(toks: &[Tok<'_>], ca: usize, cb: usize, before: usize, te: usize) -> Option<String> {
    // Discourse particles go; words of quantity and negation ("mehr als", "nicht") stay.
    const DISCOURSE: &[&str] = &[
        "auch",
        "schon",
        "bereits",
        "dann",
        "da",
        "dort",
        "so",
        "also",
        "allerdings",
        "jedoch",
        "jedenfalls",
        "zudem",
        "außerdem",
        "daher",
        "deshalb",
        "dabei",
        "damals",
        "daraufhin",
        "danach",
        "eigentlich",
        "wohl",
        "ja",
        "eben",
        "gerade",
        "zunächst",
        "nun",
        "jetzt",
        "inzwischen",
        "mittlerweile",
        "bislang",
        "bisher",
        "zuvor",
        "vorher",
        "hingegen",
        "dagegen",
        "trotzdem",
        "dennoch",
        "somit",
        "ebenfalls",
        "ebenso",
        "natürlich",
        "erst",
        "noch",
        "erneut",
        "wieder",
        "zuletzt",
        "offenbar",
        "vermutlich",
        "voraussichtlich",
    ];
    let keep = |w: &str| {
        (is_word(w) || w.starts_with(|c: char| c.is_ascii_digit())) && !is_in(DISCOURSE, w)
    };
    // A time without a preposition at the start of the clause is its subject.
    let time_subject = before == ca
        && (before..te).all(|i| !is_in(PREPOSITIONS, toks[i].text))
        && toks
            .get(te)
            .is_some_and(|t| is_in(AUXILIARIES, t.text) || !is_capitalised(t.text));
    let mut idx: Vec<usize> = (ca..cb)
        .filter(|i| time_subject || *i < before || *i >= te)
        .filter(|i| keep(toks[*i].text))
        .collect();
    // Sources are not events: "nach Angaben des X", "laut X".
    let mut k = 0;
    while k < idx.len() {
        let w = lower(toks[idx[k]].text);
        let source_len = if w == "nach"
            && idx.get(k + 1).is_some_and(|i| {
                matches!(
                    toks[*i].text,
                    "Angaben" | "Überzeugung" | "Ansicht" | "Auffassung" | "Einschätzung"
                )
            }) {
            2 + phrase_len(toks, &idx[k + 2..])
        } else if w == "laut" {
            1 + phrase_len(toks, &idx[k + 1..])
        } else {
            0
        };
        if source_len > 0 {
            idx.drain(k..(k + source_len).min(idx.len()));
        } else {
            k += 1;
        }
    }
    let mut words: Vec<String> = idx.iter().map(|i| toks[*i].text.to_string()).collect();
    // Verb-second after the removed time: the verb goes back behind its subject.
    let verb_first = words.first().is_some_and(|w| {
        let adjective = is_adjective_like(w) && words.get(1).is_some_and(|n| is_noun_word(n));
        !is_capitalised(w) && !is_function_word(w) && !adjective || is_in(AUXILIARIES, w)
    });
    // A title does not open with its verb ("hatte der Angeklagte ..."): the subject goes first.
    if verb_first && !time_subject && words.len() >= 2 {
        let verb = words.remove(0);
        let subject_len = if matches!(
            lower(&words[0]).as_str(),
            "er" | "sie" | "es" | "wir" | "man" | "ich"
        ) {
            1
        } else if np_start(toks, idx[1], false) {
            let (a, b) = noun_phrase(toks, idx[1], cb);
            idx[1..].iter().take_while(|i| **i >= a && **i < b).count()
        } else {
            0
        };
        words.insert(subject_len, verb);
    }
    while words.first().is_some_and(|w| is_in(CONJUNCTIONS, w)) {
        words.remove(0);
    }
    if words.len() > 9 {
        words.truncate(9);
    }
    while words.last().is_some_and(|w| {
        is_function_word(w) && !matches!(lower(w).as_str(), "nicht" | "nie")
            || is_time_word(w) && !w.starts_with(|c: char| c.is_ascii_digit())
    }) {
        words.pop();
    }
    words.iter().any(|w| is_noun_word(w)).then(|| join(&words))
}

/// A noun phrase as a title in the nominative: the article stays where an adjective needs it
/// ("Die Olympischen Spiele", not "Olympischen Spiele"), else it goes ("Wahl").
fn nominative(words: &[String]) -> Vec<String> {
    let head = strip_to_head(words);
    let start = words.len() - head.len();
    let adjective_before = start >= 1
        && (is_adjective_like(&words[start - 1])
            || start >= 2 && head.len() >= 2 && is_capitalised(&words[start]) && {
                let l = lower(&words[start]);
                (l.ends_with("en") || l.ends_with('e')) && is_noun_word(&words[start + 1])
            });
    let article = words
        .iter()
        .position(|w| matches!(lower(w).as_str(), "der" | "die" | "das" | "ein" | "eine"));
    match article {
        Some(a)
            if a < start
                && (adjective_before
                    || start == a + 1 && head.len() >= 2 && {
                        let l = lower(&head[0]);
                        (l.ends_with("en") || l.ends_with('e')) && is_noun_word(&head[1])
                    }) =>
        {
            words[a..].to_vec()
        }
        _ => head,
    }
}

/// Drops articles, adjectives and function words before the first noun.
fn strip_to_head(words: &[String]) -> Vec<String> {
    let head = words
        .iter()
        .position(|w| is_capitalised(w) && is_word(w) && !is_function_word(w) && !is_time_word(w));
    match head {
        Some(h) => words[h..].to_vec(),
        None => Vec::new(),
    }
}

/// Rule 1: "die erste X seit T" / "das erste Mal seit T, dass ..." -> "Letzte X".
fn first_since(toks: &[Tok<'_>], ca: usize, before: usize, te: usize) -> Option<String> {
    // "die erste X seit T": the last X was at T; "die sechste X seit T": the first was.
    const ORDINALS: &[&str] = &[
        "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt", "elft",
        "zwölft",
    ];
    let is_first = |w: &str| {
        let l = lower(w);
        l.starts_with("erste")
            || l.starts_with("erstmal")
            || ORDINALS
                .iter()
                .any(|o| l.starts_with(o) && l.len() <= o.len() + 2 && l != "acht")
    };
    let has_seit = (ca..before.max(ca + 1).min(toks.len()))
        .chain(before..te)
        .any(|i| lower(toks[i].text) == "seit");
    let first_at = (ca..before).rev().find(|i| is_first(toks[*i].text))?;
    let base = if lower(toks[first_at].text).starts_with("erst") {
        "Letzt"
    } else {
        "Erst"
    };
    if !has_seit {
        return None;
    }
    // "X ... der ersten seit T": the noun phrase before the dash or comma, in the previous clause.
    let after_first = toks.get(first_at + 1).map(|t| t.text);
    let mut noun: Option<Vec<String>> = None;
    if let Some(w) = after_first {
        if is_capitalised(w) && !is_time_word(w) && lower(w) != "mal" && !is_function_word(w) {
            let (a, b) = noun_phrase(toks, first_at + 1, before);
            noun = Some(words_of(toks, a, b));
        }
    }
    if noun.is_none() && first_at == ca + 1 || noun.is_none() && first_at <= ca + 2 && ca > 0 {
        // "... Sitzung des Rates - der ersten seit 2019"
        let (pa, pb) = clause_of(toks, ca.saturating_sub(2), ca.saturating_sub(1));
        if pb > pa && ca >= 2 {
            if let Some(h) = (pa..pb).rev().find(|i| is_event_noun(toks[*i].text)) {
                let mut a = h;
                // Walk back to the head of a genitive chain ("Sitzung des Rates").
                while a > pa + 1
                    && is_in(ARTICLES, toks[a - 1].text)
                    && is_event_noun(toks[a - 2].text)
                {
                    a -= 2;
                }
                let (x, y) = noun_phrase(toks, a, pb);
                noun = Some(words_of(toks, x, y));
            }
        }
    }
    if noun.is_none() {
        // "das erste Mal seit T, dass beide Seiten Gespräche führen": the object of the clause.
        let mut k = te;
        while k < toks.len() && !is_boundary(toks[k].text) {
            k += 1;
        }
        let na = k + 1;
        let mut nb = na;
        while nb < toks.len() && !is_boundary(toks[nb].text) {
            nb += 1;
        }
        let na = if k < toks.len() && toks[k].text == "," {
            na
        } else {
            nb
        };
        if na < nb && lower(toks[na].text) == "dass" {
            // The nouns before the final verb; the object is the last of them.
            let verb = nb - 1;
            let mut i = verb;
            while i > na && !is_noun_word(toks[i - 1].text) {
                i -= 1;
            }
            if i > na {
                let obj = toks[i - 1].text.to_string();
                let mut words = vec![obj];
                // The subject: the first noun phrase after "dass".
                let (sa, sb) = noun_phrase(toks, na + 1, i - 1);
                if sb > sa && sb < i - 1 {
                    words.extend(genitive(&words_of(toks, sa, sb)));
                }
                noun = Some(words);
            }
        }
    }
    let words = strip_to_head(&noun?);
    if words.is_empty() {
        return None;
    }
    let first = words[0].clone();
    let l = lower(&first);
    let neuter = l.ends_with("en") && (l.ends_with("ommen") || l.ends_with("effen"));
    let adj = format!("{base}{}", if neuter { "es" } else { "e" });
    let mut out = vec![adj.to_string()];
    out.extend(shorten(words, 5));
    Some(out.join(" "))
}

/// Rule 2: an event noun phrase right before the expression ("Annexion der Krim 2014") or a
/// participle phrase around it ("der 1997 vereinbarten Grundakte").
fn heading_noun(
    toks: &[Tok<'_>],
    ca: usize,
    before: usize,
    te: usize,
    cb: usize,
) -> Option<String> {
    // Backward: a chain of noun-phrase words ending at the expression.
    let mut a = before;
    while a > ca {
        let w = toks[a - 1].text;
        let before_noun = toks
            .get(a)
            .is_some_and(|n| is_noun_word(n.text) || is_adjective_like(n.text));
        let np_word = (is_capitalised(w)
            && is_word(w)
            && !is_in(PRONOUNS, w)
            && !is_in(AUXILIARIES, w)
            && !is_in(CONJUNCTIONS, w)
            && !is_in(PARTICLES, w))
            || is_in(ARTICLES, w)
            || is_in(PREPOSITIONS, w)
            || is_adjective_like(w) && before_noun;
        if !np_word {
            break;
        }
        a -= 1;
    }
    // The phrase must not be a verb's subject or object ("verteidigte die Reform am
    // Donnerstag"): it opens the clause, follows a conjunction or particle, or is a
    // prepositional phrase ("mit der Annexion der Krim 2014").
    let free = a == ca
        || is_in(PREPOSITIONS, toks[a].text)
        || is_in(CONJUNCTIONS, toks[a - 1].text)
        || is_in(PARTICLES, toks[a - 1].text);
    if a < before && free {
        // The head: the event noun nearest the expression ("Reaktion auf die Annexion der
        // Krim 2014" dates the annexion).
        if let Some(mut h) = (a..before).rev().find(|i| is_event_noun(toks[*i].text)) {
            // "seit Beginn der Aufzeichnungen im Jahr 1881": the beginning is the event.
            if h >= a + 2
                && is_in(ARTICLES, toks[h - 1].text)
                && matches!(toks[h - 2].text, "Beginn" | "Ende" | "Anfang" | "Start")
            {
                h -= 2;
            }
            let words = words_of(toks, h, before);
            let mut words: Vec<String> = words
                .into_iter()
                .enumerate()
                .filter(|(k, w)| *k == 0 || !is_time_word(w))
                .map(|(_, w)| w)
                .collect();
            trim_words(&mut words);
            if !words.is_empty() {
                return Some(join(&shorten(words, 6)));
            }
        }
    }
    // Forward, where the expression sits in an attribute ("der fünf Jahre zuvor vereinbarten
    // Grundakte") or a prepositional phrase follows it ("am Montag am Rande einer Sitzung").
    let ts = (before..te)
        .find(|i| !is_in(PREPOSITIONS, toks[*i].text) && !is_in(ARTICLES, toks[*i].text))
        .unwrap_or(before);
    let attributive =
        (before..ts).any(|i| is_in(ARTICLES, toks[i].text) && !is_in(PREPOSITIONS, toks[i].text));
    let followed_by_pp = toks.get(te).is_some_and(|t| is_in(PREPOSITIONS, t.text));
    if !(attributive || followed_by_pp) {
        return None;
    }
    let mut i = te;
    let mut steps = 0;
    let mut preps = 0;
    while i < cb && steps < 6 {
        let w = toks[i].text;
        if is_event_noun(w) {
            let (x, y) = noun_phrase(toks, i, cb);
            return Some(join(&shorten(words_of(toks, x, y), 6)));
        }
        // One prepositional phrase: "am Rande einer Sitzung", not "wegen Schäden an der X".
        if is_in(PREPOSITIONS, w) {
            preps += 1;
            if preps > 1 {
                break;
            }
        }
        let np_word = is_in(ARTICLES, w)
            || is_in(PREPOSITIONS, w)
            || is_adjective_like(w)
            || (is_capitalised(w) && !is_function_word(w));
        if !np_word {
            break;
        }
        i += 1;
        steps += 1;
    }
    None
}

/// The clause without the expression and its preposition: token indices, and for each whether
/// the token before it is its neighbour (not the removed expression).
fn clause_words(ca: usize, cb: usize, before: usize, te: usize) -> Vec<(usize, bool)> {
    (ca..cb)
        .filter(|i| *i < before || *i >= te)
        .map(|i| (i, i > ca && i != te))
        .collect()
}

/// Whether token `i` starts a noun phrase that is not inside a prepositional phrase.
fn np_start(toks: &[Tok<'_>], i: usize, joined: bool) -> bool {
    let w = toks[i].text;
    let is_noun =
        |x: &str| is_capitalised(x) && is_word(x) && !is_function_word(x) && !is_time_word(x);
    // "230 Millionen iPhones": a number before a noun opens a phrase too.
    let number = (w
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && w.starts_with(|c: char| c.is_ascii_digit())
        || is_in(NUMBERS, w))
        && toks.get(i + 1).is_some_and(|n| is_noun(n.text));
    // "die Währungshüter negative Zinsen", "erneut kräftige Gewitter": an adjective before a
    // noun, not after an article, preposition or adjective, opens a new phrase.
    let adjective = joined
        && is_adjective_like(w)
        && toks.get(i + 1).is_some_and(|n| is_noun(n.text))        && {
            let p = toks[i - 1].text;
            !(is_in(ARTICLES, p)
                || is_in(PREPOSITIONS, p)
                || is_adjective_like(p)
                || p.starts_with(|c: char| c.is_ascii_digit()))
        }
        // Not inside a prepositional phrase: "vor voll besetztem Saal".
        && !(1..=3).any(|d| {
            i >= d
                && is_in(PREPOSITIONS, toks[i - d].text)
                && (i - d + 1..i).all(|k| {
                    !is_capitalised(toks[k].text) && is_word(toks[k].text)
                        || is_in(ARTICLES, toks[k].text)
                })
        });
    if adjective {
        return true;
    }
    if !(is_in(ARTICLES, w) && !is_in(PREPOSITIONS, w) || is_noun(w) || number) {
        return false;
    }
    if !joined {
        return true;
    }
    let p = toks[i - 1].text;
    if (p == "und" || p == "oder")
        && i >= 2
        && is_capitalised(toks[i - 2].text)
        && !is_function_word(toks[i - 2].text)
    {
        return false;
    }
    if is_in(PREPOSITIONS, p)
        || is_in(ARTICLES, p)
        || is_adjective_like(p)
            && !is_in(ARTICLES, w)
            && (is_attributive(toks, i - 1) || i >= 2 && is_noun(toks[i - 2].text))
        || p.starts_with(|c: char| c.is_ascii_digit())
        || is_in(NUMBERS, p)
    {
        return false;
    }
    let before_verb = toks.get(i + 1).is_some_and(|n| {
        n.text == "und" || !is_capitalised(n.text) && is_word(n.text) && !is_function_word(n.text)
    });
    if is_noun(p) && is_noun(w) && pp_noun(toks, i - 1) && !w.ends_with('s') && before_verb {
        // "Gewitter im Süden Schäden", "in mehreren Gemeinden Dächer": a noun after a
        // prepositional phrase.
        return true;
    }
    if is_noun(p) {
        // "ein Bote die Antwort": a new phrase; "die Antwort der Mitglieder": a genitive.
        return is_in(ARTICLES, w)
            && !matches!(lower(w).as_str(), "des" | "der" | "eines" | "einer");
    }
    true
}

/// Whether the noun at `k` ends a prepositional phrase: articles, adjectives and numbers back to
/// a preposition.
fn pp_noun(toks: &[Tok<'_>], k: usize) -> bool {
    let mut j = k;
    while j > 0 {
        let w = toks[j - 1].text;
        if is_in(PREPOSITIONS, w) {
            return true;
        }
        if is_in(ARTICLES, w) || is_adjective_like(w) || w.starts_with(|c: char| c.is_ascii_digit())
        {
            j -= 1;
            continue;
        }
        return false;
    }
    false
}

/// Rule 3b: a copula with a noun predicate: "er war von 2011 bis 2018 Russlands Botschafter"
/// is "Gruschko als Russlands Botschafter" (a pronoun stands for the last name before it).
fn copula_title(
    toks: &[Tok<'_>],
    ca: usize,
    cb: usize,
    before: usize,
    te: usize,
) -> Option<String> {
    let words = clause_words(ca, cb, before, te);
    let k = words.iter().position(|(i, _)| {
        matches!(
            lower(toks[*i].text).as_str(),
            "war" | "waren" | "ist" | "sind" | "wird" | "wurde"
        )
    })?;
    let (next, _) = *words.get(k + 1)?;
    let last = words
        .iter()
        .rev()
        .find(|(i, _)| !is_in(AUXILIARIES, toks[*i].text))?;
    if is_participle(toks[last.0].text) {
        return None;
    }
    if !(is_in(ARTICLES, toks[next].text)
        || is_capitalised(toks[next].text) && !is_function_word(toks[next].text))
    {
        return None;
    }
    let stop = words
        .iter()
        .find(|(i, _)| *i > next && (toks[*i].text == "und" || toks[*i].text == "oder"))
        .map_or(cb, |(i, _)| *i);
    let (a, b) = noun_phrase(toks, next, stop);
    let predicate = strip_to_head(&words_of(toks, a, b));
    if predicate.is_empty() {
        return None;
    }
    // The subject: a noun phrase before the copula, or the name a pronoun stands for.
    let subject: Option<Vec<String>> = if k > 0 && np_start(toks, words[0].0, words[0].1) {
        let (sa, sb) = noun_phrase(toks, words[0].0, words[k].0);
        Some(words_of(toks, sa, sb)).filter(|w| !w.is_empty())
    } else {
        None
    };
    let subject = subject.or_else(|| {
        let pron = words
            .iter()
            .take(k + 2)
            .any(|(i, _)| matches!(lower(toks[*i].text).as_str(), "er" | "sie"));
        if !pron {
            return None;
        }
        (0..ca)
            .rev()
            .find(|i| {
                let w = toks[*i].text;
                is_capitalised(w)
                    && is_word(w)
                    && !is_function_word(w)
                    && !is_time_word(w)
                    && !is_event_noun(w)
                    && *i > 0
                    && (is_in(PREPOSITIONS, toks[*i - 1].text)
                        || is_boundary(toks[*i - 1].text)
                        || is_in(AUXILIARIES, toks[*i - 1].text))
            })
            .map(|i| vec![toks[i].text.to_string()])
    });
    let predicate = shorten(predicate, 6);
    Some(match subject {
        Some(s) if !s.is_empty() => format!(
            "{} als {}",
            strip_to_head(&s).join(" "),
            predicate.join(" ")
        ),
        _ => join(&predicate),
    })
    .filter(|t| !t.starts_with(" als"))
}

/// Rule 4: the main verb of the clause, nominalised, with its theme in the genitive.
fn verb_title(toks: &[Tok<'_>], ca: usize, cb: usize, before: usize, te: usize) -> Option<String> {
    let words = clause_words(ca, cb, before, te);
    if words.is_empty() {
        return None;
    }
    let has_aux = words.iter().any(|(i, _)| is_in(AUXILIARIES, toks[*i].text));
    // The last word, trailing auxiliaries of a verb-final clause skipped ("geschlossen hatte").
    let last_k = words
        .iter()
        .rposition(|(i, _)| is_word(toks[*i].text) && !is_in(AUXILIARIES, toks[*i].text))?;
    let last_word = words[last_k].0;
    let lw = toks[last_word].text;
    // With a modal or "werden" the final infinitive is the verb: "will ... beantragen".
    let modal = words.iter().any(|(i, _)| {
        matches!(
            lower(toks[*i].text).as_str(),
            "will"
                | "wollen"
                | "soll"
                | "sollen"
                | "sollte"
                | "sollten"
                | "kann"
                | "können"
                | "könnte"
                | "könnten"
                | "muss"
                | "müssen"
                | "darf"
                | "dürfen"
                | "wird"
                | "werden"
                | "würde"
                | "würden"
                | "möchte"
        )
    });
    let final_noun =
        |w: &str| nominalise(w, None).or_else(|| modal.then(|| infinitive_noun(w)).flatten());
    let final_verb =
        has_aux && (is_participle(lw) || !is_capitalised(lw) && final_noun(lw).is_some());
    let (verb_k, particle) = if final_verb {
        (last_k, None)
    } else {
        // V2: the first lower-case word that is a verb; a separated particle at the end.
        let v = words.iter().position(|(i, _)| {
            let w = toks[*i].text;
            // An adjective stands before its noun; a lower-case word that does not is a verb.
            // ... and after an article, a preposition, a number or another adjective.
            let after_time = *i == te;
            // "der fünf Jahre zuvor vereinbarten": an article, not a preposition, opens it.
            let attributive_time = before < te
                && is_in(ARTICLES, toks[before].text)
                && !is_in(PREPOSITIONS, toks[before].text);
            let before_noun = toks.get(*i + 1).is_some_and(|n| {
                is_capitalised(n.text) && !is_function_word(n.text) || is_adjective_like(n.text)
            }) && if after_time {
                attributive_time
            } else {
                is_attributive(toks, *i)
            };
            let verb_like = !is_capitalised(w) && is_word(w) && !is_function_word(w);
            (verb_like && !(is_adjective_like(w) && before_noun))
                || NOMINALISATIONS.iter().any(|(f, _)| *f == lower(w))
        })?;
        let particle = (last_k != v
            && [
                "ab",
                "an",
                "auf",
                "aus",
                "ein",
                "vor",
                "zu",
                "zurück",
                "fest",
                "aufeinander",
                "zusammen",
                "mit",
                "statt",
                "bei",
                "fort",
                "hin",
                "her",
                "los",
                "nach",
                "weg",
            ]
            .contains(&lw))
        .then_some(lw);
        (v, particle)
    };
    let verb_at = words[verb_k].0;
    let verb = toks[verb_at].text;
    // "in Kraft treten" is one verb: "Inkrafttreten des Gesetzes".
    let in_force = words
        .windows(2)
        .any(|w| lower(toks[w[0].0].text) == "in" && toks[w[1].0].text == "Kraft")
        && words.iter().any(|(i, _)| {
            matches!(
                lower(toks[*i].text).as_str(),
                "treten" | "getreten" | "tritt" | "trat" | "traten"
            )
        });
    // Verbs of happening name no event of their own: the subject is the event ("das Beben
    // ereignete sich", "die Wahl fand statt").
    let existential = matches!(lower(verb).as_str(), "gegeben" | "gab" | "gibt" | "geben")
        && words.iter().any(|(i, _)| lower(toks[*i].text) == "es");
    let happens = existential
        || matches!(
            lower(verb).as_str(),
            "ereignete"
                | "ereignet"
                | "ereigneten"
                | "geschah"
                | "geschehen"
                | "passierte"
                | "passiert"
        )
        || particle == Some("statt")
        || lw == "stattgefunden";
    if happens {
        let subject = words.iter().find(|(i, j)| np_start(toks, *i, *j))?;
        let stop = if subject.0 < verb_at { verb_at } else { cb };
        let (a, b) = noun_phrase(toks, subject.0, stop);
        let np = nominative(&words_of(toks, a, b));
        return (!np.is_empty()).then(|| join(&shorten(np, 6)));
    }
    let to_market = words.windows(3).any(|w| {
        matches!(lower(toks[w[0].0].text).as_str(), "in" | "auf")
            && matches!(lower(toks[w[1].0].text).as_str(), "den")
            && matches!(toks[w[2].0].text, "Handel" | "Markt")
    }) && words.iter().any(|(i, _)| {
        matches!(
            lower(toks[*i].text).as_str(),
            "kommen" | "kommt" | "kam" | "kamen" | "gekommen"
        )
    });
    if to_market {
        let subject = words.iter().find(|(i, j)| {
            np_start(toks, *i, *j) && !matches!(toks[*i].text, "Handel" | "Markt")
        })?;
        let (a, b) = noun_phrase(toks, subject.0, cb);
        let np: Vec<String> = words_of(toks, a, b)
            .into_iter()
            .take_while(|w| w != "in" && w != "auf")
            .collect();
        let mut title = vec!["Marktstart".to_string()];
        title.extend(genitive(&shorten(np, 5)));
        return Some(title.join(" "));
    }
    if in_force {
        let subject = words
            .iter()
            .find(|(i, j)| np_start(toks, *i, *j) && toks[*i].text != "Kraft")?;
        let (a, b) = noun_phrase(toks, subject.0, cb);
        let np: Vec<String> = words_of(toks, a, b)
            .into_iter()
            .take_while(|w| w != "in")
            .collect();
        let mut title = vec!["Inkrafttreten".to_string()];
        title.extend(genitive(&shorten(np, 5)));
        return Some(title.join(" "));
    }
    if SPEECH_VERBS.contains(&lower(verb).as_str()) {
        return None;
    }
    let noun = match (nominalise(verb, particle), particle) {
        (Some(n), _) => n,
        // A separable verb in the plural is its own infinitive: "prallen ... aufeinander"
        // is "Aufeinanderprallen", always a German noun.
        (None, Some(p)) if lower(verb).ends_with("en") => {
            capitalise_first(&format!("{p}{}", lower(verb)))
        }
        (None, _) => {
            if final_verb {
                final_noun(verb)?
            } else {
                nominalise(verb, None)?
            }
        }
    };
    let starts: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(k, (i, joined))| {
            let after_adjective = *joined
                && *i > 0
                && *i - 1 != verb_at
                && is_adjective_like(toks[*i - 1].text)
                && is_noun_word(toks[*i].text);
            let after_verb = *joined
                && *i > 0
                && *i - 1 == verb_at
                && (is_noun_word(toks[*i].text) || is_in(ARTICLES, toks[*i].text));
            *k != verb_k && (after_verb || !after_adjective && np_start(toks, *i, *joined))
        })
        .map(|(k, _)| k)
        .collect();
    // Nouns of verbs without an object take the subject: "Der Dax fiel" is "Fall des Dax".
    let intransitive = [
        "Rückgang",
        "Fall",
        "Anstieg",
        "Tod",
        "Absturz",
        "Sturz",
        "Rücktritt",
        "Ankunft",
        "Beginn",
        "Ende",
        "Start",
        "Flucht",
        "Landung",
        "Ausbruch",
        "Zusammentritt",
        "Treffen",
        "Sitzung",
    ]
    .contains(&noun.as_str());
    let theme = if intransitive {
        starts.first().copied()
    } else if final_verb {
        // Passive or perfect: the subject of a passive and the object of an active verb both
        // stand as the noun phrase closest to the participle.
        starts.iter().copied().rfind(|k| *k < verb_k)
    } else {
        // Active: the object follows the subject; the last phrase after the verb, else before.
        starts
            .iter()
            .copied()
            .rfind(|k| *k > verb_k && (*k != last_k || particle.is_none()))
            .or_else(|| starts.iter().copied().rfind(|k| *k < verb_k))
    };
    let mut title = vec![noun];
    if let Some(k) = theme {
        let s = words[k].0;
        let stop = if k < verb_k {
            verb_at
        } else {
            words.get(last_k + 1).map_or(cb, |w| w.0).min(cb)
        };
        // Stop at the removed expression as well.
        let stop = if s < before && before < stop {
            before
        } else {
            stop
        };
        let (a, b) = noun_phrase(toks, s, stop);
        let np: Vec<String> = words_of(toks, a, b);
        let np: Vec<String> = match particle {
            Some(p) if np.last().is_some_and(|w| w == p) => np[..np.len() - 1].to_vec(),
            _ => np,
        };
        if !np.is_empty() && np.iter().any(|w| is_capitalised(w) && !is_function_word(w)) {
            if title[0].is_empty() {
                // A verb of causing: what was caused is the event, by its causer ("Gewitter
                // hatten Schäden angerichtet" is "Schäden durch Gewitter").
                let mut out = strip_to_head(&shorten(np, 4));
                let causer = starts.iter().copied().find(|c| *c != k).and_then(|c| {
                    let (x, y) = noun_phrase(toks, words[c].0, s.max(words[c].0 + 1));
                    let w = strip_to_head(&words_of(toks, x, y));
                    (!w.is_empty()).then(|| shorten(w, 3))
                });
                if let Some(c) = causer {
                    out.push("durch".to_string());
                    out.extend(c);
                }
                return Some(join(&out));
            }
            // "Russland hatte sein Büro geschlossen": the possessive points at the agent, a
            // name standing bare before the theme: "Schließung des Büros durch Russland".
            let possessive = np.first().is_some_and(|w| {
                matches!(
                    lower(w).as_str(),
                    "sein" | "seine" | "seinen" | "seinem" | "ihr" | "ihre" | "ihren" | "ihrem"
                )
            });
            let agent = starts
                .iter()
                .copied()
                .filter(|c| *c != k && words[*c].0 < s)
                .map(|c| words[c].0)
                .find(|i| {
                    is_noun_word(toks[*i].text)
                        && !is_time_word(toks[*i].text)
                        && !toks.get(*i + 1).is_some_and(|n| is_noun_word(n.text))
                });
            match (possessive, agent) {
                (true, Some(a)) => {
                    let mut np = np;
                    let fem_or_plural = matches!(lower(&np[0]).as_str(), "seine" | "ihre");
                    np[0] = if fem_or_plural { "die" } else { "das" }.to_string();
                    title.extend(genitive(&shorten(np, 5)));
                    title.push("durch".to_string());
                    title.push(toks[a].text.to_string());
                }
                _ => title.extend(genitive(&shorten(np, 5))),
            }
        }
    }
    (!title[0].is_empty()).then(|| title.join(" "))
}

/// Rule 5: "X sagte am Dienstag, es gebe ..." -> "X: es gebe ...".
fn statement(toks: &[Tok<'_>], ca: usize, cb: usize, before: usize, te: usize) -> Option<String> {
    (ca..cb)
        .filter(|i| *i < before || *i >= te)
        .find(|i| SPEECH_VERBS.contains(&lower(toks[*i].text).as_str()))?;
    // The speaker: a name in this clause, else the last name before it in the sentence.
    let name_in = |a: usize, b: usize| -> Option<Vec<String>> {
        let mut best: Option<(usize, usize)> = None;
        let mut i = a;
        while i < b {
            let w = toks[i].text;
            if is_capitalised(w)
                && is_word(w)
                && !is_function_word(w)
                && !is_time_word(w)
                && (i < before || i >= te)
            {
                let mut j = i;
                while j < b
                    && is_capitalised(toks[j].text)
                    && is_word(toks[j].text)
                    && !is_function_word(toks[j].text)
                    && !is_time_word(toks[j].text)
                {
                    j += 1;
                }
                if best.is_none_or(|(x, y)| j - i > y - x) {
                    best = Some((i, j));
                }
                i = j;
            } else {
                i += 1;
            }
        }
        best.map(|(x, y)| words_of(toks, x, y))
    };
    let speaker = name_in(ca, cb)
        .filter(|w| w.iter().any(|x| !is_event_noun(x)))
        .or_else(|| {
            let mut b = ca;
            while b > 0 {
                let (pa, pb) = clause_of(toks, b.saturating_sub(2), b.saturating_sub(1));
                if pb <= pa {
                    break;
                }
                if let Some(n) = name_in(pa, pb) {
                    return Some(n);
                }
                b = pa;
                if b < 2 {
                    break;
                }
            }
            None
        })?;
    // What was said: the clause after this one, else the one before.
    let said = if cb < toks.len() && toks[cb].text == "," {
        let (a, b) = clause_of(toks, cb + 1, cb + 2);
        Some((a, b))
    } else if ca >= 2 && toks[ca - 1].text == "," {
        Some(clause_of(toks, ca - 2, ca - 1))
    } else {
        None
    };
    let speaker = shorten(speaker, 3).join(" ");
    match said {
        Some((a, b)) if b > a => {
            let mut words: Vec<String> = words_of(toks, a, b)
                .into_iter()
                .filter(|w| is_word(w) || w.chars().any(|c| c.is_ascii_digit()))
                .collect();
            if words
                .first()
                .is_some_and(|w| matches!(lower(w).as_str(), "dass" | "daß" | "ob"))
            {
                words.remove(0);
            }
            words.truncate(7);
            while words.last().is_some_and(|w| is_function_word(w)) {
                words.pop();
            }
            if words.is_empty() {
                Some(format!("Aussage von {speaker}"))
            } else {
                Some(format!("{speaker}: {}", words.join(" ")))
            }
        }
        _ => Some(format!("Aussage von {speaker}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(sentence: &str, timex: &str) -> String {
        title(sentence, timex).map(|x| x.0).unwrap_or_default()
    }

    #[test]
    fn passive_becomes_a_nominalisation() {
        assert_eq!(
            t(
                "Das Gremium wurde 2002 gegründet, um die Beziehungen zu verbessern.",
                "2002"
            ),
            "Gründung des Gremiums"
        );
        assert_eq!(
            t("Im Oktober des vergangenen Jahres wurden aus Brüssel weitere russische Diplomaten ausgewiesen, die spionierten.", "Oktober des vergangenen Jahres"),
            "Ausweisung weiterer russischer Diplomaten"
        );
        assert_eq!(
            t("Der Vertrag wurde am 3. März unterzeichnet.", "3. März"),
            "Unterzeichnung des Vertrags"
        );
    }

    #[test]
    fn event_noun_heading_the_time() {
        assert_eq!(t("Schon mit der völkerrechtswidrigen Annexion der Krim 2014 hatte sich das Verhältnis abgekühlt.", "2014"), "Annexion der Krim");
        assert_eq!(
            t("Nach dem Mordanschlag auf den Doppelagenten Sergeij Skripal in Großbritannien im Jahr 2018, für den der Westen den Kreml verantwortlich macht, musste Russland reagieren.", "Jahr 2018"),
            "Mordanschlag auf den Doppelagenten Sergeij Skripal"
        );
        assert_eq!(
            t(
                "Der Streik der Lokführer im März legte den Verkehr lahm.",
                "März"
            ),
            "Streik der Lokführer"
        );
    }

    #[test]
    fn finite_verb_and_subject() {
        assert_eq!(
            t("Um 10:07 Uhr beginnt die Sitzung.", "10:07 Uhr"),
            "Beginn der Sitzung"
        );
    }

    #[test]
    fn first_since_names_the_last_one() {
        let s = "Jedenfalls wenn man ihm glaubt, der diese Formulierung im Vorfeld der mittwöchigen Sitzung des Nato-Russland-Rates benutzte - der ersten seit 2019.";
        assert_eq!(t(s, "2019"), "Letzte Sitzung des Nato-Russland-Rates");
    }

    #[test]
    fn copula_statement_and_idioms() {
        assert_eq!(
            t("Für Gruschko ist es eine Art Rückkehr; er war von 2011 bis 2018 Russlands Botschafter bei der Nato.", "von 2011 bis 2018"),
            "Gruschko als Russlands Botschafter"
        );
        assert_eq!(
            t(
                "Die US-Botschafterin, Julianne Smith, sagte am Dienstag, es gebe Einigkeit.",
                "Dienstag"
            ),
            "Julianne Smith: es gebe Einigkeit"
        );
        assert_eq!(
            t(
                "Das Gesetz soll am 1. Januar 2024 in Kraft treten.",
                "1. Januar 2024"
            ),
            "Inkrafttreten des Gesetzes"
        );
        assert_eq!(
            t(
                "Die Trauerfeier fand am Montag in Marrakesch statt.",
                "Montag"
            ),
            "Trauerfeier"
        );
        assert_eq!(
            t(
                "König Mohammed VI. ordnete am Samstag eine dreitägige Staatstrauer an.",
                "Samstag"
            ),
            "Anordnung einer dreitägigen Staatstrauer"
        );
        assert_eq!(
            t(
                "Bundeskanzler Olaf Scholz verteidigte die Reform am Donnerstag im Parlament.",
                "Donnerstag"
            ),
            "Verteidigung der Reform"
        );
    }

    #[test]
    fn possessives_name_their_agent_and_appositions_their_clause() {
        assert_eq!(
            t(
                "Die Autofahrt war nötig, weil Russland im November sein Büro geschlossen hatte.",
                "November"
            ),
            "Schließung des Büros durch Russland"
        );
        assert_eq!(
            t(
                "Zwei Jahre später, am 8. Mai 2021, wurde die alte Brücke gesprengt.",
                "8. Mai 2021"
            ),
            "Sprengung der alten Brücke"
        );
        assert_eq!(
            t(
                "Allein im vergangenen Jahr seien die Baupreise um mehr als 15 Prozent gestiegen.",
                "vergangenen Jahr"
            ),
            "Anstieg der Baupreise"
        );
        assert_eq!(
            t("Die Vorsitzende Richterin verkündete das Urteil um 15.15 Uhr vor voll besetztem Saal.", "15.15 Uhr"),
            "Verkündung des Urteils"
        );
    }

    #[test]
    fn common_news_sentences() {
        for (sentence, timex, want) in [
            (
                "Am Dienstag trat der Minister zurück.",
                "Dienstag",
                "Rücktritt des Ministers",
            ),
            (
                "Der Bundestag wählte am 8. Dezember 2021 Olaf Scholz zum Bundeskanzler.",
                "8. Dezember 2021",
                "Wahl von Olaf Scholz zum Bundeskanzler",
            ),
            (
                "Die Olympischen Spiele finden 2024 in Paris statt.",
                "2024",
                "Die Olympischen Spiele",
            ),
            (
                "Nach dem Tod der Queen am 8. September 2022 wurde Charles König.",
                "8. September 2022",
                "Tod der Queen",
            ),
            (
                "Die Inflation stieg im Oktober auf 10,4 Prozent.",
                "Oktober",
                "Anstieg der Inflation",
            ),
            (
                "Im Jahr 1989 fiel die Berliner Mauer.",
                "Jahr 1989",
                "Fall der Berliner Mauer",
            ),
            (
                "Am Mittwoch hat die EU neue Sanktionen gegen Russland beschlossen.",
                "Mittwoch",
                "Beschluss neuer Sanktionen gegen Russland",
            ),
            (
                "Bis 2030 will die Regierung den Ausstoß halbieren.",
                "2030",
                "Halbierung des Ausstoßes",
            ),
            (
                "Merkel war von 2005 bis 2021 Bundeskanzlerin.",
                "von 2005 bis 2021",
                "Merkel als Bundeskanzlerin",
            ),
        ] {
            assert_eq!(t(sentence, timex), want, "{sentence}");
        }
    }

    #[test]
    fn random_sentences_do_not_panic() {
        let vocab = [
            ",",
            ".",
            "-",
            "–",
            ":",
            ";",
            "\"",
            "(",
            ")",
            "der",
            "die",
            "das",
            "am",
            "im",
            "seit",
            "erste",
            "sechste",
            "Mal",
            "dass",
            "es",
            "er",
            "war",
            "wurde",
            "hatte",
            "gegründet",
            "sagte",
            "Stoltenberg",
            "Sitzung",
            "Annexion",
            "2014",
            "Mittwoch",
            "und",
            "ab",
            "an",
            "ordnete",
            "in",
            "Kraft",
            "treten",
            "fand",
            "statt",
            "gab",
            "negative",
            "Zinsen",
            "34-jährigen",
            "nach",
            "Angaben",
            "laut",
            "Beginn",
            "iPhone",
            "230",
            "angerichtet",
            "als",
            "nicht",
            "von",
            "bis",
            "Juli",
            "Russland",
        ];
        let mut x: u64 = 12345;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize
        };
        for _ in 0..3000 {
            let n = 1 + next() % 16;
            let words: Vec<&str> = (0..n).map(|_| vocab[next() % vocab.len()]).collect();
            let i = next() % n;
            let j = (i + 1 + next() % 3).min(n);
            if let Some((t, _)) = title(&words.join(" "), &words[i..j].join(" ")) {
                assert!(!t.trim().is_empty());
            }
        }
    }

    #[test]
    fn titles_are_never_bare_dates() {
        assert_eq!(title("Am 12. Januar 2022.", "12. Januar 2022"), None);
    }
}
