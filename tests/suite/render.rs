//! The SVG timeline, its PNG and the report: honest axis, no overlaps over many generated
//! timelines, tooltips and links, same bytes for the same input.

use chrono::NaiveDate;
use serde_json::json;
use zeitstrahl::model::{Event, Timeline};
use zeitstrahl::render::layout::{self, Layout, PieceKind, Rect, Unit};
use zeitstrahl::render::{self, report, RenderOptions};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).expect("valid test date")
}

/// An event built through serde, so fields added to the model later keep their defaults.
fn ev(id: &str, title: &str, date: &str, extra: serde_json::Value) -> Event {
    let mut v = json!({"id": id, "title": title, "date": date, "sources": []});
    if let (Some(o), Some(e)) = (v.as_object_mut(), extra.as_object()) {
        for (k, val) in e {
            o.insert(k.clone(), val.clone());
        }
    }
    serde_json::from_value(v).expect("valid test event")
}

fn source(doc: &str, sentence: &str, timex: &str) -> serde_json::Value {
    json!({"doc": doc, "sentence": sentence, "timex": timex, "start": 0, "end": timex.len()})
}

/// Events from 1997 to a planned February 2022 with a dense January 2022, a 2011–2018 span,
/// year, month, day and clock-time precision, a hidden and an undatable event.
pub fn fixture() -> Timeline {
    let docs = json!([
        {"id": "a", "file": "a.txt", "date": "2022-01-12", "source": "Tagesblatt",
         "url": "https://example.org/a?x=1&y=2"},
        {"id": "b", "file": "b.txt", "date": "2022-01-12", "title": "Liveblog Brüssel"},
        {"id": "c", "file": "c.txt", "date": "2022-01"},
        {"id": "e", "file": "e.txt", "date": "2022-01-26", "source": "Abendpost"},
    ]);
    let events = vec![
        ev(
            "1997-grundakte",
            "Nato-Russland-Grundakte unterzeichnet",
            "1997-05-27",
            json!({
            "sources": [source("b", "1997 unterzeichneten beide Seiten die Grundakte.", "1997")]}),
        ),
        ev(
            "2002-rat",
            "Gründung des Nato-Russland-Rats",
            "2002-05-28",
            json!({}),
        ),
        ev(
            "2011-2018-zusammenarbeit",
            "Praktische Zusammenarbeit ausgesetzt",
            "2011",
            json!({"end": "2018"}),
        ),
        ev(
            "2014-krim",
            "Annexion der Krim durch Russland",
            "2014",
            json!({"category": "Konflikt"}),
        ),
        ev(
            "2018-treffen",
            "Letztes Treffen auf Botschafterebene vor der langen Pause",
            "2018",
            json!({}),
        ),
        ev(
            "2019-07-rat",
            "Letzte Sitzung des Nato-Russland-Rats",
            "2019-07",
            json!({}),
        ),
        ev(
            "2021-10-vertretung",
            "Russland schließt seine Vertretung bei der Nato",
            "2021-10",
            json!({"category": "Diplomatie"}),
        ),
        ev(
            "2021-12-entwuerfe",
            "Russland legt Vertragsentwürfe vor",
            "2021-12",
            json!({"category": "Diplomatie"}),
        ),
        ev(
            "2022-01-10-genf",
            "Strategischer Dialog der USA und Russlands in Genf",
            "2022-01-10",
            json!({"category": "Diplomatie"}),
        ),
        ev(
            "2022-01-11-vorgespraech",
            "Vorgespräche in Brüssel",
            "2022-01-11",
            json!({}),
        ),
        ev(
            "2022-01-12-rat",
            "Sitzung des Nato-Russland-Rats in Brüssel",
            "2022-01-12",
            json!({
            "category": "Diplomatie",
            "sources": [source("a", "Am Mittwoch tagte der Rat.", "Mittwoch")]}),
        ),
        ev(
            "2022-01-12-ankunft",
            "Ankunft der russischen Delegation",
            "2022-01-12T09:51",
            json!({
            "sources": [source("b", "Um 9:51 Uhr fuhr die Delegation vor.", "9:51 Uhr")]}),
        ),
        ev(
            "2022-01-12-beginn",
            "Beginn der Sitzung",
            "2022-01-12T10:07",
            json!({}),
        ),
        ev(
            "2022-01-13-osze",
            "Treffen des Ständigen Rats der OSZE in Wien",
            "2022-01-13",
            json!({"category": "Diplomatie"}),
        ),
        ev(
            "2022-01-truppen",
            "Truppenaufmarsch an der ukrainischen Grenze",
            "2022-01",
            json!({"category": "Konflikt"}),
        ),
        ev(
            "2022-01-26-antwort",
            "Nato und USA übergeben ihre schriftlichen Antworten",
            "2022-01-26TAF",
            json!({"category": "Diplomatie",
                   "sources": [source("e", "Am Mittwoch übergab die Nato ihre Antwort.", "Mittwoch")]}),
        ),
        ev(
            "2022-02-gespraeche",
            "Weitere Gespräche",
            "2022-02",
            json!({"planned": true}),
        ),
        ev(
            "2022-01-verborgen",
            "Verborgenes Ereignis XYZ",
            "2022-01-14",
            json!({"hidden": true}),
        ),
        ev("gegenwart", "Ohne Datum", "PRESENT_REF", json!({})),
    ];
    let documents = serde_json::from_value(docs).expect("valid documents");
    Timeline {
        title: Some("Nato-Russland-Rat: Gespräche im Januar 2022".to_string()),
        documents,
        events,
    }
}

