//! Merging events across documents: the same event told by several articles becomes one event
//! with several sources.
//!
//! Two tellings are the same event when
//!
//! - their times are compatible: one interval lies within the other (`2022-01` and `2022-01-12`,
//!   `2019` and `2019-07`), two clock times are equal, and both or neither are spans; and
//! - their sentences say the same thing: they share at least two content words (stems of the
//!   words that are not function words, time words or numbers, compound parts counted on their
//!   own; three when the times differ in precision), or they share the noun naming the event
//!   in their titles, counted by class ("Sitzung" and "Treffen", "Anschlag" and "Angriff").
//!
//! The procedure is greedy over a canonical order of the tellings (the most precise time first,
//! then date, document and offset), so it depends only on the set of tellings: merging the
//! timelines of two folders gives the same timeline as building from both at once. Each
//! telling joins the cluster it shares most with whose every member is compatible with it.
//! The merged event takes the most precise date any telling supports, the best title (an event
//! noun phrase before a nominalised verb before a statement before a fallback) and every source.

use std::cmp::Ordering;

use rayon::prelude::*;

use crate::event::{self, RawEvent};
use crate::model::{DateSpan, DocumentEntry, Event, Precision, Source, Timeline};

/// Merges the tellings of all documents into a timeline, events sorted by date.
pub fn merge(raw: Vec<RawEvent>, documents: Vec<DocumentEntry>) -> Timeline {
    merge_with(raw, documents, &[], None)
}

/// Merges timelines built from different documents; gives the same result as building from all
/// their documents at once. Hidden flags, categories and notes are carried over; events without
/// sources (added by hand) are kept as they are.
pub fn merge_timelines(parts: Vec<Timeline>) -> Timeline {
    let mut documents: Vec<DocumentEntry> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut title = None;
    let mut raw = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    let mut manual = Vec::new();
    for part in parts {
        title = title.or(part.title);
        for d in part.documents {
            if seen.insert(d.id.clone()) {
                documents.push(d);
            }
        }
        for e in part.events {
            if e.sources.is_empty() {
                manual.push(e);
                continue;
            }
            for s in &e.sources {
                raw.push(explode(&e, s));
                if e.hidden || e.category.is_some() || e.note.is_some() {
                    marks.push((
                        s.doc.clone(),
                        s.start,
                        e.hidden,
                        e.category.clone(),
                        e.note.clone(),
                    ));
                }
            }
        }
    }
    let mut t = merge_with(raw, documents, &marks, title);
    t.events.extend(manual);
    finish(&mut t);
    t
}

/// The user's marks on the event a source belongs to: doc, start, hidden, category, note.
type Mark = (String, usize, bool, Option<String>, Option<String>);

/// A telling of an event again, from one of its sources.
fn explode(e: &Event, s: &Source) -> RawEvent {
    let date = s.date.clone().unwrap_or_else(|| e.date.clone());
    let (title, quality) =
        event::source_title(&s.sentence, &s.timex).unwrap_or_else(|| (e.title.clone(), 0));
    RawEvent {
        planned: event::is_planned(&date, s.anchor.as_deref()),
        title,
        quality,
        date,
        end: e.end.clone(),
        source: Source {
            date: None,
            ..s.clone()
        },
    }
}

/// A telling with what the merge needs to know about it.
struct Item<'a> {
    raw: &'a RawEvent,
    span: DateSpan,
    end: Option<DateSpan>,
    /// Content words as numbers (one per distinct word), in text order.
    words: Vec<u32>,
    /// The same, sorted and each once, for looking up.
    word_set: Vec<u32>,
    /// The event nouns of the title (`event_heads`), as numbers.
    heads: Vec<u32>,
    /// The document and the sentence, as numbers.
    doc: u32,
    sentence: u32,
    /// The hours of the part of day the date names ("TAF"), if it names one.
    part_of_day: Option<(u32, u32)>,
    /// A number for what `compatible` and `similarity` read of an item as a cluster member:
    /// tellings with equal numbers (the same sentence in many articles) are compared once.
    kind: u32,
}

