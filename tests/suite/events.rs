//! Events on the seed articles and on unseen text: what the timeline must reach, merging,
//! determinism and the events.yaml round trip.

use std::path::{Path, PathBuf};

use zeitstrahl::merge::merge_timelines;
use zeitstrahl::model::{Event, Timeline};
use zeitstrahl::timeline::{build, BuildOptions};
use zeitstrahl::yaml;

fn seeds() -> Timeline {
    build(Path::new("seeds"), &BuildOptions::default()).expect("the seeds build")
}

/// A fresh folder under the target directory with the given files.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("events-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create folder");
    for (f, text) in files {
        std::fs::write(dir.join(f), text).expect("write file");
    }
    dir
}

/// The visible events whose date starts with `date` and one of whose sources' sentences
/// contains `word`.
fn find<'a>(t: &'a Timeline, date: &str, word: &str) -> Vec<&'a Event> {
    t.events
        .iter()
        .filter(|e| e.date.starts_with(date) && e.sources.iter().any(|s| s.sentence.contains(word)))
        .collect()
}

fn one<'a>(t: &'a Timeline, date: &str, word: &str) -> &'a Event {
    let found = find(t, date, word);
    assert_eq!(
        found.len(),
        1,
        "expected one event on {date} told with {word:?}, found {:#?}\nall: {:#?}",
        found,
        t.events
            .iter()
            .map(|e| (&e.date, &e.title))
            .collect::<Vec<_>>()
    );
    found[0]
}

fn docs_of(e: &Event) -> Vec<&str> {
    let mut d: Vec<&str> = e.sources.iter().map(|s| s.doc.as_str()).collect();
    d.sort();
    d.dedup();
    d
}

#[test]
fn seeds_founding_act_1997() {
    let t = seeds();
    let e = one(&t, "1997", "Grundakte");
    assert_eq!(e.date, "1997");
    assert!(e.title.contains("Grundakte"), "{}", e.title);
}

#[test]
fn seeds_council_founded_2002() {
    let t = seeds();
    let e = one(&t, "2002", "gegründet");
    assert_eq!(e.date, "2002");
    assert_eq!(e.title, "Gründung des Gremiums");
}

#[test]
fn seeds_crimea_2014_from_two_articles() {
    let t = seeds();
    let e = one(&t, "2014", "Annexion");
    assert_eq!(e.date, "2014");
    assert!(e.title.starts_with("Annexion der"), "{}", e.title);
    assert!(e.title.contains("Krim"), "{}", e.title);
    assert!(docs_of(e).len() >= 2, "{:?}", docs_of(e));
}

#[test]
fn seeds_skripal_2018() {
    let t = seeds();
    let e = one(&t, "2018", "Skripal");
    assert_eq!(e.date, "2018");
    assert!(e.title.starts_with("Mordanschlag auf"), "{}", e.title);
    assert!(e.title.contains("Skripal"), "{}", e.title);
}

#[test]
fn seeds_last_meeting_july_2019() {
    let t = seeds();
    let e = one(&t, "2019", "Juli 2019");
    assert_eq!(e.date, "2019-07");
    assert!(e.title.starts_with("Letzte"), "{}", e.title);
}

#[test]
fn seeds_expulsions_october_and_closure_november_2021() {
    let t = seeds();
    let e = one(&t, "2021-10", "Diplomaten");
    assert_eq!(e.date, "2021-10");
    assert!(e.title.starts_with("Ausweisung"), "{}", e.title);
    assert!(e.title.contains("Diplomaten"), "{}", e.title);
    let e = one(&t, "2021-11", "geschlossen");
    assert_eq!(e.date, "2021-11");
    assert!(e.title.starts_with("Schließung"), "{}", e.title);
}

#[test]
fn seeds_meeting_of_12_january_from_three_articles() {
    let t = seeds();
    let e = one(&t, "2022-01-12", "beginnt die Sitzung");
    assert!(docs_of(e).len() >= 3, "{:?}", docs_of(e));
    // The other tellings say "am Mittwoch": the event has the most precise date they support.
    assert!(e.date.starts_with("2022-01-12"), "{}", e.date);
}

#[test]
fn seeds_days_around_the_meeting() {
    let t = seeds();
    assert_eq!(one(&t, "2022-01-10", "Montag").date, "2022-01-10");
    assert_eq!(one(&t, "2022-01-11", "Dienstag").date, "2022-01-11");
    assert!(one(&t, "2022-01-26", "Mittwochnachmittag")
        .date
        .starts_with("2022-01-26"));
    let feb = one(&t, "2022-02", "Februar");
    assert_eq!(feb.date, "2022-02");
    assert!(feb.planned, "February lies after the document date");
}