/// The footer lines of a layout as one text.
fn footer_text(l: &Layout) -> String {
    l.footer
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn lay(t: &Timeline) -> Layout {
    layout::layout(t, &RenderOptions::default()).expect("layout")
}

fn item_of<'a>(l: &'a Layout, t: &Timeline, id: &str) -> &'a layout::Item {
    l.items
        .iter()
        .find(|it| t.events[it.event].id == id)
        .unwrap_or_else(|| panic!("{id} is drawn"))
}

#[test]
fn svg_is_self_contained_and_accessible() {
    let svg = render::svg(&fixture(), &RenderOptions::default()).expect("svg");
    let root = svg.lines().next().expect("root line");
    assert!(
        root.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{root}"
    );
    assert!(root.contains("width=\"1123\""), "{root}");
    assert!(root.contains("height=\"794\""), "{root}");
    assert!(root.contains("viewBox=\"0 0 1123 794\""), "{root}");
    assert!(
        svg.contains("<title id=\"zs-title\">Nato-Russland-Rat: Gespräche im Januar 2022</title>")
    );
    assert!(svg.contains("<desc id=\"zs-desc\">"));
    for bad in [
        "<script",
        "<style",
        "@import",
        "@font-face",
        "url(",
        "<image",
        "<foreignObject",
    ] {
        assert!(!svg.contains(bad), "{bad} in svg");
    }
    assert!(svg.ends_with("</svg>\n"));
    // Well-formed enough for a real XML parser.
    roxml_check(&svg);
}