/// What `compatible` and `similarity` read of a cluster member.
type Kind = (
    Vec<u32>,
    Vec<u32>,
    DateSpan,
    Option<(u32, u32)>,
    Option<DateSpan>,
    Option<String>,
);

/// A cluster of tellings: its members in order, one member of each kind, and the first
/// telling's start in each (document, sentence) it has a member in.
struct Cluster {
    members: Vec<usize>,
    /// The event nouns of its members.
    heads: Vec<u32>,
    kinds: Vec<(u32, usize)>,
    sentences: FastMap<(u32, u32), usize>,
}

impl Cluster {
    fn new() -> Cluster {
        Cluster {
            members: Vec::new(),
            heads: Vec::new(),
            kinds: Vec::new(),
            sentences: FastMap::default(),
        }
    }

    fn add(&mut self, i: usize, item: &Item) {
        self.members.push(i);
        for h in &item.heads {
            if !self.heads.contains(h) {
                self.heads.push(*h);
            }
        }
        if !self.kinds.iter().any(|(k, _)| *k == item.kind) {
            self.kinds.push((item.kind, i));
        }
        self.sentences
            .entry((item.doc, item.sentence))
            .or_insert(item.raw.source.start);
    }
}

/// FxHash (as rustc uses it): a fast hash for the merge's maps of numbers and short strings.
/// Deterministic; nothing iterates these maps into the output anyway.
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_i32(&mut self, i: i32) {
        self.add(u64::from(i as u32));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// Numbers for strings: equal strings get equal numbers, so comparing them is cheap.
#[derive(Default)]
struct Interner(FastMap<String, u32>);

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.0.get(s) {
            return id;
        }
        let id = self.0.len() as u32;
        self.0.insert(s.to_string(), id);
        id
    }
}

fn merge_with(
    raw: Vec<RawEvent>,
    documents: Vec<DocumentEntry>,
    marks: &[Mark],
    title: Option<String>,
) -> Timeline {
    // The tellings in canonical order, each (document, offset, date) once.
    let mut tellings: Vec<(RawEvent, DateSpan)> = raw
        .into_iter()
        .filter_map(|r| {
            let span = DateSpan::parse(&r.date)?;
            Some((r, span))
        })
        .collect();
    tellings.par_sort_by(|a, b| canonical_order(&a.0, &a.1, &b.0, &b.1));
    tellings.dedup_by(|a, b| {
        a.0.source.doc == b.0.source.doc
            && a.0.source.start == b.0.source.start
            && a.0.date == b.0.date
    });
    let (raws, spans): (Vec<RawEvent>, Vec<DateSpan>) = tellings.into_iter().unzip();

    // Tellings whose spans do not overlap are never compatible, so never in one cluster, and
    // neither changes which cluster the other joins: each group of overlapping spans is
    // merged on its own (in parallel), and the clusters are put back in the order the greedy
    // procedure over all tellings makes them, by their first member.
    let mut clusters: Vec<Vec<usize>> = overlapping_groups(&spans)
        .par_iter()
        .flat_map_iter(|group| cluster_group(&raws, &spans, group))
        .collect();
    clusters.sort_unstable_by_key(|members| members[0]);

    let events: Vec<Event> = clusters
        .par_iter()
        .map(|members| cluster_event(&raws, members, marks))
        .collect();
    let mut documents = documents;
    documents.sort_by(|a, b| a.id.cmp(&b.id));
    let mut t = Timeline {
        title,
        documents,
        events,
    };
    finish(&mut t);
    t
}

/// The order tellings are merged in: the most precise time first (a part of day before the
/// bare day), then date, document and offset.
fn canonical_order(a: &RawEvent, sa: &DateSpan, b: &RawEvent, sb: &DateSpan) -> Ordering {
    sa.precision
        .cmp(&sb.precision)
        .then(b.date.len().cmp(&a.date.len()))
        .then_with(|| a.date.cmp(&b.date))
        .then_with(|| a.source.doc.cmp(&b.source.doc))
        .then(a.source.start.cmp(&b.source.start))
        .then(a.source.end.cmp(&b.source.end))
}