#[test]
fn seeds_ambassador_2011_to_2018_is_a_span() {
    let t = seeds();
    let e = one(&t, "2011", "Botschafter");
    assert_eq!(e.date, "2011");
    assert_eq!(e.end.as_deref(), Some("2018"));
    assert!(e.title.contains("Botschafter"), "{}", e.title);
}

#[test]
fn seeds_nothing_dated_by_a_duration_and_no_bare_dates() {
    let t = seeds();
    for e in &t.events {
        assert!(!e.date.starts_with('P'), "{e:?}");
        assert!(
            zeitstrahl::model::DateSpan::parse(&e.date).is_some(),
            "{e:?}"
        );
        for s in &e.sources {
            for d in ["Stunden", "zweieinhalb Jahren", "Tagen", "Wochen", "Monate"] {
                assert!(!s.timex.contains(d), "dated by a duration: {e:?}");
            }
        }
        let title_words: Vec<&str> = e.title.split_whitespace().collect();
        assert!(!title_words.is_empty(), "{e:?}");
        let all_time = title_words.iter().all(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || [
                    "Januar", "Februar", "Juli", "Oktober", "November", "Mittwoch", "Montag",
                    "Dienstag", "Jahr", "im", "am",
                ]
                .contains(w)
        });
        assert!(!all_time, "title is a bare date: {e:?}");
    }
}

#[test]
fn seeds_sources_carry_offsets_into_the_file() {
    let t = seeds();
    for e in &t.events {
        for s in &e.sources {
            let doc = t
                .documents
                .iter()
                .find(|d| d.id == s.doc)
                .expect("known document");
            let text = std::fs::read_to_string(Path::new("seeds").join(&doc.file)).expect("read");
            assert_eq!(&text[s.start..s.end], s.timex, "{e:?}");
            assert!(text.contains(&s.sentence), "{e:?}");
            assert!(s.sentence.contains(&s.timex), "{e:?}");
            assert_eq!(s.anchor.as_deref(), Some(doc.date.as_str()));
        }
    }
}

#[test]
fn seeds_dateline_of_003_is_not_a_timex() {
    let t = seeds();
    let d = t
        .documents
        .iter()
        .find(|d| d.id.starts_with("003"))
        .expect("003");
    assert_eq!(d.date, "2022-01");
    for e in &t.events {
        for s in &e.sources {
            assert!(!s.sentence.contains("date 2022"), "{e:?}");
            assert!(!(s.doc == d.id && s.start < 14), "{e:?}");
        }
    }
}

