//! Properties of the tagger over generated inputs (proptest): spans, weekdays, day arithmetic,
//! resolution at every year from 1 to 9999, determinism. Case counts are kept modest so the
//! suite stays fast; `PROPTEST_CASES=5000 cargo test --release properties` searches harder.

use chrono::{Datelike, Duration, NaiveDate};
use proptest::prelude::*;
use zeitstrahl::timex::PartialDate;
use zeitstrahl::{tag, Context, Dct, DocKind, Timex, Value};

use crate::robustness::fuzz_checks::{check_spans, check_tag};

/// Words the tagger reacts to, and some it must not, so that generated texts hit the grammar.
const WORDS: &[&str] = &[
    "am",
    "im",
    "seit",
    "vom",
    "bis",
    "zum",
    "um",
    "vor",
    "nach",
    "Anfang",
    "Ende",
    "Mitte",
    "des",
    "vergangenen",
    "nächsten",
    "kommenden",
    "Jahres",
    "Jahr",
    "Jahre",
    "Monat",
    "Monate",
    "Woche",
    "Wochen",
    "Tag",
    "Tage",
    "Tagen",
    "Stunden",
    "Uhr",
    "heute",
    "gestern",
    "morgen",
    "Übermorgen",
    "vorgestern",
    "Montag",
    "Mittwochnachmittag",
    "Freitagabend",
    "Sonntag",
    "Januar",
    "Februar",
    "März",
    "Mai",
    "Juli",
    "Oktober",
    "Dezember",
    "Jan.",
    "Sommer",
    "Winter",
    "Quartal",
    "Ostern",
    "Weihnachten",
    "später",
    "zuvor",
    "danach",
    "darauf",
    "jeden",
    "täglich",
    "1990er-Jahre",
    "Jahrhunderts",
    "drei",
    "zwei",
    "fünf",
    "zwölf",
    "einem",
    "halben",
    "wurde",
    "wird",
    "hat",
    "traf",
    "sich",
    "der",
    "Rat",
    "Vorjahresmonat",
    "31.",
    "29.",
    "12.",
    "1.",
    "2022",
    "2014",
    "0001",
    "9999",
    "15.30",
    "10:07",
    "12.01.2022",
    "31.02.2021",
    ".",
    ",",
    "–",
    "-",
    "\n",
    "\r\n",
    "\u{feff}",
    "ß",
    "😀",
];

/// A text of German-ish tokens, digits and arbitrary characters.
fn text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        6 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => "[0-9]{1,5}",
        1 => any::<char>().prop_map(String::from),
        1 => "[ .,:;()\"'/-]{1,3}",
    ];
    let sep = prop_oneof![Just(" "), Just(""), Just(". "), Just("\n")];
    proptest::collection::vec((token, sep), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(t, s)| format!("{t}{s}"))
            .collect::<String>()
    })
}

/// Any calendar date from 1-01-01 to 9999-12-31.
fn date() -> impl Strategy<Value = NaiveDate> {
    years(1, 9999)
}

/// Any calendar date from the first day of year `from` to the last of year `to`.
fn years(from: i32, to: i32) -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(from, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(to, 12, 31).unwrap();
    (0..=(last - first).num_days()).prop_map(move |n| first + Duration::days(n))
}

fn kind() -> impl Strategy<Value = DocKind> {
    prop_oneof![
        Just(DocKind::News),
        Just(DocKind::Narrative),
        Just(DocKind::Colloquial)
    ]
}

fn dct(d: NaiveDate) -> Dct {
    Dct {
        date: PartialDate::ymd(d.year(), d.month(), d.day()),
        time: None,
        zone: None,
    }
}

fn news(d: NaiveDate) -> Context {
    Context {
        dct: Some(dct(d)),
        kind: DocKind::News,
    }
}

/// The full date of a value known to the day, if it is one.
fn day_of(v: &Value) -> Option<NaiveDate> {
    match v {
        Value::Date(d) | Value::DateTime { date: d, .. } | Value::PartOfDay { date: d, .. } => {
            d.naive()
        }
        _ => None,
    }
}

fn find<'a>(found: &'a [Timex], text: &str) -> Option<&'a Timex> {
    found.iter().find(|t| t.text == text)
}

const WEEKDAYS: [(&str, chrono::Weekday); 7] = [
    ("Montag", chrono::Weekday::Mon),
    ("Dienstag", chrono::Weekday::Tue),
    ("Mittwoch", chrono::Weekday::Wed),
    ("Donnerstag", chrono::Weekday::Thu),
    ("Freitag", chrono::Weekday::Fri),
    ("Samstag", chrono::Weekday::Sat),
    ("Sonntag", chrono::Weekday::Sun),
];