/// The tellings (indices into `spans`, ascending) in groups whose spans overlap, chained:
/// the connected components of overlapping days.
fn overlapping_groups(spans: &[DateSpan]) -> Vec<Vec<usize>> {
    let mut by_first: Vec<usize> = (0..spans.len()).collect();
    by_first.sort_unstable_by_key(|&i| spans[i].first);
    let mut group = vec![0usize; spans.len()];
    let mut count = 0;
    let mut reach: Option<chrono::NaiveDate> = None;
    for &i in &by_first {
        let s = &spans[i];
        match reach {
            Some(r) if s.first <= r => reach = Some(r.max(s.last)),
            _ => {
                count += 1;
                reach = Some(s.last);
            }
        }
        group[i] = count - 1;
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, g) in group.into_iter().enumerate() {
        groups[g].push(i);
    }
    // The largest first, so that two threads finish about together.
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
}

/// The strings `make` gives for the string numbered `id`, as numbers, made once.
fn cached(
    cache: &mut FastMap<u32, Vec<u32>>,
    id: u32,
    strings: &mut Interner,
    make: impl FnOnce() -> Vec<String>,
) -> Vec<u32> {
    cache
        .entry(id)
        .or_insert_with(|| make().iter().map(|w| strings.id(w)).collect())
        .clone()
}

/// The greedy merge of one group of tellings (indices ascending in canonical order): its
/// clusters, each as its members' indices, ascending.
fn cluster_group(raws: &[RawEvent], spans: &[DateSpan], group: &[usize]) -> Vec<Vec<usize>> {
    let mut strings = Interner::default();
    let mut kinds: FastMap<Kind, u32> = FastMap::default();
    // The content words of each sentence and title, and the event nouns of each title, by
    // their numbers: many tellings share a sentence or a title.
    let mut words_of: FastMap<u32, Vec<u32>> = FastMap::default();
    let mut heads_of: FastMap<u32, Vec<u32>> = FastMap::default();
    let items: Vec<Item> = group
        .iter()
        .map(|&g| {
            let r = &raws[g];
            let span = spans[g];
            let end = r.end.as_deref().and_then(DateSpan::parse);
            let (doc, sentence) = (strings.id(&r.source.doc), strings.id(&r.source.sentence));
            let title = strings.id(&r.title);
            // The content words of the sentence, then those of the title it lacks.
            let mut words = cached(&mut words_of, sentence, &mut strings, || {
                content_words(&r.source.sentence)
            });
            for w in cached(&mut words_of, title, &mut strings, || {
                content_words(&r.title)
            }) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            let mut word_set = words.clone();
            word_set.sort_unstable();
            word_set.dedup();
            let heads = cached(&mut heads_of, title, &mut strings, || event_heads(&r.title));
            let part_of_day = part_of_day(&r.date);
            let key: Kind = (
                words.clone(),
                heads.clone(),
                span,
                part_of_day,
                end,
                r.end.clone(),
            );
            let next = kinds.len() as u32;
            let kind = *kinds.entry(key).or_insert(next);
            Item {
                part_of_day,
                kind,
                raw: r,
                span,
                end,
                words,
                word_set,
                heads,
                doc,
                sentence,
            }
        })
        .collect();

    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = ClusterIndex::default();
    // Which words (group numbers) the telling at hand has, for `similarity`.
    let mut in_item: Vec<bool> = vec![false; strings.0.len()];
    for (i, item) in items.iter().enumerate() {
        for &w in &item.word_set {
            in_item[w as usize] = true;
        }
        // Only a cluster with a member sharing a word with the telling can score above 0.
        // A cluster scores at most the words its members share with the telling, 2 more with
        // a shared event noun (see `similarity`); the best is the first of the highest
        // scores, so the candidates are tried from the highest bound down and those that
        // cannot beat the best so far are passed over.
        let mut candidates: Vec<(usize, usize, bool)> = index
            .candidates(item)
            .into_iter()
            .filter_map(|(c, words)| {
                let heads = clusters[c].heads.iter().any(|h| item.heads.contains(h));
                // No member shares two words with the telling: only a shared event noun can
                // make it similar.
                (words >= 2 || heads).then_some((c, words + if heads { 2 } else { 0 }, heads))
            })
            .collect();
        candidates.sort_unstable_by_key(|&(c, bound, _)| (std::cmp::Reverse(bound), c));
        let mut best: Option<(usize, usize)> = None;
        for (c, bound, _) in candidates {
            if best.is_some_and(|(b, s)| bound < s || bound == s && c > b) {
                if bound < best.map_or(0, |(_, s)| s) {
                    break;
                }
                continue;
            }
            let cluster = &clusters[c];
            // Two expressions of one sentence are two tellings ("bis Ende des Jahres dauern,
            // sagte er am Montag"), never one. (A cluster holds one expression a sentence.)
            let same_sentence = cluster
                .sentences
                .get(&(item.doc, item.sentence))
                .is_some_and(|&start| start != item.raw.source.start);
            // Members of one kind are compatible and similar alike: one of each is enough.
            if same_sentence
                || !cluster
                    .kinds
                    .iter()
                    .all(|(_, m)| compatible(&items[*m], item))
            {
                continue;
            }
            let score = cluster
                .kinds
                .iter()
                .map(|(_, m)| similarity(&items[*m], item, &in_item))
                .max()
                .unwrap_or(0);
            if score > 0 && best.is_none_or(|(b, s)| score > s || score == s && c < b) {
                best = Some((c, score));
            }
        }
        for &w in &item.word_set {
            in_item[w as usize] = false;
        }
        let c = match best {
            Some((c, _)) => c,
            None => {
                clusters.push(Cluster::new());
                clusters.len() - 1
            }
        };
        clusters[c].add(i, item);
        index.add(item, c);
    }
    clusters
        .into_iter()
        .map(|c| c.members.into_iter().map(|m| group[m]).collect())
        .collect()
}