#[test]
fn seeds_events_sorted_and_ids_unique() {
    let t = seeds();
    let spans: Vec<_> = t
        .events
        .iter()
        .map(|e| zeitstrahl::model::DateSpan::parse(&e.date).expect("date"))
        .collect();
    for w in spans.windows(2) {
        assert!(w[0].first <= w[1].first, "{:?}", w);
    }
    let mut ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
    assert!(
        t.events
            .iter()
            .any(|e| e.id == "2002-gruendung-des-gremiums"),
        "{ids:?}"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let a = yaml::to_string(&seeds()).expect("yaml");
    let b = yaml::to_string(&seeds()).expect("yaml");
    assert_eq!(a, b);
}

#[test]
fn yaml_round_trip() {
    let t = seeds();
    let text = yaml::to_string(&t).expect("yaml");
    let back = yaml::from_str(&text, Path::new("events.yaml")).expect("parse back");
    assert_eq!(back, t);
}

#[test]
fn edited_yaml_reads_back_as_edited() {
    let mut t = seeds();
    t.events[0].title = "Umbenannt".into();
    t.events[1].hidden = true;
    t.events.push(Event {
        id: "2023-von-hand".into(),
        title: "Von Hand".into(),
        date: "2023-05".into(),
        end: None,
        planned: false,
        category: Some("extra".into()),
        hidden: false,
        note: Some("added by hand".into()),
        sources: Vec::new(),
    });
    let text = yaml::to_string(&t).expect("yaml");
    let back = yaml::from_str(&text, Path::new("events.yaml")).expect("parse back");
    assert_eq!(back.events[0].title, "Umbenannt");
    assert!(back.events[1].hidden);
    assert_eq!(back, t);
}

#[test]
fn broken_yaml_has_line_and_column() {
    let text = "documents: []\nevents:\n  - id: x\n    title: [unclosed\n";
    let e = yaml::from_str(text, Path::new("events.yaml")).unwrap_err();
    let (line, col) = e.position().expect("a position");
    assert!(line >= 4, "{e}");
    assert!(col >= 1, "{e}");
    assert!(e.to_string().starts_with("events.yaml:"), "{e}");
    let text =
        "documents: []\nevents:\n  - id: x\n    title: T\n    date: 2022-01-12\n    colour: red\n";
    let e = yaml::from_str(text, Path::new("events.yaml")).unwrap_err();
    assert!(e.position().is_some(), "{e}");
}

#[test]
fn invalid_events_are_named() {
    let doc = "documents:\n  - id: a\n    file: a.txt\n    date: 2022-01-12\n";
    let bad_date = format!("{doc}events:\n  - id: ev-1\n    title: T\n    date: 2022-13\n");
    let e = yaml::from_str(&bad_date, Path::new("e.yaml")).unwrap_err();
    assert!(e.message().contains("ev-1"), "{e}");
    let backwards =
        format!("{doc}events:\n  - id: ev-2\n    title: T\n    date: '2020'\n    end: '2019'\n");
    let e = yaml::from_str(&backwards, Path::new("e.yaml")).unwrap_err();
    assert!(
        e.message().contains("ev-2") && e.message().contains("before"),
        "{e}"
    );
    let unknown = format!(
        "{doc}events:\n  - id: ev-3\n    title: T\n    date: '2020'\n    sources:\n      - {{doc: zz, sentence: S, timex: '2020', start: 0, end: 4}}\n"
    );
    let e = yaml::from_str(&unknown, Path::new("e.yaml")).unwrap_err();
    assert!(
        e.message().contains("ev-3") && e.message().contains("zz"),
        "{e}"
    );
}

#[test]
fn merging_timelines_equals_building_at_once() {
    let all = build(Path::new("seeds"), &BuildOptions::default()).expect("all");
    let mut files: Vec<String> = std::fs::read_dir("seeds")
        .expect("seeds")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    let meta = std::fs::read_to_string("seeds/documents.yaml").expect("documents.yaml");
    for cut in [1, 2, 4] {
        let merged = merge_timelines(vec![
            part(&format!("a{cut}"), &files[..cut], &meta),
            part(&format!("b{cut}"), &files[cut..], &meta),
        ]);
        assert_eq!(
            yaml::to_string(&merged).expect("yaml"),
            yaml::to_string(&all).expect("yaml"),
            "split after {cut} files"
        );
    }
}

/// A timeline built from some of the seed files, with their entries of documents.yaml.
fn part(name: &str, chunk: &[String], meta: &str) -> Timeline {
    let entries: Vec<(String, String)> = chunk
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(Path::new("seeds").join(f)).expect("read");
            (f.clone(), text)
        })
        .collect();
    let mut m = String::from("documents:\n");
    for entry in meta.split("  - file: ").skip(1) {
        let name = entry.lines().next().unwrap_or("").trim();
        if chunk.iter().any(|f| f == name) {
            m.push_str("  - file: ");
            m.push_str(entry);
        }
    }
    let mut files: Vec<(&str, &str)> = entries
        .iter()
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    files.push(("documents.yaml", &m));
    let dir = folder(name, &files);
    build(&dir, &BuildOptions::default()).expect("part")
}

#[test]
fn merging_keeps_what_the_user_marked() {
    let mut a = seeds();
    let keep = a.events.len();
    a.events[0].hidden = true;
    a.events[0].note = Some("geprüft".into());
    let (first_date, first_doc) = (a.events[0].date.clone(), a.events[0].sources[0].doc.clone());
    let merged = merge_timelines(vec![a, Timeline::default()]);
    assert_eq!(merged.events.len(), keep);
    let e = merged
        .events
        .iter()
        .find(|e| e.date == first_date && e.sources.iter().any(|s| s.doc == first_doc))
        .expect("the first event");
    assert!(e.hidden);
    assert_eq!(e.note.as_deref(), Some("geprüft"));
}

#[test]
fn unseen_article_events_and_titles() {
    let text = "Berlin wählt neu\n\nDie Wiederholungswahl in Berlin fand am 12. Februar 2023 statt. \
Das Landesverfassungsgericht hatte die Wahl vom September 2021 im November 2022 für ungültig erklärt. \
Der neue Senat wurde am 27. April 2023 vereidigt. Seit drei Monaten regiert die Koalition.";
    let dir = folder(
        "unseen",
        &[
            ("berlin.txt", text),
            (
                "documents.yaml",
                "documents:\n  - file: berlin.txt\n    date: 2023-05-02\n",
            ),
        ],
    );
    let t = build(&dir, &BuildOptions::default()).expect("build");
    let dates: Vec<&str> = t.events.iter().map(|e| e.date.as_str()).collect();
    assert!(dates.contains(&"2023-02-12"), "{dates:?}");
    assert!(dates.contains(&"2023-04-27"), "{dates:?}");
    assert!(!dates.iter().any(|d| d.starts_with('P')), "{dates:?}");
    let sworn = t
        .events
        .iter()
        .find(|e| e.date == "2023-04-27")
        .expect("27 April");
    assert!(sworn.title.contains("Senat"), "{}", sworn.title);
    let vote = t
        .events
        .iter()
        .find(|e| e.date == "2023-02-12")
        .expect("12 February");
    assert!(vote.title.contains("Wiederholungswahl"), "{}", vote.title);
}