const NUMBER_WORDS: [&str; 13] = [
    "null", "einen", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf",
];

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Every span lies inside the text on char boundaries, spans do not overlap, each cuts out
    /// exactly its expression's text, and tagging twice gives the same result.
    #[test]
    fn spans_are_sound_and_tagging_is_deterministic(t in text(), d in date(), k in kind(), with_dct in any::<bool>()) {
        let ctx = Context { dct: with_dct.then(|| dct(d)), kind: k };
        check_tag(&t, &ctx);
    }

    /// The same holds for arbitrary Unicode text.
    #[test]
    fn spans_are_sound_in_any_text(t in any::<String>(), d in date()) {
        if let Ok(found) = tag(&t, &news(d)) {
            check_spans(&t, &found);
        }
    }

    /// "am Montag" resolved against any document date is a Monday (or stays a visibly
    /// unresolved weekday); the same for every weekday and every tense.
    #[test]
    fn a_resolved_weekday_is_that_weekday(d in date(), w in 0usize..7, verb in 0usize..3) {
        let (name, weekday) = WEEKDAYS[w];
        let text = match verb {
            0 => format!("Der Rat traf sich am {name} in Brüssel."),
            1 => format!("Der Rat wird sich am {name} in Brüssel treffen."),
            _ => format!("Am {name} tagt der Rat in Brüssel."),
        };
        let found = tag(&text, &news(d)).unwrap();
        let t = find(&found, name).unwrap_or_else(|| panic!("{name} not found in {found:?}"));
        match &t.value {
            Value::Weekday { weekday: n, .. } => prop_assert_eq!(*n, weekday.number_from_monday()),
            v => {
                let day = day_of(v).unwrap_or_else(|| panic!("{name}: {v} is no day"));
                prop_assert_eq!(day.weekday(), weekday, "{} under {} gave {}", name, d, v);
                // A weekday names a day within a week of the document date.
                prop_assert!((day - d).num_days().abs() <= 7, "{} under {} gave {}", name, d, v);
            }
        }
    }

    /// "N Tage später" after a date D named in the sentence before is D + N, under any
    /// document date. (A year in running text is read as one from 1000 to 2999.)
    #[test]
    fn n_days_later_is_the_date_plus_n(d in years(1000, 2999), n in 2usize..13, words in any::<bool>(), dct_day in date()) {
        let Some(end) = d.checked_add_signed(Duration::days(n as i64)) else { return Ok(()) };
        prop_assume!(end.year() <= 9999);
        let n_text = if words { NUMBER_WORDS[n].to_string() } else { n.to_string() };
        let text = format!(
            "Am {}. {} {} begann der Streik. {n_text} Tage später endete er.",
            d.day(),
            ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"][d.month0() as usize],
            d.format("%Y"),
        );
        let ctx = Context { dct: Some(dct(dct_day)), kind: DocKind::Narrative };
        let found = tag(&text, &ctx).unwrap();
        let later = format!("{n_text} Tage später");
        let t = find(&found, &later).unwrap_or_else(|| panic!("{later:?} not found in {found:?}"));
        prop_assert_eq!(day_of(&t.value), Some(end), "{} after {}: {}", later, d, t.value);
    }

    /// Resolving a text full of relative expressions never panics, whatever the document date
    /// from year 1 to 9999, the clock time and the kind; the values it gives are printable.
    #[test]
    fn resolution_never_panics_at_any_date(d in date(), k in kind(), hour in proptest::option::of(0u32..24)) {
        let ctx = Context {
            dct: Some(Dct { date: PartialDate::ymd(d.year(), d.month(), d.day()), time: hour.map(|h| (h, 30, 0)), zone: None }),
            kind: k,
        };
        let found = tag(RELATIVE, &ctx).unwrap();
        check_spans(RELATIVE, &found);
        prop_assert!(found.len() >= 20, "only {} expressions found", found.len());
        for t in &found {
            let v = t.value.to_string();
            prop_assert!(!v.is_empty());
        }
    }
}

/// A text with many kinds of relative and underspecified expressions.
const RELATIVE: &str = "Gestern und vorgestern tagte der Rat, heute und morgen nicht. \
Am Montag, am Mittwochnachmittag und am Freitagabend wird verhandelt. \
Im März und im Dezember des vergangenen Jahres gab es Streit. \
Anfang des Jahres, Mitte Mai und Ende Oktober sind Wahlen. \
Vor drei Wochen, vor einem halben Jahr und vor zwei Tagen kam es zum Bruch. \
In fünf Jahren, in zwei Monaten und in der kommenden Woche soll es besser werden. \
Zwei Tage später, drei Wochen danach und am Tag darauf passierte nichts. \
Im vergangenen Sommer, im nächsten Winter und im dritten Quartal des Vorjahres. \
An Ostern, an Weihnachten und an Pfingsten wird gefeiert. \
Um 15.30 Uhr am Abend, jeden Montag und täglich. \
Seit Jahren, seit dem 1. Januar und bis Ende nächsten Jahres. \
In den 1990er-Jahren und im 19. Jahrhundert, vergangene Woche und am Wochenende.";

#[test]
fn resolution_at_the_ends_of_the_calendar() {
    for d in [
        NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(1, 3, 1).unwrap(),
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(9999, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2000, 2, 29).unwrap(),
    ] {
        for kind in [DocKind::News, DocKind::Narrative, DocKind::Colloquial] {
            let ctx = Context {
                dct: Some(Dct {
                    date: PartialDate::ymd(d.year(), d.month(), d.day()),
                    time: Some((23, 59, 59)),
                    zone: None,
                }),
                kind,
            };
            let found = tag(RELATIVE, &ctx).unwrap();
            check_spans(RELATIVE, &found);
            // Partial document dates too: a year only, a month only.
            for partial in [
                PartialDate::y(d.year()),
                PartialDate::ym(d.year(), d.month()),
            ] {
                let ctx = Context {
                    dct: Some(Dct {
                        date: partial,
                        time: None,
                        zone: None,
                    }),
                    kind,
                };
                check_spans(RELATIVE, &tag(RELATIVE, &ctx).unwrap());
            }
        }
    }
}