/// Spans over more years than this are indexed apart ("199", "2011–2018").
const WIDE_YEARS: i32 = 3;

/// A span that is exactly one calendar day (a time of day counts as its day), month or year,
/// with no end: most tellings. Their candidates are looked up by the cells that nest with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Cell {
    Day(chrono::NaiveDate),
    Month(i32, u32),
    Year(i32),
}

fn cell(item: &Item) -> Option<Cell> {
    use chrono::Datelike;
    let s = &item.span;
    if item.end.is_some() {
        return None;
    }
    let (first, last) = (s.first, s.last);
    match s.precision {
        Precision::Minute | Precision::Day if first == last => Some(Cell::Day(first)),
        Precision::Month
            if first.day() == 1
                && last.year() == first.year()
                && last.month() == first.month()
                && last.succ_opt().is_none_or(|n| n.day() == 1) =>
        {
            Some(Cell::Month(first.year(), first.month()))
        }
        Precision::Year
            if (first.month(), first.day(), last.month(), last.day()) == (1, 1, 12, 31)
                && first.year() == last.year() =>
        {
            Some(Cell::Year(first.year()))
        }
        _ => None,
    }
}

/// Which clusters have a member with a given content word at a given time: the clusters a
/// telling can join are among those with a member sharing a word with it (similarity needs one)
/// and nesting with it in time (compatible times nest). Keeps merging near linear; the clusters
/// it yields are tried in the order they were made, as a scan of all clusters would.
///
/// A telling of one day, month or year looks up the members of its own cell, of the cells
/// around it (its month and year) and inside it (the days and months of a month or year), and
/// the members that are no cell (ranges, weeks, seasons) by year; any other telling looks up
/// every member by year.
#[derive(Default)]
struct ClusterIndex {
    /// (word, year) -> clusters, for members whose span covers at most `WIDE_YEARS` years.
    by_year: FastMap<(u32, i32), Vec<usize>>,
    /// The same for members that are no cell.
    other_by_year: FastMap<(u32, i32), Vec<usize>>,
    /// (word, cell) -> clusters with a member of exactly that cell.
    cells: FastMap<(u32, Cell), Vec<usize>>,
    /// (word, month) -> clusters with a member of a day in that month.
    in_month: FastMap<(u32, i32, u32), Vec<usize>>,
    /// (word, year) -> clusters with a member of a day or month in that year.
    in_year: FastMap<(u32, i32), Vec<usize>>,
    /// word -> clusters, for members with wider spans.
    wide: FastMap<u32, Vec<usize>>,
    /// word -> every cluster, for tellings with wide spans.
    any: FastMap<u32, Vec<usize>>,
    /// Scratch for `candidates`, by cluster: how many of the telling's words it holds, and
    /// the number of the word it was last counted for.
    counts: Vec<u32>,
    counted_for: Vec<u32>,
    /// Numbers the (telling, word) pairs `candidates` counts for.
    stamp: u32,
}

