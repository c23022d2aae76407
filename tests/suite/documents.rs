//! Loading documents: where the document date comes from, datelines, errors, sentences.

use std::path::{Path, PathBuf};

use zeitstrahl::document::load_dir;
use zeitstrahl::resolve::Dct;
use zeitstrahl::sentence::split;
use zeitstrahl::timeline::{build, BuildOptions};
use zeitstrahl::ErrorKind;

fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("documents-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create folder");
    for (f, text) in files {
        std::fs::write(dir.join(f), text).expect("write file");
    }
    dir
}

#[test]
fn seed_dates_come_from_documents_yaml() {
    let docs = load_dir(Path::new("seeds"), None).expect("seeds");
    let dates: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.entry.id.as_str(), d.entry.date.as_str()))
        .collect();
    assert_eq!(dates.len(), 5);
    assert_eq!(dates[0], ("000_cd65002fcc34f07d", "2022-01-12"));
    assert_eq!(dates[3], ("003_16c73ae33b433678", "2022-01"));
    assert_eq!(dates[4], ("004_ca7d69880d304911", "2022-01-26"));
}

#[test]
fn dateline_is_blanked_and_offsets_kept() {
    let docs = load_dir(Path::new("seeds"), None).expect("seeds");
    let d = &docs[3];
    let file = std::fs::read_to_string("seeds/003_16c73ae33b433678.txt").expect("read");
    assert_eq!(d.text.len(), file.len());
    assert!(!d.text.contains("date 2022-01"));
    assert!(d.text.trim_start().starts_with("Drei Stunden"));
    let i = file.find("Drei Stunden").expect("first words");
    assert_eq!(&d.text[i..], &file[i..]);
    // Nothing in the blanked header is tagged.
    let ctx = zeitstrahl::Context {
        dct: Some(d.dct),
        kind: Default::default(),
    };
    let tags = zeitstrahl::tag(&d.text, &ctx).expect("tag");
    assert!(tags.iter().all(|t| t.start >= i), "{tags:?}");
}

#[test]
fn date_from_the_text_when_documents_yaml_is_missing() {
    let dir = folder(
        "dateline",
        &[
            ("a.txt", "date 2021-10-07 Die Nato wies am Mittwoch acht Diplomaten aus."),
            ("b.txt", "---\ntitle: Bericht\ndate: 2021-11-02\n---\nRussland schloss im November sein Büro."),
        ],
    );
    let docs = load_dir(&dir, None).expect("load");
    assert_eq!(docs[0].entry.date, "2021-10-07");
    assert_eq!(docs[1].entry.date, "2021-11-02");
    assert_eq!(docs[1].entry.title.as_deref(), Some("Bericht"));
    let t = build(&dir, &BuildOptions::default()).expect("build");
    let dates: Vec<&str> = t.events.iter().map(|e| e.date.as_str()).collect();
    assert!(dates.contains(&"2021-10-06"), "{dates:?}");
    assert!(!t
        .events
        .iter()
        .any(|e| e.sources.iter().any(|s| s.timex.contains("2021-10-07"))));
}

#[test]
fn dct_option_is_the_last_resort() {
    let dir = folder("dct", &[("a.txt", "Am Montag tagte der Rat.")]);
    let dct = Dct::parse("2022-01-12").ok();
    let docs = load_dir(&dir, dct).expect("load");
    assert_eq!(docs[0].entry.date, "2022-01-12");
    let t = build(
        &dir,
        &BuildOptions {
            dct,
            ..Default::default()
        },
    )
    .expect("build");
    assert_eq!(
        t.events.first().map(|e| e.date.as_str()),
        Some("2022-01-10")
    );
}

#[test]
fn no_date_is_an_error_naming_the_file_and_three_ways() {
    let dir = folder("nodate", &[("ohne.txt", "Am Montag tagte der Rat.")]);
    let e = build(&dir, &BuildOptions::default()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Input);
    let msg = e.to_string();
    assert!(msg.contains("ohne.txt"), "{msg}");
    assert!(msg.contains("documents.yaml"), "{msg}");
    assert!(
        msg.contains("front matter") || msg.contains("date:"),
        "{msg}"
    );
    assert!(msg.contains("--dct"), "{msg}");
}

#[test]
fn broken_documents_yaml_has_a_position() {
    let dir = folder(
        "badmeta",
        &[
            ("a.txt", "Text."),
            (
                "documents.yaml",
                "documents:\n  - file: a.txt\n    date: [\n",
            ),
        ],
    );
    let e = load_dir(&dir, None).unwrap_err();
    assert!(e.position().is_some(), "{e}");
    assert!(e.to_string().contains("documents.yaml"), "{e}");
}

#[test]
fn unknown_file_in_documents_yaml_is_an_error() {
    let dir = folder(
        "unknownfile",
        &[
            ("a.txt", "Text."),
            (
                "documents.yaml",
                "documents:\n  - file: b.txt\n    date: 2022-01-12\n",
            ),
        ],
    );
    let e = load_dir(&dir, None).unwrap_err();
    assert!(e.message().contains("b.txt"), "{e}");
}

fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
}

#[test]
fn sentence_splitting_survives_german_news() {
    let t = "Am 12. Januar trafen sich Vertreter, u. a. aus Moskau. Das Papier (Nr. 12) nennt z. B. Raketen. \
\"Es war keine einfache Diskussion\", sagte Stoltenberg. Er sagte: \"Wir bleiben im Dialog.\" Dann ging er.\n\n\
Geringe Erwartungen\n\nDie Gespräche dauerten bis zum 3. Die Presse wartete.";
    assert_eq!(
        sentences(t),
        vec![
            "Am 12. Januar trafen sich Vertreter, u. a. aus Moskau.",
            "Das Papier (Nr. 12) nennt z. B. Raketen.",
            "\"Es war keine einfache Diskussion\", sagte Stoltenberg.",
            "Er sagte: \"Wir bleiben im Dialog.\"",
            "Dann ging er.",
            "Geringe Erwartungen",
            "Die Gespräche dauerten bis zum 3.",
            "Die Presse wartete.",
        ]
    );
}

#[test]
fn seed_sentences_keep_dates_and_headlines() {
    let text = std::fs::read_to_string("seeds/001_d8df78eeccbfc399.txt").expect("read");
    let s = sentences(&text);
    assert!(s.contains(&"Hauptkonfliktpunkt: Ukraine"), "{s:#?}");
    assert!(s
        .iter()
        .any(|x| x.starts_with("Das Gremium wurde 2002 gegründet")
            && x.ends_with("in Krisenzeiten.")));
    assert!(s
        .iter()
        .any(|x| x.starts_with("Im Oktober des vergangenen Jahres")
            && x.ends_with("gearbeitet hatten.")));
}