/// Parses the SVG with resvg's parser (the one the PNG goes through).
fn roxml_check(svg: &str) {
    let png = render::png(svg).expect("svg parses and renders");
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn same_input_same_bytes() {
    let t = fixture();
    let a = render::svg(&t, &RenderOptions::default()).expect("svg");
    let b = render::svg(&t.clone(), &RenderOptions::default()).expect("svg");
    assert_eq!(a, b);
    assert_eq!(render::png(&a).expect("png"), render::png(&b).expect("png"));
    assert_eq!(report::html(&t, &a), report::html(&t, &b));
}

#[test]
fn hidden_and_undatable_events_are_not_drawn() {
    let t = fixture();
    let l = lay(&t);
    let svg = render::svg(&t, &RenderOptions::default()).expect("svg");
    assert!(!svg.contains("Verborgenes Ereignis"));
    assert!(!svg.contains("Ohne Datum"));
    assert!(l.items.iter().all(|it| !t.events[it.event].hidden));
    assert_eq!(l.items.len(), t.events.len() - 2);
    assert_eq!(l.skipped.len(), 2);
    // The undatable one is counted in the sources line, the hidden one is not.
    let footer = footer_text(&l);
    assert!(footer.contains("1 Ereignis ohne Kalenderdatum"), "{footer}");
    assert!(
        l.heading[1].text.ends_with("· 17 Ereignisse"),
        "{}",
        l.heading[1].text
    );
}

#[test]
fn a_year_is_a_bar_over_the_whole_year() {
    let t = fixture();
    let l = lay(&t);
    for (id, first, next) in [
        ("2018-treffen", d(2018, 1, 1), d(2019, 1, 1)),
        ("2014-krim", d(2014, 1, 1), d(2015, 1, 1)),
        ("2021-10-vertretung", d(2021, 10, 1), d(2021, 11, 1)),
        ("2011-2018-zusammenarbeit", d(2011, 1, 1), d(2019, 1, 1)),
        ("2022-02-gespraeche", d(2022, 2, 1), d(2022, 3, 1)),
    ] {
        let it = item_of(&l, &t, id);
        let (x0, x1) = match it.mark {
            layout::Mark::Bar { x0, x1, .. } | layout::Mark::Range { x0, x1, .. } => (x0, x1),
            layout::Mark::Point { .. } => panic!("{id} drawn as a point"),
        };
        assert!((x0 - l.axis.x(first)).abs() < 1e-9, "{id} starts at {x0}");
        assert!((x1 - l.axis.x(next)).abs() < 1e-9, "{id} ends at {x1}");
        assert!(x1 - x0 > 20.0, "{id} is {} px wide", x1 - x0);
    }
    // A day is a point, a clock time too, at the middle of its day.
    let it = item_of(&l, &t, "2022-01-12-ankunft");
    match it.mark {
        layout::Mark::Point { cx, .. } => {
            assert!((cx - l.axis.x_mid(d(2022, 1, 12))).abs() < 1e-9)
        }
        _ => panic!("a clock time is a point"),
    }
    assert!(it.date_label.contains("9:51 Uhr"), "{}", it.date_label);
    let it = item_of(&l, &t, "2022-01-26-antwort");
    assert_eq!(it.date_label, "26. Jan. 2022, nachmittags");
    let planned = item_of(&l, &t, "2022-02-gespraeche");
    assert!(planned.planned && planned.date_label.contains("geplant"));
}

#[test]
fn dense_january_is_expanded_and_long_gaps_are_breaks() {
    let t = fixture();
    let l = lay(&t);
    let unit_at = |day: NaiveDate| {
        l.axis
            .pieces
            .iter()
            .find(|p| p.start <= day && day < p.end)
            .map(|p| p.kind)
    };
    assert_eq!(unit_at(d(2022, 1, 12)), Some(PieceKind::Cell(Unit::Day)));
    assert_eq!(unit_at(d(2014, 6, 1)), Some(PieceKind::Cell(Unit::Year)));
    assert_eq!(
        unit_at(d(2005, 6, 1)),
        Some(PieceKind::Break),
        "2003–2010 is empty"
    );
    // Distinct days of the cluster are far enough apart for their marks.
    let days = [
        d(2022, 1, 10),
        d(2022, 1, 11),
        d(2022, 1, 12),
        d(2022, 1, 13),
    ];
    for w in days.windows(2) {
        assert!(l.axis.x_mid(w[1]) - l.axis.x_mid(w[0]) >= 2.0 * layout::R + 3.0);
    }
    let labels: Vec<&str> = l.tick_labels.iter().map(|t| t.text.as_str()).collect();
    assert!(labels.iter().any(|t| t.ends_with("Jahre")), "{labels:?}");
    assert!(labels.contains(&"2014"), "{labels:?}");
    assert!(labels.contains(&"12."), "{labels:?}");
    assert!(labels.contains(&"Jan. 2022"), "{labels:?}");
    assert!(!l.bands.is_empty(), "the expanded days are tinted");
}

/// Within a run of cells of one unit, a day is as wide everywhere: the scale never lies.
fn check_axis(l: &Layout) {
    let p = &l.axis.pieces;
    for w in p.windows(2) {
        assert!((w[0].x1 - w[1].x0).abs() < 1e-9, "pieces touch");
        assert_eq!(w[0].end, w[1].start, "no time is lost between pieces");
        assert!(w[0].x1 > w[0].x0);
        if let (PieceKind::Cell(a), PieceKind::Cell(b)) = (w[0].kind, w[1].kind) {
            if a == b {
                let per = |q: &layout::Piece| (q.x1 - q.x0) / (q.end - q.start).num_days() as f64;
                assert!(
                    (per(&w[0]) - per(&w[1])).abs() < 1e-9,
                    "linear within a run"
                );
            }
        }
    }
}

/// No label or mark overlaps another, no leader line crosses a label or a foreign mark, all
/// text stays on the canvas and above the axis, tick labels do not collide.
fn check_no_overlap(l: &Layout, what: &str) {
    let items = &l.items;
    for (i, a) in items.iter().enumerate() {
        assert!(
            !a.mark_rect.intersects(&a.label_rect),
            "{what}: own mark and label of {i}"
        );
        for r in [a.label_rect, a.mark_rect] {
            assert!(
                r.x0 >= 0.0 && r.x1 <= l.width,
                "{what}: item {i} off canvas: {r:?}"
            );
            assert!(
                r.y0 >= l.body_top - 1e-6 && r.y1 <= l.axis_y,
                "{what}: item {i} {r:?}"
            );
        }
        for line in &a.lines {
            let r = line.rect();
            let inside = r.x0 >= a.label_rect.x0 - 1e-6
                && r.x1 <= a.label_rect.x1 + 1e-6
                && r.y0 >= a.label_rect.y0 - 1e-6
                && r.y1 <= a.label_rect.y1 + 1e-6;
            assert!(inside, "{what}: a line of {i} leaves its label box");
        }
        for (j, b) in items.iter().enumerate().skip(i + 1) {
            for (ra, na) in [(a.label_rect, "label"), (a.mark_rect, "mark")] {
                for (rb, nb) in [(b.label_rect, "label"), (b.mark_rect, "mark")] {
                    assert!(
                        !ra.intersects(&rb),
                        "{what}: {na} {i} {ra:?} x {nb} {j} {rb:?}"
                    );
                }
            }
        }
    }
    for (i, a) in items.iter().enumerate() {
        let Some((x, y0, y1)) = a.leader else {
            continue;
        };
        let strip = Rect {
            x0: x - 0.5,
            y0,
            x1: x + 0.5,
            y1,
        };
        for (j, b) in items.iter().enumerate() {
            if i == j {
                continue;
            }
            assert!(
                !strip.intersects(&b.label_rect),
                "{what}: leader {i} crosses label {j}"
            );
            let same_day = matches!((&a.mark, &b.mark),
                (layout::Mark::Point { cx: p, .. }, layout::Mark::Point { cx: q, .. })
                    if (p - q).abs() < 1e-6);
            if !same_day {
                assert!(
                    !strip.intersects(&b.mark_rect),
                    "{what}: leader {i} crosses mark {j}"
                );
            }
        }
    }
    let ticks: Vec<Rect> = l.tick_labels.iter().map(|t| t.rect()).collect();
    for (i, a) in ticks.iter().enumerate() {
        assert!(
            a.x0 >= 0.0 && a.x1 <= l.width,
            "{what}: tick label off canvas"
        );
        for b in &ticks[i + 1..] {
            assert!(!a.intersects(b), "{what}: tick labels {a:?} {b:?}");
        }
    }
}

/// Every mark sits where its time is: a point in the middle of its day, inside a drawn cell
/// (never inside a break); a bar from the first day of its month, year or span to the end of
/// the last one.
fn check_honest_marks(t: &Timeline, l: &Layout, what: &str) {
    use zeitstrahl::model::DateSpan;
    let in_cell = |day: NaiveDate| {
        l.axis
            .pieces
            .iter()
            .find(|p| p.start <= day && day < p.end)
            .is_some_and(|p| matches!(p.kind, PieceKind::Cell(_)))
    };
    for it in &l.items {
        let ev = &t.events[it.event];
        let first = DateSpan::parse(&ev.date).expect("drawn events have dates");
        let last = ev.end.as_deref().and_then(DateSpan::parse).unwrap_or(first);
        let next = last.last.succ_opt().expect("a next day");
        match it.mark {
            layout::Mark::Point { cx, .. } => {
                assert!(ev.end.is_none(), "{what}: a span drawn as a point");
                assert!(
                    (cx - l.axis.x_mid(first.first)).abs() < 1e-9,
                    "{what}: {}",
                    ev.id
                );
                assert!(in_cell(first.first), "{what}: {} lies in a break", ev.id);
            }
            layout::Mark::Bar { x0, x1, .. } | layout::Mark::Range { x0, x1, .. } => {
                assert!(
                    (x0 - l.axis.x(first.first)).abs() < 1e-9,
                    "{what}: {}",
                    ev.id
                );
                let end = l.axis.x(next).max(x0 + 3.0);
                assert!((x1 - end).abs() < 1e-9, "{what}: {} ends at {x1}", ev.id);
                let (lo, hi) = l.axis.range().expect("an axis");
                let (a, b) = (first.first.max(lo), last.last.min(hi));
                assert!(in_cell(a) && in_cell(b), "{what}: {}", ev.id);
                let cut = (first.first < lo, last.last > hi);
                assert_eq!(it.cut, cut, "{what}: {}", ev.id);
            }
        }
    }
}

/// A small linear congruential generator: the same timelines on every run.
pub struct Lcg(pub u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const WORDS: [&str; 16] = [
    "Treffen",
    "Nato-Russland-Rat",
    "Sitzung",
    "in",
    "Brüssel",
    "Gespräche",
    "über",
    "Sicherheitsgarantien",
    "und",
    "Abrüstung",
    "der",
    "Außenminister",
    "Truppenaufmarsch",
    "Verhandlungen",
    "Donaudampfschifffahrtsgesellschaft",
    "Wien",
];

pub fn random_timeline(rng: &mut Lcg) -> Timeline {
    let n = 1 + rng.below(40) as usize;
    // A base year and a spread: some timelines cover centuries, some a few weeks.
    let base = 1900 + rng.below(120) as i32;
    let spread = [0, 1, 3, 10, 40, 120][rng.below(6) as usize];
    // Some timelines cluster most events into one month.
    let cluster = rng.below(3) == 0;
    let categories = [
        "Politik",
        "Militär",
        "Diplomatie",
        "Wirtschaft",
        "Recht",
        "Kultur",
        "Sport",
    ];
    let ncat = rng.below(8) as usize;
    let mut events = Vec::new();
    for k in 0..n {
        let y = if cluster && rng.below(4) > 0 {
            base
        } else {
            base + rng.below(spread + 1) as i32
        };
        let m = if cluster { 3 } else { 1 + rng.below(12) as u32 };
        let dd = 1 + rng.below(28) as u32;
        let date = match rng.below(10) {
            0 | 1 => format!("{y}"),
            2 | 3 => format!("{y}-{m:02}"),
            4 => format!(
                "{y}-{m:02}-{dd:02}T{:02}:{:02}",
                rng.below(24),
                rng.below(60)
            ),
            _ => format!("{y}-{m:02}-{dd:02}"),
        };
        let words = 1 + rng.below(14) as usize;
        let title: Vec<&str> = (0..words).map(|_| WORDS[rng.below(16) as usize]).collect();
        let mut extra = serde_json::Map::new();
        if rng.below(8) == 0 {
            extra.insert(
                "end".into(),
                json!(format!("{}", y + 1 + rng.below(6) as i32)),
            );
        }
        if rng.below(6) == 0 {
            extra.insert("planned".into(), json!(true));
        }
        if rng.below(12) == 0 {
            extra.insert("hidden".into(), json!(true));
        }
        if ncat > 0 {
            let c = categories[rng.below(ncat as u64) as usize];
            extra.insert("category".into(), json!(c));
        }
        events.push(ev(
            &format!("e{k}"),
            &title.join(" "),
            &date,
            serde_json::Value::Object(extra),
        ));
    }
    Timeline {
        title: Some(format!("Zufallszeitstrahl {base}")),
        documents: Vec::new(),
        events,
    }
}

#[test]
fn no_overlaps_over_many_generated_timelines() {
    let mut rng = Lcg(20220112);
    let mut drawn = 0;
    let mut with_leader = 0;
    let mut points = 0;
    for case in 0..250 {
        let t = random_timeline(&mut rng);
        let width = [1123, 1123, 800, 1600, 500][case % 5];
        let mut opts = RenderOptions {
            width,
            ..RenderOptions::default()
        };
        // Every third timeline is cut by --from/--to inside its years.
        let years: Vec<i32> = t
            .events
            .iter()
            .filter_map(|e| zeitstrahl::model::DateSpan::parse(&e.date))
            .map(|s| s.year())
            .collect();
        if let (Some(lo), Some(hi)) = (years.iter().min(), years.iter().max()) {
            if case % 3 == 2 && hi - lo >= 2 {
                opts.from = Some(d(lo + 1, 7, 15));
                opts.to = Some(d(*hi, 3, 10));
            }
        }
        let l = layout::layout(&t, &opts).expect("layout");
        if let (Some(from), Some((first, last))) = (opts.from, l.axis.range()) {
            assert!(
                first >= from && Some(last) <= opts.to,
                "case {case}: the axis keeps to the cut"
            );
        }
        let what = format!("case {case} ({} events, width {width})", t.events.len());
        check_axis(&l);
        check_no_overlap(&l, &what);
        check_honest_marks(&t, &l, &what);
        for it in &l.items {
            if matches!(it.mark, layout::Mark::Point { .. }) {
                points += 1;
                with_leader += usize::from(it.leader.is_some());
            }
        }
        drawn += l.items.len();
        // Chronological reading order (of what the picture shows: a cut bar from the cut).
        let shown = |i: usize| {
            let s = zeitstrahl::model::DateSpan::parse(&t.events[i].date).expect("date");
            s.first.max(l.axis.range().expect("an axis").0)
        };
        for w in l.items.windows(2) {
            assert!(shown(w[0].event) <= shown(w[1].event), "{what}: order");
        }
    }
    assert!(drawn > 2000, "the generator draws enough events: {drawn}");
    // Leader lines are dropped only where nothing else fits.
    assert!(
        with_leader * 10 >= points * 9,
        "{with_leader} of {points} points keep a leader"
    );
}

#[test]
fn the_fixture_has_no_overlaps_at_several_widths() {
    let t = fixture();
    for width in [500, 800, 1123, 2000] {
        let opts = RenderOptions {
            width,
            ..RenderOptions::default()
        };
        let l = layout::layout(&t, &opts).expect("layout");
        check_axis(&l);
        check_no_overlap(&l, &format!("fixture at {width}"));
        let svg = render::svg(&t, &opts).expect("svg");
        assert!(svg.contains(&format!("width=\"{width}\"")));
    }
}

#[test]
fn every_event_has_a_tooltip_and_a_link_where_there_is_a_url() {
    let t = fixture();
    let svg = render::svg(&t, &RenderOptions::default()).expect("svg");
    let groups: Vec<&str> = svg.split("<g id=\"event-").skip(1).collect();
    assert_eq!(groups.len(), t.events.len() - 2);
    for g in &groups {
        assert!(g.contains("class=\"event\">\n<title>"), "{g}");
    }
    let rat = groups
        .iter()
        .find(|g| {
            g.contains("Sitzung des Nato-Russland-Rats in Brüssel</title>")
                || g.contains("Sitzung des Nato-Russland-Rats in Brüssel\n")
        })
        .expect("the council meeting");
    assert!(rat.contains("<title>12. Jan. 2022: Sitzung des Nato-Russland-Rats in Brüssel"));
    assert!(rat.contains("Quelle: Tagesblatt („Mittwoch“): Am Mittwoch tagte der Rat."));
    assert!(
        rat.contains("<a href=\"https://example.org/a?x=1&amp;y=2\""),
        "{rat}"
    );
    // Groups follow the time line.
    let pos = |s: &str| svg.find(s).unwrap_or_else(|| panic!("{s}"));
    assert!(pos("Nato-Russland-Grundakte") < pos("Annexion der Krim"));
    assert!(pos("Annexion der Krim") < pos("<title>12. Jan. 2022: Sitzung"));
    assert!(pos("<title>12. Jan. 2022: Sitzung") < pos("Weitere Gespräche"));
}

#[test]
fn categories_differ_by_shape_and_colour() {
    let t = fixture();
    let l = lay(&t);
    let a = item_of(&l, &t, "2014-krim");
    let b = item_of(&l, &t, "2022-01-12-rat");
    let c = item_of(&l, &t, "2022-01-11-vorgespraech");
    assert_ne!(a.shape, b.shape);
    assert_ne!(a.color, b.color);
    assert_ne!(b.shape, c.shape);
    let legend: Vec<&str> = l.legend.iter().map(|e| e.text.text.as_str()).collect();
    for want in [
        "Diplomatie",
        "Konflikt",
        "ohne Kategorie",
        "Tag",
        "Zeitraum",
        "geplant",
    ] {
        assert!(legend.contains(&want), "{want} in {legend:?}");
    }
}

#[test]
fn from_and_to_cut_the_time_line() {
    let t = fixture();
    let opts = RenderOptions {
        from: Some(d(2021, 1, 1)),
        to: Some(d(2022, 1, 31)),
        ..RenderOptions::default()
    };
    let l = layout::layout(&t, &opts).expect("layout");
    let (first, last) = l.axis.range().expect("an axis");
    assert!(
        first >= d(2021, 1, 1) && last <= d(2022, 1, 31),
        "{first} {last}"
    );
    let ids: Vec<&str> = l
        .items
        .iter()
        .map(|it| t.events[it.event].id.as_str())
        .collect();
    assert!(
        !ids.contains(&"2014-krim") && !ids.contains(&"2022-02-gespraeche"),
        "{ids:?}"
    );
    assert!(ids.contains(&"2021-10-vertretung"));
    check_no_overlap(&l, "from/to");
    let bad = RenderOptions {
        from: Some(d(2022, 1, 1)),
        to: Some(d(2021, 1, 1)),
        ..RenderOptions::default()
    };
    let e = layout::layout(&t, &bad).expect_err("from after to");
    assert_eq!(e.kind(), zeitstrahl::ErrorKind::Usage);
}

#[test]
fn an_empty_timeline_still_draws() {
    let t = Timeline::default();
    let svg = render::svg(&t, &RenderOptions::default()).expect("svg");
    assert!(svg.contains("keine datierten Ereignisse"));
    render::png(&svg).expect("png");
    let one = Timeline {
        title: None,
        documents: Vec::new(),
        events: vec![ev("x", "Einziges Ereignis", "2022-01-12", json!({}))],
    };
    let l = lay(&one);
    check_no_overlap(&l, "one event");
    assert_eq!(l.items.len(), 1);
    assert!(
        l.heading[1].text.ends_with("· 1 Ereignis"),
        "{}",
        l.heading[1].text
    );
}

#[test]
fn png_is_rendered_with_the_shipped_font() {
    use resvg::tiny_skia::Pixmap;
    let svg = render::svg(&fixture(), &RenderOptions::default()).expect("svg");
    let png = render::png(&svg).expect("png");
    let pix = Pixmap::decode_png(&png).expect("decodes");
    assert_eq!((pix.width(), pix.height()), (2246, 1588));
    // The heading is black text: its box holds dark pixels only if the font was found.
    let l = lay(&fixture());
    let r = l.heading[0].rect();
    let mut dark = 0;
    for y in (r.y0 * 2.0) as u32..(r.y1 * 2.0) as u32 {
        for x in (r.x0 * 2.0) as u32..(r.x1 * 2.0) as u32 {
            let p = pix.pixel(x, y).expect("inside");
            if p.red() < 100 && p.green() < 100 && p.blue() < 100 {
                dark += 1;
            }
        }
    }
    assert!(dark > 500, "{dark} dark pixels in the heading");
}

#[test]
fn report_embeds_the_picture_and_tells_it_in_text() {
    let t = fixture();
    let svg = render::svg(&t, &RenderOptions::default()).expect("svg");
    let md = report::markdown(&t, "timeline.svg", "timeline.png");
    assert!(md.starts_with("# Nato-Russland-Rat: Gespräche im Januar 2022\n"));
    assert!(md.contains("](timeline.svg)"));
    assert!(md.contains("(timeline.png)"));
    assert!(md.contains("| Datum | Ereignis | Quellen |"));
    assert!(md.contains("| 12. Jan. 2022 | Sitzung des Nato-Russland-Rats in Brüssel | Tagesblatt, 12. Jan. 2022 („Mittwoch“): „Am Mittwoch tagte der Rat.“ |"), "{md}");
    assert!(md.contains("| 2011–2018 | Praktische Zusammenarbeit ausgesetzt |"));
    assert!(md.contains("| Feb. 2022 (geplant) | Weitere Gespräche |"));
    assert!(!md.contains("Verborgenes"));
    assert!(md.contains("## Dokumente"));
    assert!(
        md.contains("- [Tagesblatt](https://example.org/a?x=1&y=2): 12. Jan. 2022"),
        "{md}"
    );
    assert!(md.contains("- c.txt: Jan. 2022"));
    // Rows in time order.
    assert!(md.find("| 27. Mai 1997").expect("1997") < md.find("| 2014").expect("2014"));
    let html = report::html(&t, &svg);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg xmlns="));
    assert!(html.contains("<td class=\"date\">12. Jan. 2022</td>"));
    assert!(html.contains("<blockquote>Am Mittwoch tagte der Rat.</blockquote>"));
    assert!(!html.contains("<script"));
    let files = render::report_files(&t, &RenderOptions::default()).expect("files");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["timeline.svg", "timeline.png", "report.md", "report.html"]
    );
}

/// Ink per cell of a 24×16 grid: the share of dark pixels, so pictures of different scales
/// compare.
fn ink_grid(pix: &resvg::tiny_skia::Pixmap) -> Vec<f64> {
    let (gw, gh) = (24u32, 16u32);
    let mut ink = vec![0.0; (gw * gh) as usize];
    let mut count = vec![0.0; (gw * gh) as usize];
    for y in 0..pix.height() {
        for x in 0..pix.width() {
            let p = pix.pixel(x, y).expect("inside");
            let luma =
                0.3 * f64::from(p.red()) + 0.59 * f64::from(p.green()) + 0.11 * f64::from(p.blue());
            let cell = ((y * gh / pix.height()) * gw + x * gw / pix.width()) as usize;
            count[cell] += 1.0;
            if luma < 160.0 {
                ink[cell] += 1.0;
            }
        }
    }
    ink.iter().zip(&count).map(|(i, c)| i / c).collect()
}

/// Run by `scripts/browser-check.sh`: the browser's screenshot of the SVG has the size the SVG
/// asks for, is not blank, and puts its ink where zeitstrahl's own PNG does.
#[test]
#[ignore = "needs a browser screenshot: run scripts/browser-check.sh"]
fn browser_screenshot_matches_the_svg() {
    use resvg::tiny_skia::Pixmap;
    let shot = std::env::var("ZEITSTRAHL_SCREENSHOT").expect("ZEITSTRAHL_SCREENSHOT is set");
    let svg_path = std::env::var("ZEITSTRAHL_SVG").expect("ZEITSTRAHL_SVG is set");
    let svg = std::fs::read_to_string(&svg_path).expect("svg readable");
    let browser = Pixmap::decode_png(&std::fs::read(&shot).expect("screenshot")).expect("png");
    let root = svg.lines().next().expect("root");
    let attr = |name: &str| -> u32 {
        let start = root.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        root[start..]
            .split('"')
            .next()
            .expect("value")
            .parse()
            .expect("number")
    };
    assert_eq!(
        (browser.width(), browser.height()),
        (attr("width"), attr("height"))
    );
    let ours = Pixmap::decode_png(&render::png(&svg).expect("png")).expect("png");
    let (a, b) = (ink_grid(&browser), ink_grid(&ours));
    let total: f64 = a.iter().sum::<f64>() / a.len() as f64;
    assert!(
        total > 0.005,
        "the browser drew almost nothing: ink {total:.4}"
    );
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let (ma, mb) = (mean(&a), mean(&b));
    let cov: f64 = a.iter().zip(&b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let var = |v: &[f64], m: f64| v.iter().map(|x| (x - m).powi(2)).sum::<f64>();
    let r = cov / (var(&a, ma) * var(&b, mb)).sqrt();
    println!("browser check: ink {total:.4}, correlation with the resvg rendering {r:.3}");
    assert!(
        r > 0.85,
        "the browser's picture differs from the svg's own rendering: r = {r:.3}"
    );
}

#[test]
fn odd_input_still_gives_a_valid_picture() {
    let long = "Sehr ".repeat(400);
    let t = Timeline {
        title: Some("A & B <c> \"d\" \u{1}".to_string()),
        documents: serde_json::from_value(json!([
            {"id": "x", "file": "x.txt", "date": "kein Datum", "url": "https://e.org/?a=<b>&c=\"d\""}
        ]))
        .expect("documents"),
        events: vec![
            ev("a", "Steuerzeichen \u{7} und <Tags> & \"Zitate\"", "2022-01-12", json!({
                "sources": [source("x", "Satz mit \u{1b} Escape.", "heute")]})),
            ev("b", &long, "2022-01-12", json!({})),
            ev("c", "", "2022-01-13", json!({})),
            ev("d", "Rückwärts", "2018", json!({"end": "2011"})),
            ev("e", "Antike", "0800", json!({})),
            ev("f", "Lange Kategorie", "2022-01-14",
                json!({"category": "Kategorie ".repeat(30)})),
        ],
    };
    let l = lay(&t);
    check_axis(&l);
    check_no_overlap(&l, "odd input");
    let b = item_of(&l, &t, "b");
    assert_eq!(
        b.lines.len(),
        1 + layout::TITLE_LINES,
        "long titles are cut"
    );
    assert!(b.lines.last().expect("a line").text.ends_with('…'));
    assert!(l.legend.iter().all(|e| e.text.rect().x1 <= l.width));
    let svg = render::svg(&t, &RenderOptions::default()).expect("svg");
    assert!(
        !svg.chars().any(|c| c.is_control() && c != '\n'),
        "no control characters"
    );
    assert!(svg.contains("A &amp; B &lt;c&gt; &quot;d&quot;"));
    assert!(svg.contains("href=\"https://e.org/?a=&lt;b&gt;&amp;c=&quot;d&quot;\""));
    let png = render::png(&svg).expect("a real XML parser reads it");
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn a_bar_cut_by_from_says_so() {
    let t = fixture();
    let opts = RenderOptions {
        from: Some(d(2014, 6, 1)),
        ..RenderOptions::default()
    };
    let l = layout::layout(&t, &opts).expect("layout");
    let span = item_of(&l, &t, "2011-2018-zusammenarbeit");
    assert_eq!(span.cut, (true, false));
    assert_eq!(
        span.date_label, "2011–2018",
        "the label keeps the whole span"
    );
    assert_eq!(l.axis.range().expect("axis").0, d(2014, 6, 1));
    assert_eq!(item_of(&l, &t, "2018-treffen").cut, (false, false));
    check_no_overlap(&l, "from 2014-06");
}

#[test]
fn the_cell_unit_follows_the_time_range() {
    let timeline = |dates: &[&str]| Timeline {
        title: None,
        documents: Vec::new(),
        events: dates
            .iter()
            .enumerate()
            .map(|(i, date)| ev(&format!("e{i}"), "Ereignis", date, json!({})))
            .collect(),
    };
    let units = |l: &Layout| -> Vec<Unit> {
        l.axis
            .pieces
            .iter()
            .filter_map(|p| match p.kind {
                PieceKind::Cell(u) => Some(u),
                PieceKind::Break => None,
            })
            .collect()
    };
    // Three weeks: days, with the empty stretch between them a break.
    let t = timeline(&["2022-01-03", "2022-01-04", "2022-01-24"]);
    let l = lay(&t);
    assert!(units(&l).iter().all(|&u| u == Unit::Day));
    assert!(l.axis.pieces.iter().any(|p| p.kind == PieceKind::Break));
    // Half a year of months, one month holding two days: that month in days.
    let t = timeline(&["2021-08", "2021-10", "2021-12-01", "2021-12-20", "2022-02"]);
    let l = lay(&t);
    let u = units(&l);
    assert!(u.contains(&Unit::Month) && u.contains(&Unit::Day) && !u.contains(&Unit::Year));
    // Decades: years; a lone day in a year stays a point in its year cell.
    let t = timeline(&["1990", "1995-03-04", "2001"]);
    let l = lay(&t);
    assert!(
        units(&l).iter().all(|&u| u == Unit::Year),
        "{:?}",
        units(&l)
    );
    check_no_overlap(&l, "decades");
    // A single day fills the axis with one cell.
    let l = lay(&timeline(&["2022-01-12"]));
    assert_eq!(units(&l), [Unit::Day]);
}

#[test]
fn a_crowded_timeline_draws_the_most_reported_events_and_says_how_many_more() {
    let docs: Vec<serde_json::Value> = (0..20)
        .map(|k| json!({"id": format!("d{k:02}"), "file": format!("d{k:02}.txt"), "date": "2022-01-12"}))
        .collect();
    // 100 events over 2021; event k is told by (k % 7) + 1 documents.
    let events: Vec<Event> = (0..100)
        .map(|k| {
            let sources: Vec<serde_json::Value> = (0..(k % 7) + 1)
                .map(|s| source(&format!("d{s:02}"), "Ein Satz.", "2021"))
                .collect();
            let date = format!("2021-{:02}-{:02}", 1 + k % 12, 1 + k % 28);
            ev(
                &format!("e{k}"),
                &format!("Ereignis {k}"),
                &date,
                json!({"sources": sources}),
            )
        })
        .collect();
    let t: Timeline =
        serde_json::from_value(json!({"documents": docs, "events": events})).expect("timeline");
    let l = lay(&t);
    assert_eq!(l.items.len(), layout::MAX_DRAWN);
    // Those drawn are told by at least as many documents as any left out.
    let docs_of = |i: usize| (i % 7) + 1;
    let least_drawn = l
        .items
        .iter()
        .map(|it| docs_of(it.event))
        .min()
        .expect("drawn");
    let drawn: Vec<usize> = l.items.iter().map(|it| it.event).collect();
    let most_left = (0..100)
        .filter(|i| !drawn.contains(i))
        .map(docs_of)
        .max()
        .expect("left out");
    assert!(least_drawn >= most_left, "{least_drawn} < {most_left}");
    let footer = footer_text(&l);
    assert!(footer.contains("70 weitere"), "{footer}");
    assert!(footer.contains("20 Dokumente"), "{footer}");
    assert!(
        l.heading[1]
            .text
            .contains("30 meistgenannten von 100 Ereignissen"),
        "{}",
        l.heading[1].text
    );
    check_no_overlap(&l, "crowded");
}