/// The years a telling's span covers, or None when they are more than `WIDE_YEARS`.
fn years(item: &Item) -> Option<std::ops::RangeInclusive<i32>> {
    use chrono::Datelike;
    let (a, b) = (item.span.first.year(), item.span.last.year());
    (b - a < WIDE_YEARS).then_some(a..=b)
}

/// Adds `cluster` to a list, once (clusters are added in ascending order of their last member).
fn push_once(list: &mut Vec<usize>, cluster: usize) {
    if list.last() != Some(&cluster) {
        list.push(cluster);
    }
}

impl ClusterIndex {
    fn add(&mut self, item: &Item, cluster: usize) {
        use chrono::Datelike;
        let (cell, years) = (cell(item), years(item));
        for &w in &item.word_set {
            push_once(self.any.entry(w).or_default(), cluster);
            match years.clone() {
                Some(ys) => {
                    for y in ys {
                        push_once(self.by_year.entry((w, y)).or_default(), cluster);
                        if cell.is_none() {
                            push_once(self.other_by_year.entry((w, y)).or_default(), cluster);
                        }
                    }
                }
                None => push_once(self.wide.entry(w).or_default(), cluster),
            }
            match cell {
                Some(c @ Cell::Day(d)) => {
                    push_once(self.cells.entry((w, c)).or_default(), cluster);
                    let month = self.in_month.entry((w, d.year(), d.month())).or_default();
                    push_once(month, cluster);
                    push_once(self.in_year.entry((w, d.year())).or_default(), cluster);
                }
                Some(c @ Cell::Month(y, _)) => {
                    push_once(self.cells.entry((w, c)).or_default(), cluster);
                    push_once(self.in_year.entry((w, y)).or_default(), cluster);
                }
                Some(c @ Cell::Year(_)) => {
                    push_once(self.cells.entry((w, c)).or_default(), cluster);
                }
                None => {}
            }
        }
    }

    /// The clusters `item` may join, ascending, each once, with how many of its words the
    /// cluster's members hold between them.
    fn candidates(&mut self, item: &Item) -> Vec<(usize, usize)> {
        use chrono::Datelike;
        let mut touched: Vec<usize> = Vec::new();
        let (cell, years) = (cell(item), years(item));
        for &w in &item.word_set {
            self.stamp += 1;
            let (stamp, counts, counted_for) =
                (self.stamp, &mut self.counts, &mut self.counted_for);
            // Counts each cluster once a word, however many of its lists hold it.
            let mut take = |l: Option<&Vec<usize>>| {
                for &c in l.into_iter().flatten() {
                    if c >= counts.len() {
                        counts.resize(c + 1, 0);
                        counted_for.resize(c + 1, 0);
                    }
                    if counted_for[c] != stamp {
                        counted_for[c] = stamp;
                        if counts[c] == 0 {
                            touched.push(c);
                        }
                        counts[c] += 1;
                    }
                }
            };
            match (cell, years.clone()) {
                (Some(c), _) => {
                    let year = match c {
                        Cell::Day(d) => d.year(),
                        Cell::Month(y, _) | Cell::Year(y) => y,
                    };
                    take(self.cells.get(&(w, c)));
                    match c {
                        Cell::Day(d) => {
                            take(self.cells.get(&(w, Cell::Month(d.year(), d.month()))));
                            take(self.cells.get(&(w, Cell::Year(year))));
                        }
                        Cell::Month(y, m) => {
                            take(self.cells.get(&(w, Cell::Year(y))));
                            take(self.in_month.get(&(w, y, m)));
                        }
                        Cell::Year(y) => take(self.in_year.get(&(w, y))),
                    }
                    take(self.other_by_year.get(&(w, year)));
                    take(self.wide.get(&w));
                }
                (None, Some(ys)) => {
                    for y in ys {
                        take(self.by_year.get(&(w, y)));
                    }
                    take(self.wide.get(&w));
                }
                (None, None) => take(self.any.get(&w)),
            }
        }
        touched.sort_unstable();
        touched
            .into_iter()
            .map(|c| (c, std::mem::take(&mut self.counts[c]) as usize))
            .collect()
    }
}

