//! The five seed articles: every date, time, duration and set in them, with the values a careful
//! reader gives them under each article's document date (`seeds/documents.yaml`).

use std::path::Path;

use zeitstrahl::document::load_dir;
use zeitstrahl::{tag, Context, DocKind};

/// (file, [(text, type, value with `/end` for a range, mod)]) in text order.
type Expected = (
    &'static str,
    &'static [(&'static str, &'static str, &'static str, &'static str)],
);

const EXPECTED: &[Expected] = &[
    (
        "000_cd65002fcc34f07d.txt",
        &[
            ("Mittwoch", "DATE", "2022-01-12", ""),
            ("2019", "DATE", "2019", ""),
            ("Dienstag", "DATE", "2022-01-11", ""),
            ("Moment", "DATE", "PRESENT_REF", ""),
            ("Mittwoch", "DATE", "2022-01-12", ""),
            ("Mittwoch", "DATE", "2022-01-12", ""),
            ("Mittwochnachmittag", "TIME", "2022-01-12TAF", ""),
            ("2019", "DATE", "2019", ""),
        ],
    ),
    (
        "001_d8df78eeccbfc399.txt",
        &[
            ("Vormittag", "TIME", "2022-01-12TMO", ""),
            ("Juli 2019", "DATE", "2019-07", ""),
            ("viele Jahre", "DURATION", "PXY", ""),
            ("2002", "DATE", "2002", ""),
            ("fünf Jahre zuvor", "DATE", "1997", ""),
            ("monatlichen", "SET", "P1M", ""),
            ("Zweimal im Jahr", "SET", "P1Y", ""),
            ("zweieinhalb Jahren", "DURATION", "P30M", ""),
            ("2014", "DATE", "2014", ""),
            ("Jahr 2018", "DATE", "2018", ""),
            ("Oktober des vergangenen Jahres", "DATE", "2021-10", ""),
            ("jetzt", "DATE", "PRESENT_REF", ""),
            ("jetzt", "DATE", "PRESENT_REF", ""),
            ("Montag", "DATE", "2022-01-10", ""),
        ],
    ),
    (
        "002_efb81cc9e588d8cb.txt",
        &[
            ("9:51 Uhr", "TIME", "2022-01-12T09:51", ""),
            ("zweieinhalb Jahren", "DURATION", "P30M", ""),
            ("von 2011 bis 2018", "DATE", "2011/2018", ""),
            ("10:07 Uhr", "TIME", "2022-01-12T10:07", ""),
            ("vier Stunden", "DURATION", "PT4H", ""),
            ("Tagen", "DURATION", "PXD", ""),
            ("Tagen", "DURATION", "PXD", ""),
            ("Februar", "DATE", "2022-02", ""),
            ("2014", "DATE", "2014", ""),
        ],
    ),
    (
        // Only the month of this article is known; nothing in it needs the day.
        "003_16c73ae33b433678.txt",
        &[
            ("Drei Stunden", "DURATION", "PT3H", ""),
            ("fast vier", "DURATION", "PT4H", "LESS_THAN"),
            (
                "mehr als zweieinhalb Jahren",
                "DURATION",
                "P30M",
                "MORE_THAN",
            ),
            ("nächsten Tagen", "DURATION", "PXD", ""),
        ],
    ),
    (
        "004_ca7d69880d304911.txt",
        &[
            ("Eine halbe Stunde", "DURATION", "PT30M", ""),
            ("Mittwochnachmittag", "TIME", "2022-01-26TAF", ""),
            ("Wochen", "DURATION", "PXW", ""),
            ("Jahr 1997", "DATE", "1997", ""),
            ("November", "DATE", "2021-11", ""),
            ("fast eineinhalb Monate", "DURATION", "P1.5M", "LESS_THAN"),
        ],
    ),
];

#[test]
fn seed_articles_are_tagged_as_expected() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"));
    let docs = load_dir(dir, None).expect("seed folder loads");
    assert_eq!(docs.len(), EXPECTED.len());
    let mut failures = Vec::new();
    for (file, expected) in EXPECTED {
        let doc = docs
            .iter()
            .find(|d| d.entry.file == *file)
            .unwrap_or_else(|| panic!("{file} is loaded"));
        let ctx = Context {
            dct: Some(doc.dct),
            kind: DocKind::News,
        };
        let got: Vec<(String, String, String, String)> = tag(&doc.text, &ctx)
            .expect("seed tags")
            .into_iter()
            .map(|t| {
                let mut value = t.value.to_string();
                if let Some(end) = &t.range_end {
                    value = format!("{value}/{end}");
                }
                assert_eq!(&doc.text[t.start..t.end], t.text, "span is the text");
                (
                    t.text,
                    t.kind.to_string(),
                    value,
                    t.modifier.map(|m| m.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        let want: Vec<(String, String, String, String)> = expected
            .iter()
            .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{file}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