#[test]
fn merged_event_takes_the_most_precise_date() {
    let a = "Im März 2021 wurde in Leipzig der Verein Stadtgarten gegründet.";
    let b = "Der Verein Stadtgarten wurde am 3. März 2021 in Leipzig gegründet.";
    let dir = folder(
        "precise",
        &[
            ("a.txt", a),
            ("b.txt", b),
            (
                "documents.yaml",
                "documents:\n  - file: a.txt\n    date: 2021-06\n  - file: b.txt\n    date: 2021-06-01\n",
            ),
        ],
    );
    let t = build(&dir, &BuildOptions::default()).expect("build");
    assert_eq!(t.events.len(), 1, "{:#?}", t.events);
    let e = &t.events[0];
    assert_eq!(e.date, "2021-03-03");
    assert!(e.title.contains("Gründung"), "{}", e.title);
    let from_a = e.sources.iter().find(|s| s.doc == "a").expect("source a");
    assert_eq!(from_a.date.as_deref(), Some("2021-03"));
    assert_eq!(from_a.anchor.as_deref(), Some("2021-06"));
    let from_b = e.sources.iter().find(|s| s.doc == "b").expect("source b");
    assert_eq!(from_b.date, None);
}

#[test]
fn different_events_on_the_same_day_stay_apart() {
    let a = "Am 3. März 2021 stürzte in Tirol ein Hubschrauber ab. Am 3. März 2021 wählte der Stadtrat in Graz einen neuen Bürgermeister.";
    let b = "Der Hubschrauber stürzte am 3. März 2021 in Tirol ab, berichtete die Polizei.";
    let dir = folder(
        "apart",
        &[
            ("a.txt", a),
            ("b.txt", b),
            (
                "documents.yaml",
                "documents:\n  - file: a.txt\n    date: 2021-03-04\n  - file: b.txt\n    date: 2021-03-04\n",
            ),
        ],
    );
    let t = build(&dir, &BuildOptions::default()).expect("build");
    let on_day: Vec<&Event> = t.events.iter().filter(|e| e.date == "2021-03-03").collect();
    assert_eq!(on_day.len(), 2, "{on_day:#?}");
    let crash = on_day
        .iter()
        .find(|e| {
            e.sources
                .iter()
                .any(|s| s.sentence.contains("Hubschrauber"))
        })
        .expect("crash");
    assert_eq!(docs_of(crash), vec!["a", "b"]);
}

#[test]
fn a_connective_dates_the_sentence_after_an_event() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let t = zeitstrahl::timeline::build(dir, &zeitstrahl::timeline::BuildOptions::default())
        .expect("seeds build");
    let e = t
        .events
        .iter()
        .find(|e| e.sources.iter().any(|s| s.timex == "daraufhin"))
        .expect("an event dated by \"daraufhin\"");
    assert_eq!(e.date, "2021-10");
    assert!(e.title.contains("Abzug"), "{}", e.title);
}

/// A day and its clock time, two expressions in news, make one event at the clock time, told
/// by both ("Montag um 10 Uhr", "18 Uhr am Dienstag"); a day and a clock time apart in the
/// clause stay two.
#[test]
fn day_and_clock_time_make_one_event() {
    let text = "Stadtrat tagt\n\nAm Montag um 10 Uhr begann die Sitzung des Stadtrats. \
Ab 18 Uhr am Dienstag wurde der Haushalt beraten.";
    let dir = folder(
        "day-clock",
        &[
            ("rat.txt", text),
            (
                "documents.yaml",
                "documents:\n  - file: rat.txt\n    date: 2022-01-12\n",
            ),
        ],
    );
    let t = build(&dir, &BuildOptions::default()).expect("build");
    let told: Vec<(&str, &str)> = t
        .events
        .iter()
        .map(|e| (e.date.as_str(), e.sources[0].timex.as_str()))
        .collect();
    assert_eq!(
        told,
        [
            ("2022-01-10T10:00", "Montag um 10 Uhr"),
            ("2022-01-11T18:00", "18 Uhr am Dienstag"),
        ]
    );
}