/// Sorts events by date and gives them unique readable ids.
fn finish(t: &mut Timeline) {
    t.events.par_sort_by_cached_key(event_key);
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    for e in t.events.iter_mut() {
        let base = if e.id.is_empty() || !e.sources.is_empty() {
            event_id(&e.date, &e.title)
        } else {
            e.id.clone()
        };
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        e.id = id;
    }
}

fn event_key(e: &Event) -> (Option<DateSpan>, String, String) {
    let span = DateSpan::parse(&e.date);
    (
        span.map(|s| DateSpan {
            first: s.first,
            minute: s.minute,
            last: s.last,
            precision: s.precision,
        }),
        e.title.clone(),
        e.date.clone(),
    )
}

/// Whether two tellings can be of the same event as far as their times go.
fn compatible(a: &Item, b: &Item) -> bool {
    if !times_fit(a.part_of_day, &a.span, b.part_of_day, &b.span) {
        return false;
    }
    match (&a.end, &b.end, &a.raw.end, &b.raw.end) {
        (None, None, _, _) => true,
        (Some(x), Some(y), Some(xs), Some(ys)) => times_fit(part_of_day(xs), x, part_of_day(ys), y),
        _ => false,
    }
}

/// The hours a part of day covers, as minutes after midnight (end exclusive).
fn part_of_day(value: &str) -> Option<(u32, u32)> {
    let (_, t) = value.split_once('T')?;
    Some(match t {
        "MO" => (5 * 60, 12 * 60),
        "MI" => (11 * 60, 14 * 60),
        "AF" => (12 * 60, 18 * 60),
        "EV" => (17 * 60, 23 * 60),
        "NI" => (21 * 60, 24 * 60),
        "DT" => (8 * 60, 18 * 60),
        _ => return None,
    })
}

/// Whether one interval lies within the other, with clock times and parts of day agreeing.
fn times_fit(
    x_part: Option<(u32, u32)>,
    x: &DateSpan,
    y_part: Option<(u32, u32)>,
    y: &DateSpan,
) -> bool {
    let inside =
        (x.first <= y.first && y.last <= x.last) || (y.first <= x.first && x.last <= y.last);
    if !inside {
        return false;
    }
    match (x.minute, y.minute, x_part, y_part) {
        (Some(m), Some(n), _, _) => m == n,
        (Some(m), None, _, Some((a, b))) | (None, Some(m), Some((a, b)), _) => a <= m && m < b,
        (None, None, Some(p), Some(q)) => p == q,
        _ => true,
    }
}

/// How much two tellings say the same thing: 0 for not enough. `in_b` tells which words
/// `b` has.
fn similarity(a: &Item, b: &Item, in_b: &[bool]) -> usize {
    let shared = a.words.iter().filter(|&&w| in_b[w as usize]).count();
    let heads = a.heads.iter().any(|h| b.heads.contains(h));
    // Times of different precision ("2022" and "2022-05-02") need more in common.
    let needed = if a.span.precision == b.span.precision {
        2
    } else {
        3
    };
    if shared >= needed || (heads && shared >= 1) {
        shared + if heads { 2 } else { 0 }
    } else {
        0
    }
}

fn cluster_event(raws: &[RawEvent], members: &[usize], marks: &[Mark]) -> Event {
    // Members are in canonical order: the first is the most precise.
    let date = raws[members[0]].date.clone();
    let end = members
        .iter()
        .filter_map(|m| raws[*m].end.clone().map(|e| (DateSpan::parse(&e), e)))
        .min_by(|a, b| {
            let pa = a.0.map(|s| s.precision);
            let pb = b.0.map(|s| s.precision);
            pa.cmp(&pb)
                .then(b.1.len().cmp(&a.1.len()))
                .then(a.1.cmp(&b.1))
        })
        .map(|x| x.1);
    // The best title; among equals, the earliest member's.
    let best = members
        .iter()
        .enumerate()
        .max_by_key(|&(rank, &m)| {
            let r = &raws[m];
            let words = r.title.split_whitespace().count().min(6);
            (r.quality, words, std::cmp::Reverse(rank))
        })
        .map_or(members[0], |(_, &m)| m);
    let mut sources: Vec<Source> = members
        .iter()
        .map(|m| {
            let r = &raws[*m];
            Source {
                date: (r.date != date).then(|| r.date.clone()),
                ..r.source.clone()
            }
        })
        .collect();
    sources.sort_by(|a, b| (&a.doc, a.start, a.end).cmp(&(&b.doc, b.start, b.end)));
    let planned = members.iter().all(|m| raws[*m].planned)
        && sources
            .iter()
            .all(|s| event::is_planned(&date, s.anchor.as_deref()));
    let mark = sources.iter().find_map(|s| {
        marks
            .iter()
            .find(|m| m.0 == s.doc && m.1 == s.start)
            .cloned()
    });
    Event {
        id: String::new(),
        title: raws[best].title.clone(),
        date,
        end,
        planned,
        category: mark.as_ref().and_then(|m| m.3.clone()),
        hidden: mark.as_ref().is_some_and(|m| m.2),
        note: mark.as_ref().and_then(|m| m.4.clone()),
        sources,
    }
}

/// A stable readable id: the year and the title, `2014-annexion-der-krim`.
pub fn event_id(date: &str, title: &str) -> String {
    let year: String = date.chars().take(4).collect();
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => slug.push_str("ae"),
            'ö' => slug.push_str("oe"),
            'ü' => slug.push_str("ue"),
            'ß' => slug.push_str("ss"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ => {
                if !slug.ends_with('-') {
                    slug.push('-');
                }
            }
        }
    }
    let words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).take(6).collect();
    if words.is_empty() {
        format!("{year}-ereignis")
    } else {
        format!("{year}-{}", words.join("-"))
    }
}

/// Stems of the content words of `text`.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() < 3 || !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if event::is_stop_word(w) {
            continue;
        }
        let s = class(&stem(&w.to_lowercase()));
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Stems of the nouns in a title that name events ("Sitzung", "Mordanschlag" as "anschlag").
/// A title of the "first since" rule ("Letzte Sitzung") also counts "letzt".
fn event_heads(title: &str) -> Vec<String> {
    let mut heads: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| event::is_event_noun(w))
        .map(|w| {
            let last = w.rsplit('-').next().unwrap_or(w).to_lowercase();
            class(&stem(&last))
        })
        .collect();
    if title.starts_with("Letzte") {
        heads.push("letzt".to_string());
    }
    heads
}

/// Event nouns that name the same kind of event, each class under one name.
const CLASSES: &[(&str, &[&str])] = &[
    (
        "treffen",
        &[
            "treff",
            "sitzung",
            "tagung",
            "zusammenkunft",
            "gespräch",
            "gipfel",
            "konferenz",
            "beratung",
            "begegnung",
            "verhandlung",
        ],
    ),
    (
        "anschlag",
        &["anschlag", "anschläg", "angriff", "attentat", "überfall"],
    ),
    ("schließung", &["schließung", "abzug", "räumung"]),
];

/// The class name of a stem ("mordanschlag" is an "anschlag"), else the stem.
fn class(stem_word: &str) -> String {
    for (name, members) in CLASSES {
        if members.iter().any(|m| stem_word.ends_with(m)) {
            return (*name).to_string();
        }
    }
    stem_word.to_string()
}

/// A crude German stem: one inflection ending off, keeping at least three letters.
fn stem(w: &str) -> String {
    for suffix in ["ern", "en", "es", "er", "e", "s", "n"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.chars().count() >= 3 {
                return s.to_string();
            }
        }
    }
    w.to_string()
}
