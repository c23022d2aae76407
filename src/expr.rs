//! Build: each grammar match becomes a typed, *unresolved* expression ([`Expr`]), one
//! `build_*` function per grammar rule. Closed word classes (months, weekdays, numbers,
//! holidays) are tables here; the grammar only recognises them.

use pest::iterators::Pair;

use crate::grammar::{rule_name, Match, Part, Rule};
use crate::timex::{DayPart, Duration, Mod, Reference, Season, Signal, Unit};

/// A year as the text gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearSpec {
    /// "2014".
    Abs(i32),
    /// Relative to the anchor's year: "des vergangenen Jahres" is -1.
    Rel(i32),
    /// The year of the last mentioned date: "im selben Jahr".
    Same,
    /// The year before the one the sentence is about: "im Juni des Vorjahres".
    Prior,
}

/// Which period before the sentence's own an [`Expr::Prior`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grain {
    /// The unit itself: "Vorjahr", "Vormonat", "Vorwoche", "Vortag".
    Own,
    /// The same month a year before: "Vorjahresmonat".
    Month,
    /// The same quarter a year before: "Vorjahresquartal".
    Quarter,
    /// The same period (quarter, half year, month or year) a year before: "Vorjahreszeitraum".
    Period,
}

/// A named period that "nächsten", "vergangenen", "diesen" can pick: "nächsten Montag".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// ISO weekday 1 = Monday .. 7 = Sunday, with a part of day.
    Weekday(u32, Option<DayPart>),
    Month(u32),
    Season(Season),
    Weekend,
    /// A season of sport or theatre ("Saison", "Spielzeit"), from summer to spring, named by
    /// the year it starts in (as "Saison 2024/25" is 2024).
    Playing,
}

/// Holidays; movable feasts are computed from Easter, Jewish and Islamic ones from their
/// calendars (`crate::calendar`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed day of the year: month, day.
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
    /// Days after Orthodox Easter Sunday (negative: before).
    OrthodoxEaster(i64),
    /// A day of the Hebrew calendar: month (from Nisan = 1; 12 is the Adar of Purim), day.
    Hebrew(u32, u32),
    /// An Israeli day that moves off the Sabbath.
    HebrewObserved(crate::calendar::HebrewObserved),
    /// A day of the Islamic calendar (the Umm al-Qura rule): month, day.
    Islamic(u32, u32),
    /// The last Friday before a day of the Islamic calendar (month, day): the last Friday of
    /// Ramadan is the last one before 1 Shawwal.
    IslamicFridayBefore(u32, u32),
    /// Chinese New Year (the lunisolar calendar's first day).
    ChineseNewYear,
    /// Nowruz, the Iranian New Year at the March equinox.
    Nowruz,
    /// Days after the Sun enters a sidereal sign (0 = Aries .. 9 = Capricorn): Sankranti.
    Sankranti { sign: u32, offset: i64 },
    /// Days after a lunar day (tithi 1..=30) of an amanta Hindu month (1 = Chaitra), kept at a
    /// time of day: Diwali, Holi.
    Tithi {
        month: u32,
        tithi: u32,
        kala: crate::calendar::hindu::Kala,
        offset: i64,
    },
    /// Onam: the Thiruvonam lunar mansion in the Malayalam month Chingam.
    Onam,
    /// The Parsi New Year of the Shahenshahi calendar.
    ParsiNewYear,
    /// A fixed day of the year (month, day), kept the day before when it is a Sunday.
    FixedNotSunday(u32, u32),
    /// Days after Orthodox Christmas (25 December of the Julian calendar, 7 January from 1901
    /// to 2100).
    OrthodoxChristmas(i64),
    /// Days after the first Sunday of Advent (negative: before).
    Advent(i64),
    /// The n-th (1-based; -1 = last) weekday (1 = Monday) of a month.
    NthWeekday { month: u32, weekday: u32, n: i32 },
    /// The day of Earth Hour: the last Saturday of March, a week earlier when that is Holy
    /// Saturday.
    EarthHour,
    /// The astronomical start of a season in German time: the equinox or solstice at which the
    /// Sun reaches this longitude (0 spring, 90 summer, 180 autumn, 270 winter).
    SeasonStart(u32),
}

/// What the n-th of a period counts: a weekday, days or weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NthOf {
    Weekday(u32),
    Day,
    Week,
}

/// What a set repeats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SetPattern {
    /// Every period: "monatlich" is `P1M`, "alle zwei Wochen" `P2W`.
    Every(Duration),
    /// Every such weekday: "jeden Dienstag" is `XXXX-WXX-2`.
    Weekday(u32, Option<DayPart>),
    /// Every such month: "jeden Mai".
    Month(u32),
    /// Every such season: "jeden Winter" is `XXXX-WI`.
    Season(Season),
    /// Every such part of a day: "jeden Morgen".
    DayPart(DayPart),
    /// Every weekend: "jedes Wochenende" is `XXXX-WXX-WE`.
    Weekend,
    /// Every day, or every such weekday, at a clock time: "jeden Tag um 19:13 Uhr", "jeden
    /// Mittwoch um 16 Uhr". The part of day places a 12-hour reading ("jeden Abend um 8 Uhr").
    Clock {
        weekday: Option<u32>,
        hour: u32,
        minute: u32,
        part: Option<DayPart>,
    },
}

/// An unresolved temporal expression: what the words say, before any anchoring.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A calendar date with some parts given: "12. Januar 2022", "Juli 2019", "3. Oktober",
    /// "2014", "Oktober des vergangenen Jahres".
    Calendar {
        year: Option<YearSpec>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// "am Mittwoch", "Mittwochnachmittag", "Dienstag vergangener Woche" (week offset -1).
    Weekday {
        weekday: u32,
        part: Option<DayPart>,
        week: Option<i32>,
    },
    /// "heute" (0), "gestern" (-1), "übermorgen" (2), with a part of day; anaphoric for "Vortag".
    DayOffset {
        days: i32,
        part: Option<DayPart>,
        anaphoric: bool,
    },
    /// "am Abend", "seit dem Vormittag": a part of the anchor's day.
    PartOfDay(DayPart),
    /// "in der Nacht zum Sonntag", "in der Nacht zum 2. März", "in der Nacht zum Karfreitag":
    /// the night before that day.
    NightBefore(Box<Expr>),
    /// A clock time, on a given day or the anchor's.
    Clock {
        /// 0 to 23; 24 is midnight at the end of the day ("um Mitternacht").
        hour: u32,
        minute: u32,
        /// Seconds where the text gives them ("8:00:31").
        second: Option<u32>,
        part: Option<DayPart>,
        day: Option<Box<Expr>>,
        /// Written without a colon ("3 Uhr", "halb vier"): may be a 12-hour reading.
        twelve_hour: bool,
    },
    /// "letzte Woche" (Week, -1), "im vergangenen Jahr" (Year, -1), "im selben Jahr" (anaphoric 0).
    UnitShift {
        unit: Unit,
        offset: i32,
        anaphoric: bool,
    },
    /// "im Vorjahr", "am Vortag", "im Vorjahresmonat": the period a `unit` before the one the
    /// sentence is about (the first date it names), else before the document date's.
    Prior {
        unit: Unit,
        grain: Grain,
    },
    /// "nächsten Montag" (+1), "vergangenen Oktober" (-1), "diesen Sommer" (0).
    RelNamed {
        named: Named,
        offset: i32,
    },
    /// "vor drei Wochen" (sign -1), "in zwei Tagen" (+1), "fünf Jahre zuvor" (anaphoric, -1).
    Shift {
        amount: f64,
        unit: Unit,
        sign: i32,
        anaphoric: bool,
    },
    Season {
        season: Season,
        year: Option<YearSpec>,
    },
    Quarter {
        quarter: u32,
        year: Option<YearSpec>,
    },
    Half {
        half: u32,
        year: Option<YearSpec>,
    },
    /// First three digits of the decade's years: 199 for the 1990s.
    Decade(i32),
    /// First two digits of the century's years: 18 for the 19th century.
    Century(i32),
    /// A holiday of `days` days (1 for one day; more for "Chanukka", "Fastenzeit").
    Holiday {
        holiday: Holiday,
        year: Option<YearSpec>,
        days: u32,
    },
    Duration(Duration),
    Set {
        pattern: SetPattern,
        quant: Option<&'static str>,
        freq: Option<u32>,
    },
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Ref(Reference),
    /// "jetzt": the document time itself where known, else `PRESENT_REF`.
    Now,
    /// "in zwei Stunden", "in ein paar Stunden": a shift from the document time in chat text,
    /// a duration in news.
    ClockShift {
        count: Count,
        unit: Unit,
    },
    /// "binnen zwei Wochen", "innerhalb von drei Tagen": a time limit from now on; a stretch from
    /// the document time in chat text, a duration in news.
    Within(Duration),
    /// "15. Februar morgens": a part of a given day.
    DayPartOf {
        day: Box<Expr>,
        part: DayPart,
    },
    /// "Anfang Mai", "Ende des Jahres": a part of another expression.
    Part {
        modifier: Mod,
        inner: Box<Expr>,
    },
    /// "von 2011 bis 2018".
    Range(Box<Expr>, Box<Expr>),
    /// "erster Dienstag im Oktober" (n 1), "letzter Tag im Oktober 2015" (n -1), "erste Woche im
    /// Oktober 2014"; with `after`, counted from the day after a holiday: "dritter Dienstag nach
    /// Weihnachten 2014", "die vierte Woche nach Weihnachten".
    Nth {
        n: i32,
        what: NthOf,
        within: Box<Expr>,
        after: bool,
    },
    /// "die 3. Kalenderwoche 2022": an ISO week, of the anchor's year where none is given.
    CalendarWeek {
        week: u32,
        year: Option<i32>,
    },
    /// "zwei Wochen nach Ostern" (sign +1), "drei Tage vor Weihnachten" (-1): a day so far from
    /// another.
    ShiftFrom {
        amount: u32,
        unit: Unit,
        sign: i32,
        base: Box<Expr>,
    },
    /// "Freitag, der 12. Mai" without a year, "Dienstag, den 25.": a day whose weekday is given;
    /// the weekday picks the year (or the month) where the anchor leaves a choice.
    DateOnWeekday {
        weekday: u32,
        month: Option<u32>,
        day: u32,
    },
    /// "Pfingstwochenende": the weekend of the week a day falls in.
    WeekendOf(Box<Expr>),
    /// "zum Jahreswechsel": the 1 January the turn of the year leads into.
    YearTurn,
    /// "im neuen Jahr": the year that turn of the year leads into.
    NewYear,
    /// "den Rest der Woche": from the anchor's day to the end of its week, month or year.
    RestOf(Unit),
    /// "die letzten zwei Tage" (sign -1), "die nächsten drei Wochen" (+1), "die nächsten paar
    /// Tage".
    LastN {
        count: Count,
        unit: Unit,
        sign: i32,
    },
}

/// How many units an expression counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Count {
    /// "drei", "2", "eineinhalb".
    Exactly(f64),
    /// "ein paar", "paar": a few; chat assistants (Duckling, rustling) read it as two.
    Few,
    /// "einige", "mehrere", "wenige": an unknown number.
    Vague,
}

impl Count {
    /// The number of units, where the text gives one.
    pub fn exact(self) -> Option<f64> {
        match self {
            Count::Exactly(n) => Some(n),
            Count::Few | Count::Vague => None,
        }
    }
}

/// A match turned into an expression, with its span and what stood around it.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub expr: Expr,
    /// Byte offsets of the expression itself (the lead preposition excluded).
    pub start: usize,
    pub end: usize,
    pub modifier: Option<Mod>,
    pub signal: Option<Signal>,
    /// The lowercase preposition in front, if any ("am", "seit").
    pub lead: Option<String>,
    /// The grammar rule that matched, by its readable name.
    pub rule: &'static str,
    /// A bare four-digit number read as a year ("2014"): checked against its neighbours.
    pub bare_year: bool,
    /// A reading only chat text supports ("um 3" as 3 o'clock); news text drops it.
    pub loose: bool,
    /// What news text reads instead of a loose expression, if anything: a part of the day as a
    /// plain adverb ("nachts", "abends") is a habit there (`SET XXXX-XX-XXTNI`), the day's part
    /// in chat text.
    pub habit: Option<Expr>,
    /// For a range, the byte spans of its two ends.
    pub parts: Option<[(usize, usize); 2]>,
    /// The zone a clock time is written in ("16 Uhr MEZ"), in minutes east of UTC.
    pub zone: Option<i32>,
    /// A day with a clock time ("am Montag um 10 Uhr"): where the day and the clock time lie,
    /// for text kinds that tag them apart.
    pub split: Option<Box<Split>>,
}

/// The two pieces of a day with a clock time: the day ("Montag") and the clock time ("10
/// Uhr"), which keeps the day in its expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub day: Expr,
    pub day_span: (usize, usize),
    pub day_rule: &'static str,
    pub clock_span: (usize, usize),
    pub clock_rule: &'static str,
    /// The `mod` of the words before the clock time ("gegen", "etwa").
    pub clock_mod: Option<Mod>,
    /// Whether "ab" stands before the clock time ("am Montag ab 10 Uhr").
    pub clock_from: bool,
    /// For a clock range ("am Montag von 9 bis 11 Uhr"), the spans of its two ends.
    pub clock_parts: Option<[(usize, usize); 2]>,
}

impl Parsed {
    /// The expression as tags: a day with a clock time as the day and the clock time, each
    /// with its own span ("am <Montag> um <10 Uhr>"), in text order; anything else as itself.
    pub fn pieces(self) -> Vec<Parsed> {
        let Some(split) = self.split.clone() else {
            return vec![self];
        };
        let day = Parsed {
            expr: split.day,
            start: split.day_span.0,
            end: split.day_span.1,
            rule: split.day_rule,
            parts: None,
            zone: None,
            split: None,
            ..self.clone()
        };
        let clock = Parsed {
            start: split.clock_span.0,
            end: split.clock_span.1,
            rule: split.clock_rule,
            modifier: split.clock_mod.or(self.modifier),
            signal: if split.clock_from {
                Some(Signal::From)
            } else {
                self.signal
            },
            parts: split.clock_parts,
            split: None,
            ..self
        };
        if clock.start < day.start {
            vec![clock, day]
        } else {
            vec![day, clock]
        }
    }
}

/// A match that reads as a date but cannot be one ("31. Februar"): the span and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeaningError {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

type Built<T> = Result<Option<T>, String>;

/// The children of a pair.
fn kids<'t>(pair: &Pair<'t, Rule>) -> Vec<Pair<'t, Rule>> {
    pair.clone().into_inner().collect()
}

/// The first child of `pair` (at any depth) with rule `rule`.
fn find<'t>(pair: &Pair<'t, Rule>, rule: Rule) -> Option<Pair<'t, Rule>> {
    pair.clone()
        .into_inner()
        .flatten()
        .find(|p| p.as_rule() == rule)
}

/// The first direct child with one of `rules`.
fn child<'t>(pair: &Pair<'t, Rule>, rules: &[Rule]) -> Option<Pair<'t, Rule>> {
    pair.clone()
        .into_inner()
        .find(|p| rules.contains(&p.as_rule()))
}

fn lower(pair: &Pair<'_, Rule>) -> String {
    pair.as_str().to_lowercase()
}

/// Builds the expression of a match of the grammar (its parts carry their offsets in the text).
/// `Ok(None)`: the words matched but do not make an expression here ("Abend" without a preposition).
pub fn build_timex(m: &Match<'_>) -> Result<Option<Parsed>, MeaningError> {
    let (mut lead, signal, mut modifier) = match &m.lead {
        Some(l) => {
            let (l, s, m) = build_lead(l.text);
            (Some(l), s, m)
        }
        None => (None, None, None),
    };
    let mut start = None;
    let mut core = None;
    for part in &m.parts {
        let p = &part.pair;
        match p.as_rule() {
            Rule::mods if ueber_before_date(p, m.core().pair.as_rule()) => {
                // "Über Ostern", "über das Wochenende": a preposition, outside the span (the
                // article after it, if any, says nothing more).
                lead = Some("über".to_string());
            }
            Rule::mods => {
                start.get_or_insert(part.start());
                modifier = build_mods(p).or(modifier);
            }
            _ => {
                start.get_or_insert(part.start());
                core = Some(part);
            }
        }
    }
    let Some(Part {
        pair: core,
        base: offset,
    }) = core
    else {
        return Ok(None);
    };
    let offset = *offset;
    let rule = rule_name(core.as_rule());
    let lead_word = lead.as_deref().unwrap_or("");
    let err_span = (
        offset + core.as_span().start(),
        offset + core.as_span().end(),
    );
    // "in zirka einer halben Stunde", "vor etwa drei Wochen": the modifier inside the span.
    if matches!(core.as_rule(), Rule::ago | Rule::ahead) {
        modifier = modifier.or_else(|| child(core, &[Rule::mods]).and_then(|m| build_mods(&m)));
    }
    let expr = match build_core(core, lead_word) {
        Ok(Some(e)) => e,
        Ok(None) => return Ok(None),
        Err(message) => {
            return Err(MeaningError {
                start: err_span.0,
                end: err_span.1,
                message,
            })
        }
    };
    let bare_year = core.as_rule() == Rule::year_expr && find(core, Rule::unit_year).is_none();
    // "um 3": an hour alone is a reading chat text supports; "um 9.30", "um 12 nachts" say more.
    let loose = match core.as_rule() {
        Rule::clock_bare => {
            find(core, Rule::minute_num).is_none() && find(core, Rule::clock_part).is_none()
        }
        Rule::daypart => loose_daypart(core, lead_word),
        _ => false,
    };
    let habit = match (&expr, core.as_rule()) {
        (Expr::PartOfDay(part), Rule::daypart) if m.lead.is_none() && plain_adverb(core) => {
            Some(Expr::Set {
                pattern: SetPattern::DayPart(*part),
                quant: None,
                freq: None,
            })
        }
        _ => None,
    };
    let parts = matches!(expr, Expr::Range(..))
        .then(|| range_parts(core, offset))
        .flatten();
    let split = build_split(core, offset, &expr).map(Box::new);
    // "um 1900", "um 1190": "um" before a year is "around", a modifier inside the span.
    let around = lead_word == "um"
        && modifier.is_none()
        && core.as_rule() == Rule::year_expr
        && matches!(
            expr,
            Expr::Calendar {
                year: Some(YearSpec::Abs(_)),
                month: None,
                day: None,
            }
        );
    if around {
        modifier = Some(Mod::Approx);
        start = m.lead.as_ref().map(|l| l.start).or(start);
    }
    Ok(Some(Parsed {
        expr,
        start: start.unwrap_or(offset),
        end: m.end(),
        modifier,
        signal,
        lead,
        rule,
        bare_year,
        loose,
        habit,
        parts,
        zone: find(core, Rule::time_zone).map(|z| zone_minutes(z.as_str())),
        split,
    }))
}

/// Where the day and the clock time of a day with a clock time lie ("Montag um 10 Uhr", "12.
/// Januar 2022, 9:51 Uhr", "18 Uhr am Montag"). None for a day whose part of day places the
/// hour ("heute Abend um 8"): one expression.
fn build_split(core: &Pair<'_, Rule>, offset: usize, expr: &Expr) -> Option<Split> {
    if !matches!(
        core.as_rule(),
        Rule::datetime | Rule::rel_datetime | Rule::day_clock
    ) || child(
        core,
        &[Rule::hour_word, Rule::daypart_adverb, Rule::daypart_word],
    )
    .is_some()
    {
        return None;
    }
    let day = match expr {
        Expr::Clock { day: Some(d), .. } => d,
        Expr::Range(a, _) => match a.as_ref() {
            Expr::Clock { day: Some(d), .. } => d,
            _ => return None,
        },
        _ => return None,
    };
    let day_pair = child(
        core,
        &[
            Rule::full_date,
            Rule::weekday,
            Rule::day_deixis,
            Rule::rel_weekday,
            Rule::day_alone,
        ],
    )?;
    let clock_pair = child(core, &[Rule::clock, Rule::clock_range, Rule::hour_range])?;
    let span = |p: &Pair<'_, Rule>| (offset + p.as_span().start(), offset + p.as_span().end());
    let (day_span, clock_span) = (span(&day_pair), span(&clock_pair));
    // The words between day and clock time: "um", "gegen", "ab", "etwa" (none when the clock
    // time comes first: "18 Uhr am Montag").
    let between = core
        .get_input()
        .get(day_pair.as_span().end()..clock_pair.as_span().start())
        .unwrap_or("");
    let words: Vec<String> = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mod_word = child(core, &[Rule::mod_word]);
    let clock_mod = mod_word
        .as_ref()
        .and_then(|m| mod_of_word(&lower(m)))
        .or_else(|| words.iter().any(|w| w == "gegen").then_some(Mod::Approx));
    // A modifier changes the value, so it belongs to the clock time's span: "Am Freitag, kurz
    // nach 14 Uhr" ("gegen" is a preposition and stays outside, as everywhere).
    let clock_span = match &mod_word {
        Some(m) if clock_mod.is_some() && m.as_span().end() <= clock_pair.as_span().start() => {
            (offset + m.as_span().start(), clock_span.1)
        }
        _ => clock_span,
    };
    let clock_parts = (clock_pair.as_rule() != Rule::clock)
        .then(|| range_parts(&clock_pair, offset))
        .flatten();
    Some(Split {
        day: (**day).clone(),
        day_span,
        day_rule: rule_name(day_pair.as_rule()),
        clock_span,
        clock_rule: rule_name(clock_pair.as_rule()),
        clock_mod,
        clock_from: words.iter().any(|w| w == "ab"),
        clock_parts,
    })
}

/// Minutes east of UTC of a named time zone.
fn zone_minutes(name: &str) -> i32 {
    match name.to_ascii_lowercase().as_str() {
        "mez" | "cet" | "wesz" => 60,
        "mesz" | "cest" | "oez" | "eet" => 120,
        "oesz" | "eest" => 180,
        _ => 0,
    }
}

/// Whether the modifiers are "über" alone before an expression that is no amount: then "über"
/// is a preposition ("über Ostern", "über den Jahreswechsel"), not MORE_THAN ("über zehn
/// Jahre", "seit über einem Jahr").
fn ueber_before_date(mods: &Pair<'_, Rule>, core_rule: Rule) -> bool {
    let amount = matches!(
        core_rule,
        Rule::duration
            | Rule::anaphor
            | Rule::ago
            | Rule::ahead
            | Rule::lang_adverb
            | Rule::bare_units
            | Rule::whole_unit
            | Rule::rel_span
            | Rule::set
            | Rule::holiday_shift
    );
    !amount && mods.as_str().trim_end().to_lowercase() == "über"
}

/// The preposition in front: its lowercase form, what it signals and any `mod` it implies.
fn build_lead(lead: &str) -> (String, Option<Signal>, Option<Mod>) {
    let first = lead.split_whitespace().next().unwrap_or("");
    let word = first.to_lowercase();
    let signal = match word.as_str() {
        "seit" => Some(Signal::Since),
        "ab" => Some(Signal::From),
        "bis" => Some(Signal::Until),
        "vor" => Some(Signal::Before),
        "nach" => Some(Signal::After),
        _ => None,
    };
    let modifier = match word.as_str() {
        "gegen" => Some(Mod::Approx),
        _ => None,
    };
    (word, signal, modifier)
}

/// The TIMEX3 `mod` of the modifier words ("mehr als", "fast", "rund").
fn build_mods(pair: &Pair<'_, Rule>) -> Option<Mod> {
    let mut out = None;
    for p in pair.clone().into_inner() {
        out = out.or(mod_of_word(&lower(&p)));
    }
    out
}

/// The TIMEX3 `mod` of one modifier word, lowercase ("mehr als", "fast", "rund").
fn mod_of_word(w: &str) -> Option<Mod> {
    let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
    match w.as_str() {
        "mehr als" | "über" | "länger als" | "gut" => Some(Mod::MoreThan),
        "weniger als" | "fast" | "knapp" | "nahezu" | "beinahe" => Some(Mod::LessThan),
        "rund" | "etwa" | "ungefähr" | "circa" | "ca." | "zirka" | "annähernd" => {
            Some(Mod::Approx)
        }
        "mindestens" => Some(Mod::EqualOrMore),
        "höchstens" | "bis zu" => Some(Mod::EqualOrLess),
        "frühestens" => Some(Mod::OnOrAfter),
        "spätestens" => Some(Mod::OnOrBefore),
        // "kurz nach 21 Uhr", "kurz vor Mitternacht"
        "kurz vor" => Some(Mod::Before),
        "kurz nach" => Some(Mod::After),
        _ => None,
    }
}

/// Dispatches on the rule of the core expression.
fn build_core(p: &Pair<'_, Rule>, lead: &str) -> Built<Expr> {
    match p.as_rule() {
        Rule::datetime | Rule::rel_datetime | Rule::day_clock => build_datetime(p, lead),
        Rule::full_date if lead == "um" => match build_um_time(p) {
            Some(clock) => Ok(Some(clock)),
            None => build_full_date(p),
        },
        Rule::full_date => build_full_date(p),
        Rule::nth_in => build_nth_in(p),
        Rule::holiday_shift => Ok(build_holiday_shift(p)),
        Rule::weekday_short => Ok(
            weekday_abbr_number(p.as_str()).map(|weekday| Expr::Weekday {
                weekday,
                part: None,
                week: None,
            }),
        ),
        // Hour 24: the end of the day it is on, 00:00 of the next.
        Rule::midnight => Ok(Some(Expr::Clock {
            hour: 24,
            minute: 0,
            second: None,
            part: None,
            day: None,
            twelve_hour: false,
        })),
        Rule::whole_unit => Ok(build_whole_unit(p)),
        Rule::rest_of => Ok(
            child(p, &[Rule::unit_week, Rule::unit_month, Rule::unit_year])
                .map(|u| Expr::RestOf(unit_of(&u).0)),
        ),
        Rule::holiday => Ok(build_holiday(p)),
        Rule::decade => Ok(build_decade(p)),
        Rule::century => Ok(build_century(p)),
        Rule::quarter => build_quarter(p),
        Rule::half_year => build_half_year(p),
        Rule::season => Ok(build_season_with_lead(p, lead)),
        Rule::part_of => build_part_of(p),
        Rule::month_year => Ok(build_month_year(p)),
        Rule::month_rel => Ok(build_month_rel(p)),
        Rule::night_to => {
            let day = match child(p, &[Rule::full_date, Rule::holiday]) {
                Some(d) => build_core(&d, lead)?,
                None => find(p, Rule::weekday_name)
                    .and_then(|w| weekday_number(&lower(&w)))
                    .map(|weekday| Expr::Weekday {
                        weekday,
                        part: None,
                        week: None,
                    }),
            };
            Ok(day.map(|d| Expr::NightBefore(Box::new(d))))
        }
        Rule::weekday => Ok(build_weekday(p)),
        Rule::set => Ok(build_set(p)),
        Rule::day_deixis => Ok(build_day_deixis(p, lead)),
        Rule::year_part => Ok(build_year_part(p)),
        Rule::anaphor => Ok(build_anaphor(p)),
        Rule::unit_after => Ok(build_unit_after(p)),
        Rule::same_unit => Ok(match child(p, &[Rule::daypart_word]) {
            Some(d) => daypart_of(d.as_str()).map(|part| Expr::DayOffset {
                days: 0,
                part: Some(part),
                anaphoric: true,
            }),
            None => find(p, Rule::unit).map(|u| Expr::UnitShift {
                unit: unit_of(&u).0,
                offset: 0,
                anaphoric: true,
            }),
        }),
        Rule::neighbour_unit => Ok(build_neighbour_unit(p)),
        Rule::rel_unit => Ok(build_rel_unit(p)),
        // "binnen zwei Wochen", "innerhalb von drei Tagen": a time limit.
        Rule::duration if matches!(lead, "binnen" | "innerhalb") => {
            Ok(build_duration(p).map(|e| match e {
                Expr::Duration(d) => Expr::Within(d),
                other => other,
            }))
        }
        Rule::duration => Ok(build_duration(p)),
        Rule::lang_adverb => Ok(build_lang_adverb(p)),
        Rule::this_daypart => Ok(child(p, &[Rule::daypart_word])
            .and_then(|d| daypart_of(d.as_str()))
            .filter(|_| {
                child(p, &[Rule::rel_adj]).is_some_and(|r| rel_offset(r.as_str()) == (0, false))
            })
            .map(|part| Expr::DayOffset {
                days: 0,
                part: Some(part),
                anaphoric: false,
            })),
        Rule::clock => build_clock(p).map(|c| {
            c.map(|(hour, minute, part)| Expr::Clock {
                hour,
                minute,
                second: clock_second(p),
                part,
                day: None,
                twelve_hour: twelve_hour(p),
            })
        }),
        Rule::year_expr => Ok(find(p, Rule::year4)
            .and_then(|y| y.as_str().parse().ok())
            .map(|y| Expr::Calendar {
                year: Some(YearSpec::Abs(y)),
                month: None,
                day: None,
            })),
        Rule::month => Ok(build_month(p, lead)),
        Rule::reference => Ok(build_reference(p, lead)),
        Rule::daypart => Ok(build_daypart(p, lead)),
        Rule::bare_units => Ok(build_bare_units(p, lead)),
        Rule::moment => Ok((lead == "im").then_some(Expr::Ref(Reference::Present))),
        Rule::range => build_range(p),
        Rule::ago | Rule::ahead => Ok(build_shift(p)),
        Rule::clock_range => build_clock_range(p),
        Rule::weekend => Ok((!lead.is_empty()).then_some(Expr::RelNamed {
            named: Named::Weekend,
            offset: 0,
        })),
        Rule::day_alone => Ok(build_day_alone(p, lead)),
        Rule::clock_bare => Ok(build_clock_bare(p, lead)),
        Rule::rel_span => Ok(build_rel_span(p)),
        Rule::kw_week => build_kw_week(p),
        Rule::month_half => Ok(build_month_half(p)),
        Rule::new_year_part => Ok(build_new_year_part(p)),
        Rule::year_turn => Ok((!lead.is_empty()).then_some(Expr::YearTurn)),
        Rule::new_year => Ok(Some(Expr::NewYear)),
        Rule::in_course => Ok(build_in_course(p, lead)),
        Rule::day_hours => Ok(build_day_hours(p, lead)),
        Rule::day_pair => build_day_pair(p),
        other => Err(format!("no meaning for a {}", rule_name(other))),
    }
}

// ---------------------------------------------------------------------------- word tables

/// Month number of a month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let w = w.strip_suffix('s').filter(|s| s.len() >= 3).unwrap_or(&w);
    let m = match w {
        "januar" | "jänner" | "jan" => 1,
        "februar" | "feber" | "feb" | "febr" => 2,
        "märz" | "marz" | "mrz" => 3,
        "april" | "apr" => 4,
        "mai" => 5,
        "juni" | "jun" => 6,
        "juli" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "okt" => 10,
        "november" | "nov" => 11,
        "dezember" | "dez" => 12,
        _ => return None,
    };
    Some(m)
}

/// ISO weekday number (1 = Monday) of a weekday name (any case, any suffix after the name).
pub fn weekday_number(word: &str) -> Option<u32> {
    weekday_and_rest(&word.to_lowercase()).map(|(d, _)| d)
}

/// The ISO weekday number of a lowercase word that starts with a weekday name, and what follows
/// the name ("sonnabends": 6 and "s", so the "abend" of the name is no part of day).
fn weekday_and_rest(word: &str) -> Option<(u32, &str)> {
    const NAMES: [(&str, u32); 8] = [
        ("montag", 1),
        ("dienstag", 2),
        ("mittwoch", 3),
        ("donnerstag", 4),
        ("freitag", 5),
        ("samstag", 6),
        ("sonnabend", 6),
        ("sonntag", 7),
    ];
    NAMES
        .iter()
        .find_map(|(n, d)| word.strip_prefix(n).map(|rest| (*d, rest)))
}

/// ISO weekday number of an abbreviation ("Mo", "fr.", "Sa").
pub fn weekday_abbr_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    Some(match w.as_str() {
        "mo" => 1,
        "di" => 2,
        "mi" => 3,
        "do" => 4,
        "fr" => 5,
        "sa" => 6,
        "so" => 7,
        _ => return None,
    })
}

/// The part of the day a word names: "Abend", "abends", "am Abend", "spätabends",
/// "Nachtstunden", "Mittagszeit", "Morgengrauen".
fn daypart_of(word: &str) -> Option<DayPart> {
    let w = word.to_lowercase();
    let w = w.trim_start_matches("am ").trim_start_matches("in der ");
    let w = w.trim();
    if matches!(w, "früh" | "frühe") {
        return Some(DayPart::Morning);
    }
    // "frühmorgens", "spätabends": early or late in the same part.
    let w = w
        .strip_prefix("früh")
        .or_else(|| w.strip_prefix("spät"))
        .unwrap_or(w);
    let w = ["stunden", "stunde", "szeit"]
        .iter()
        .find_map(|end| w.strip_suffix(end))
        .unwrap_or(w);
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "vormittag" | "morgen" | "tagesanbruch" | "morgengrauen" | "morgendämmerung" => {
            DayPart::Morning
        }
        "mittag" => DayPart::Midday,
        "nachmittag" => DayPart::Afternoon,
        "abend" => DayPart::Evening,
        "nacht" => DayPart::Night,
        _ => return None,
    })
}

fn season_of(word: &str) -> Option<Season> {
    let w = word.to_lowercase();
    if w.starts_with("frühjahr") || w.starts_with("frühling") {
        Some(Season::Spring)
    } else if w.starts_with("sommer") {
        Some(Season::Summer)
    } else if w.starts_with("herbst") {
        Some(Season::Fall)
    } else if w.starts_with("winter") {
        Some(Season::Winter)
    } else {
        None
    }
}

/// The value of a German number word up to "hundert", or of "zweieinhalb"-style fractions.
pub fn number_word(word: &str) -> Option<f64> {
    let w = word.to_lowercase().replace("ss", "ß");
    if w == "anderthalb" {
        return Some(1.5);
    }
    if let Some(stem) = w.strip_suffix("einhalb") {
        return number_word(stem).map(|n| n + 0.5);
    }
    let units = |s: &str| -> Option<u32> {
        Some(match s {
            "ein" | "eins" | "eine" | "einen" | "einem" | "einer" | "eines" => 1,
            "zwei" | "zwo" => 2,
            "drei" => 3,
            "vier" => 4,
            "fünf" => 5,
            "sechs" => 6,
            "sieben" => 7,
            "acht" => 8,
            "neun" => 9,
            _ => return None,
        })
    };
    let teens = |s: &str| -> Option<u32> {
        Some(match s {
            "zehn" => 10,
            "elf" => 11,
            "zwölf" => 12,
            "dreizehn" => 13,
            "vierzehn" => 14,
            "fünfzehn" => 15,
            "sechzehn" => 16,
            "siebzehn" => 17,
            "achtzehn" => 18,
            "neunzehn" => 19,
            _ => return None,
        })
    };
    let tens = |s: &str| -> Option<u32> {
        Some(match s {
            "zwanzig" => 20,
            "dreißig" => 30,
            "vierzig" => 40,
            "fünfzig" => 50,
            "sechzig" => 60,
            "siebzig" => 70,
            "achtzig" => 80,
            "neunzig" => 90,
            _ => return None,
        })
    };
    if w == "hundert" || w == "einhundert" {
        return Some(100.0);
    }
    if let Some(n) = units(&w).or_else(|| teens(&w)).or_else(|| tens(&w)) {
        return Some(f64::from(n));
    }
    let (u, t) = w.split_once("und")?;
    Some(f64::from(units(u)? + tens(t)?))
}

fn ordinal_word(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let stem = w
        .trim_end_matches(['n', 'r', 's', 'm'])
        .trim_end_matches('e');
    if let Some(n) = stem
        .strip_suffix("st")
        .or_else(|| stem.strip_suffix('t'))
        .and_then(number_word)
        .filter(|n| *n >= 10.0)
    {
        return Some(n as u32);
    }
    const ORD: [(&str, u32); 12] = [
        ("erst", 1),
        ("zweit", 2),
        ("dritt", 3),
        ("viert", 4),
        ("fünft", 5),
        ("sechst", 6),
        ("siebt", 7),
        ("acht", 8),
        ("neunt", 9),
        ("zehnt", 10),
        ("elft", 11),
        ("zwölft", 12),
    ];
    ORD.iter().find(|(s, _)| w.starts_with(s)).map(|(_, n)| *n)
}

/// An ordinal from digits ("19.") or a word ("dritten").
fn ordinal(p: &Pair<'_, Rule>) -> Option<u32> {
    match p.as_rule() {
        // "19.", "4ten", "4tes"
        Rule::ord_num => p
            .as_str()
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok(),
        Rule::ord_word => ordinal_word(p.as_str()),
        Rule::day_num => p.as_str().parse().ok(),
        _ => None,
    }
}

/// The amount of an `amount` pair; `None` for a vague one ("einige").
fn amount_of(p: &Pair<'_, Rule>) -> Option<f64> {
    let inner = p.clone().into_inner().next()?;
    match inner.as_rule() {
        Rule::half => Some(0.5),
        Rule::slash_fraction => {
            let (a, b) = inner.as_str().split_once('/')?;
            let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
            (b > 0.0).then(|| a / b)
        }
        Rule::amount_and_half => {
            let first = inner.as_str().split_whitespace().next()?;
            let n = first.parse::<f64>().ok().or_else(|| number_word(first))?;
            Some(n + 0.5)
        }
        Rule::frac_word | Rule::num_word => number_word(inner.as_str()),
        Rule::decimal => inner.as_str().replace(',', ".").parse().ok(),
        Rule::int => inner.as_str().parse().ok(),
        _ => None,
    }
}

/// The count of an `amount` pair: a number, "ein paar", or another vague word ("einige").
fn count_of(p: &Pair<'_, Rule>) -> Count {
    match amount_of(p) {
        Some(n) => Count::Exactly(n),
        None if lower(p).ends_with("paar") => Count::Few,
        None => Count::Vague,
    }
}

/// The unit of a `unit` pair and whether it is a plural form ("Jahren", "Wochen").
fn unit_of(p: &Pair<'_, Rule>) -> (Unit, bool) {
    let inner = p.clone().into_inner().next().unwrap_or_else(|| p.clone());
    let w = lower(&inner);
    let unit = match inner.as_rule() {
        Rule::unit_second => Unit::Second,
        Rule::unit_minute => Unit::Minute,
        Rule::unit_hour => Unit::Hour,
        Rule::unit_day => Unit::Day,
        Rule::unit_week => Unit::Week,
        Rule::unit_month => Unit::Month,
        Rule::unit_quarter => Unit::Quarter,
        Rule::unit_year => Unit::Year,
        Rule::unit_decade => Unit::Decade,
        Rule::unit_century => Unit::Century,
        _ => Unit::Day,
    };
    let plural = matches!(
        w.as_str(),
        "sekunden"
            | "minuten"
            | "stunden"
            | "tagen"
            | "tage"
            | "wochen"
            | "monaten"
            | "monate"
            | "quartalen"
            | "quartale"
            | "jahren"
            | "jahre"
            | "jahrzehnten"
            | "jahrzehnte"
            | "jahrhunderten"
            | "jahrhunderte"
    );
    (unit, plural)
}

/// Offset of a relative adjective: "vergangenen" -1, "nächsten" +1, "diesen" 0; whether it is
/// anaphoric ("folgenden": after the last mentioned date).
fn rel_offset(word: &str) -> (i32, bool) {
    let w = word.to_lowercase();
    // Chat text writes the umlaut as a plain vowel: "nachsten", "ubernachsten".
    if w.starts_with("übernächst") || w.starts_with("ubernachst") {
        (2, false)
    } else if w.starts_with("vorletzt") {
        (-2, false)
    } else if w.starts_with("vorherig") {
        // "die vorherige Woche": the one before the last mentioned (else the document's).
        (-1, true)
    } else if w.starts_with("vergangen")
        || w.starts_with("verflossen")
        || w.starts_with("letzt")
        || w.starts_with("vorig")
    {
        (-1, false)
    } else if w.starts_with("nächst") || w.starts_with("nachst") || w.starts_with("kommend") {
        (1, false)
    } else if w.starts_with("folgend") || w.starts_with("darauffolgend") {
        (1, true)
    } else if w.starts_with("selb")
        || w.starts_with("gleich")
        || w.starts_with("demselb")
        || w.starts_with("derselb")
    {
        (0, true)
    } else {
        (0, false)
    }
}

fn year_spec_of_rel(word: &str) -> YearSpec {
    match rel_offset(word) {
        (0, true) => YearSpec::Same,
        (n, _) => YearSpec::Rel(n),
    }
}

/// Two-digit years: 00–29 are 20xx, 30–99 are 19xx.
fn expand_year2(y: i32) -> i32 {
    if y < 30 {
        2000 + y
    } else {
        1900 + y
    }
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => match year {
            Some(y) if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            Some(_) => 28,
            None => 29,
        },
    }
}

use crate::calendar::MONTH_NAMES as MONTHS_DE;

fn check_day(year: Option<i32>, month: u32, day: u32) -> Result<(), String> {
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    let max = days_in_month(year, month);
    if day == 0 || day > max {
        let name = MONTHS_DE[(month - 1) as usize];
        return Err(match year {
            Some(y) => format!("{day}. {name} {y} does not exist: {name} {y} has {max} days"),
            None => format!("{day}. {name} does not exist: {name} has at most {max} days"),
        });
    }
    Ok(())
}

/// The year given by a `year_ref` pair.
fn build_year_ref(p: &Pair<'_, Rule>) -> Option<YearSpec> {
    if let Some(y) = find(p, Rule::year4) {
        return y.as_str().parse().ok().map(YearSpec::Abs);
    }
    if let Some(r) = child(p, &[Rule::rel_adj, Rule::same_adj]) {
        return Some(year_spec_of_rel(r.as_str()));
    }
    if child(p, &[Rule::year_before]).is_some() {
        return Some(YearSpec::Prior);
    }
    // "des Jahres" alone: this year.
    Some(YearSpec::Rel(0))
}

// ---------------------------------------------------------------------------- builders

fn build_full_date(p: &Pair<'_, Rule>) -> Built<Expr> {
    let weekday =
        child(p, &[Rule::weekday_name, Rule::weekday_abbr]).and_then(|w| match w.as_rule() {
            Rule::weekday_name => weekday_number(w.as_str()),
            _ => weekday_abbr_number(w.as_str()),
        });
    if let Some(d) = child(p, &[Rule::weekday_day]) {
        // "Dienstag, den 25.": the weekday picks the month.
        let (Some(weekday), Some(day)) = (
            weekday,
            find(&d, Rule::day_num).and_then(|n| n.as_str().parse::<u32>().ok()),
        ) else {
            return Ok(None);
        };
        if !(1..=31).contains(&day) {
            return Ok(None);
        }
        return Ok(Some(Expr::DateOnWeekday {
            weekday,
            month: None,
            day,
        }));
    }
    let Some(inner) = child(
        p,
        &[Rule::day_month_name, Rule::month_day, Rule::numeric_date],
    ) else {
        return Ok(None);
    };
    let (year, month, day) = match inner.as_rule() {
        Rule::day_month_name | Rule::month_day => build_day_month_name(&inner),
        _ => build_numeric_date(&inner),
    };
    if let (Some(weekday), None, Some(month), Some(day)) = (weekday, year, month, day) {
        // "Freitag, der 12. Mai": the weekday can pick the year.
        check_day(None, month, day)?;
        return Ok(Some(Expr::DateOnWeekday {
            weekday,
            month: Some(month),
            day,
        }));
    }
    let Some(month) = month else {
        return Ok(None);
    };
    let Some(day) = day else {
        // "2022-01": a month.
        return Ok(Some(Expr::Calendar {
            year: year.map(YearSpec::Abs),
            month: Some(month),
            day: None,
        }));
    };
    check_day(year, month, day)?;
    Ok(Some(Expr::Calendar {
        year: year.map(YearSpec::Abs),
        month: Some(month),
        day: Some(day),
    }))
}

/// Year, month and day of a `day_month_name` ("14te April 15") or `month_day` ("März 3 2015").
fn build_day_month_name(p: &Pair<'_, Rule>) -> (Option<i32>, Option<u32>, Option<u32>) {
    let day = child(p, &[Rule::day_num, Rule::ord_word]).and_then(|d| ordinal(&d));
    let month =
        child(p, &[Rule::month_name, Rule::month_abbr]).and_then(|m| month_number(m.as_str()));
    let year = match child(p, &[Rule::year4, Rule::year2]) {
        Some(y) if y.as_rule() == Rule::year2 => y.as_str().parse().ok().map(expand_year2),
        Some(y) => y.as_str().parse().ok(),
        None => None,
    };
    (year, month, day)
}

/// "um 10.10": after "um" two numbers with a dot are a clock time, not a day and month.
fn build_um_time(p: &Pair<'_, Rule>) -> Option<Expr> {
    let n = child(p, &[Rule::numeric_date])?;
    let k = kids(&n);
    let [h, m] = k.as_slice() else {
        return None;
    };
    if h.as_rule() != Rule::two_digit_day || m.as_rule() != Rule::two_digit_month {
        return None;
    }
    let hour: u32 = h.as_str().parse().ok()?;
    let minute: u32 = m.as_str().parse().ok()?;
    (hour < 24).then_some(Expr::Clock {
        hour,
        minute,
        second: None,
        part: None,
        day: None,
        twelve_hour: true,
    })
}

/// "erster Dienstag im Oktober", "letzter Tag im Oktober 2015", "dritter Dienstag nach
/// Weihnachten 2014".
fn build_nth_in(p: &Pair<'_, Rule>) -> Built<Expr> {
    let Some(o) = child(p, &[Rule::ord_word, Rule::ord_num]) else {
        return Ok(None);
    };
    let n = if o.as_str().to_lowercase().starts_with("letzt") {
        -1
    } else {
        match ordinal(&o).and_then(|n| i32::try_from(n).ok()) {
            Some(n) if n >= 1 => n,
            _ => return Ok(None),
        }
    };
    let year4 = child(p, &[Rule::year4]).and_then(|y| y.as_str().parse::<i32>().ok());
    if child(p, &[Rule::calendar_week]).is_some() {
        return match u32::try_from(n) {
            Ok(week @ 1..=53) => Ok(Some(Expr::CalendarWeek { week, year: year4 })),
            _ => Err(format!("a year has no calendar week {n}")),
        };
    }
    if let Some(w) = child(p, &[Rule::month_week]) {
        // "die dritte Juliwoche 2014"
        let name = lower(&w);
        let Some(month) = month_number(name.trim_end_matches("woche")) else {
            return Ok(None);
        };
        if n > 5 {
            return Err(format!("a month has no {n}. week"));
        }
        return Ok(Some(Expr::Nth {
            n,
            what: NthOf::Week,
            within: Box::new(Expr::Calendar {
                year: year4.map(YearSpec::Abs),
                month: Some(month),
                day: None,
            }),
            after: false,
        }));
    }
    let what = match child(p, &[Rule::weekday_name, Rule::nth_unit]) {
        Some(w) if w.as_rule() == Rule::weekday_name => match weekday_number(w.as_str()) {
            Some(d) => NthOf::Weekday(d),
            None => return Ok(None),
        },
        Some(u) if u.as_str().to_lowercase().starts_with("tag") => NthOf::Day,
        Some(_) => NthOf::Week,
        None => return Ok(None),
    };
    let (within, after) = match child(p, &[Rule::month_year, Rule::month_rel, Rule::month]) {
        Some(m) => {
            let e = match m.as_rule() {
                Rule::month_year => build_month_year(&m),
                Rule::month_rel => build_month_rel(&m),
                _ => build_month(&m, "im"),
            };
            (e, false)
        }
        None => (
            child(p, &[Rule::holiday]).and_then(|h| build_holiday(&h)),
            true,
        ),
    };
    let Some(within) = within else {
        return Ok(None);
    };
    if after && n < 1 {
        return Ok(None);
    }
    let limit = match what {
        NthOf::Weekday(_) => 5,
        NthOf::Day => 31,
        NthOf::Week => 6,
    };
    if !after && n > limit {
        return Err(format!("a month has no {n}. such day or week"));
    }
    Ok(Some(Expr::Nth {
        n,
        what,
        within: Box::new(within),
        after,
    }))
}

/// "KW 12", "KW 12/2025", "Kalenderwoche 12 2025": an ISO week by its number.
fn build_kw_week(p: &Pair<'_, Rule>) -> Built<Expr> {
    let Some(week) = child(p, &[Rule::week_num]).and_then(|w| w.as_str().parse::<u32>().ok())
    else {
        return Ok(None);
    };
    let year = match child(p, &[Rule::year4, Rule::year2]) {
        Some(y) if y.as_rule() == Rule::year2 => y.as_str().parse().ok().map(expand_year2),
        Some(y) => y.as_str().parse().ok(),
        None => None,
    };
    Ok(Some(Expr::CalendarWeek { week, year }))
}

/// "die erste Januarhälfte" (START), "in der zweiten Märzhälfte" (END).
fn build_month_half(p: &Pair<'_, Rule>) -> Option<Expr> {
    let o = child(p, &[Rule::ord_word, Rule::ord_num])?;
    let modifier = if lower(&o).starts_with("letzt") {
        Mod::End
    } else {
        match ordinal(&o)? {
            1 => Mod::Start,
            2 => Mod::End,
            _ => return None,
        }
    };
    let word = lower(&child(p, &[Rule::month_half_word])?);
    let month = month_number(word.strip_suffix("hälfte")?)?;
    let year = child(p, &[Rule::year4])
        .and_then(|y| y.as_str().parse().ok())
        .map(YearSpec::Abs);
    Some(Expr::Part {
        modifier,
        inner: Box::new(Expr::Calendar {
            year,
            month: Some(month),
            day: None,
        }),
    })
}

/// "Silvesternacht", "Neujahrsnacht" (both the night of 31 December), "Silvesterabend",
/// "Neujahrsmorgen": a part of the day of a holiday, its year found as the holiday's.
fn build_new_year_part(p: &Pair<'_, Rule>) -> Option<Expr> {
    let word = lower(&child(p, &[Rule::new_year_part_word])?);
    let (holiday, part) = match word.as_str() {
        "silvesternacht" | "neujahrsnacht" => (Holiday::Fixed(12, 31), DayPart::Night),
        "silvesterabend" => (Holiday::Fixed(12, 31), DayPart::Evening),
        "neujahrsmorgen" => (Holiday::Fixed(1, 1), DayPart::Morning),
        _ => return None,
    };
    let year = child(p, &[Rule::year4])
        .and_then(|y| y.as_str().parse().ok())
        .map(YearSpec::Abs);
    Some(Expr::DayPartOf {
        day: Box::new(Expr::Holiday {
            holiday,
            year,
            days: 1,
        }),
        part,
    })
}

/// "im Laufe des Tages", "im Laufe der Woche", "im Laufe des Jahres": the current unit.
fn build_in_course(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    if lead != "im" {
        return None;
    }
    let unit = [
        (Rule::unit_day, Unit::Day),
        (Rule::unit_week, Unit::Week),
        (Rule::unit_month, Unit::Month),
        (Rule::unit_year, Unit::Year),
    ]
    .into_iter()
    .find(|(rule, _)| child(p, &[*rule]).is_some())?
    .1;
    Some(Expr::UnitShift {
        unit,
        offset: 0,
        anaphoric: false,
    })
}

/// "in den frühen Morgenstunden" (TMO), "bis in die Abendstunden" (TEV), "tagsüber" (TDT).
fn build_day_hours(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    let text = lower(p);
    let part = if text.ends_with("morgenstunden") {
        DayPart::Morning
    } else if text.ends_with("abendstunden") {
        DayPart::Evening
    } else {
        return Some(Expr::PartOfDay(DayPart::Daytime));
    };
    // After a preposition: "Die Morgenstunden sind kühl" names no day.
    matches!(lead, "in" | "seit" | "bis" | "ab" | "während").then_some(Expr::PartOfDay(part))
}

/// "24./25. August", "3. und 4. Mai", "3., 4. und 5. Mai": the first and the last day, in the
/// month (and year) named after the last. Days joined by "und" must follow each other.
fn build_day_pair(p: &Pair<'_, Rule>) -> Built<Expr> {
    let parts = kids(p);
    let days = day_numbers(&parts);
    let Some(end) = parts
        .iter()
        .find(|k| matches!(k.as_rule(), Rule::day_month_name | Rule::numeric_date))
    else {
        return Ok(None);
    };
    let (year, month, end_day) = match end.as_rule() {
        Rule::day_month_name => build_day_month_name(end),
        _ => build_numeric_date(end),
    };
    let (Some(&first), Some(month), Some(end_day)) = (days.first(), month, end_day) else {
        return Ok(None);
    };
    let listed = lower(p).contains("und");
    let fits = if listed {
        days.iter()
            .chain(std::iter::once(&end_day))
            .zip(days.iter().skip(1).chain(std::iter::once(&end_day)))
            .all(|(a, b)| *b == a + 1)
    } else {
        first < end_day
    };
    if !fits {
        return Ok(None);
    }
    days_of_month(year, month, first, end_day).map(Some)
}

/// The days of the `day_only` pairs among `parts`, in order.
fn day_numbers(parts: &[Pair<'_, Rule>]) -> Vec<u32> {
    parts
        .iter()
        .filter(|k| k.as_rule() == Rule::day_only)
        .filter_map(|d| find(d, Rule::day_num).and_then(|n| n.as_str().parse().ok()))
        .collect()
}

/// The range from day `first` to day `last` of one month ("3. bis 5. Mai", "24./25. August"),
/// both checked.
fn days_of_month(year: Option<i32>, month: u32, first: u32, last: u32) -> Result<Expr, String> {
    check_day(year, month, first)?;
    check_day(year, month, last)?;
    let cal = |d| Expr::Calendar {
        year: year.map(YearSpec::Abs),
        month: Some(month),
        day: Some(d),
    };
    Ok(Expr::Range(Box::new(cal(first)), Box::new(cal(last))))
}

/// "zwei Wochen nach Ostern": whole days, weeks, months or years from a holiday.
fn build_holiday_shift(p: &Pair<'_, Rule>) -> Option<Expr> {
    let amount = amount_of(&child(p, &[Rule::amount])?)?;
    let unit = unit_of(&child(p, &[Rule::unit])?).0;
    if amount.fract() != 0.0
        || !(1.0..=100.0).contains(&amount)
        || !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
    {
        return None;
    }
    // The word between the unit and the holiday: "nach" or "vor".
    let before = lower(p).split_whitespace().any(|w| w == "vor");
    Some(Expr::ShiftFrom {
        amount: amount as u32,
        unit,
        sign: if before { -1 } else { 1 },
        base: Box::new(build_holiday(&child(p, &[Rule::holiday])?)?),
    })
}

/// "den ganzen Tag", "die ganze Woche": one whole unit.
fn build_whole_unit(p: &Pair<'_, Rule>) -> Option<Expr> {
    let w = lower(p);
    let unit = if w.ends_with("tag") {
        Unit::Day
    } else if w.ends_with("woche") {
        Unit::Week
    } else if w.ends_with("monat") {
        Unit::Month
    } else {
        Unit::Year
    };
    Some(Expr::Duration(Duration::new(1.0, unit)))
}

fn build_numeric_date(p: &Pair<'_, Rule>) -> (Option<i32>, Option<u32>, Option<u32>) {
    let (mut year, mut month, mut day) = (None, None, None);
    let parts = match child(p, &[Rule::iso_month]) {
        Some(m) => kids(&m),
        None => kids(p),
    };
    for k in parts {
        match k.as_rule() {
            Rule::year4 => year = k.as_str().parse().ok(),
            Rule::year2 => year = k.as_str().parse().ok().map(expand_year2),
            Rule::month_num | Rule::two_digit_month => month = k.as_str().parse().ok(),
            Rule::month_name | Rule::month_abbr => month = month_number(k.as_str()),
            Rule::day_num | Rule::two_digit_day => day = k.as_str().parse().ok(),
            _ => {}
        }
    }
    (year, month, day)
}

fn build_month_year(p: &Pair<'_, Rule>) -> Option<Expr> {
    let month = find(p, Rule::month_name).and_then(|m| month_number(m.as_str()))?;
    let year = match find(p, Rule::year4) {
        Some(y) => y.as_str().parse().ok()?,
        None => expand_year2(find(p, Rule::late_year2)?.as_str().parse().ok()?),
    };
    Some(Expr::Calendar {
        year: Some(YearSpec::Abs(year)),
        month: Some(month),
        day: None,
    })
}

fn build_month_rel(p: &Pair<'_, Rule>) -> Option<Expr> {
    let month = find(p, Rule::month_name).and_then(|m| month_number(m.as_str()))?;
    let year = match child(p, &[Rule::rel_adj, Rule::same_adj]) {
        Some(rel) => year_spec_of_rel(rel.as_str()),
        None => YearSpec::Prior,
    };
    Some(Expr::Calendar {
        year: Some(year),
        month: Some(month),
        day: None,
    })
}

/// A month alone. "August" and "Mai" double as names and words, so alone they need a
/// preposition in front.
fn build_month(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    let name = find(p, Rule::month_name)?;
    let month = month_number(name.as_str())?;
    let word = name.as_str();
    let ambiguous = matches!(word, "August" | "Mai" | "März")
        || word.ends_with('.')
        || word.chars().next().is_some_and(|c| c.is_lowercase()) && month == 5;
    // "im Monat Mai" says what "Mai" is.
    let said = p.as_str().to_lowercase().starts_with("monat");
    if ambiguous && lead.is_empty() && !said {
        return None;
    }
    Some(Expr::Calendar {
        year: None,
        month: Some(month),
        day: None,
    })
}

fn build_decade(p: &Pair<'_, Rule>) -> Option<Expr> {
    if let Some(y) = find(p, Rule::year4) {
        let y: i32 = y.as_str().parse().ok()?;
        if y % 10 != 0 {
            return None;
        }
        return Some(Expr::Decade(y / 10));
    }
    if let Some(y) = find(p, Rule::year2) {
        let y: i32 = y.as_str().parse().ok()?;
        if y % 10 != 0 {
            return None;
        }
        let full = if y < 20 { 2000 + y } else { 1900 + y };
        return Some(Expr::Decade(full / 10));
    }
    let w = find(p, Rule::decade_word)?.as_str().to_lowercase();
    let stem = w.trim_end_matches('n').trim_end_matches("er");
    let tens = number_word(stem)? as i32;
    Some(Expr::Decade(190 + tens / 10))
}

fn build_century(p: &Pair<'_, Rule>) -> Option<Expr> {
    let n = if let Some(o) = find(p, Rule::ord_num) {
        i32::try_from(ordinal(&o)?).ok()?
    } else {
        let w = find(p, Rule::century_word)?.as_str().to_lowercase();
        const C: [(&str, i32); 7] = [
            ("einundzwanzigst", 21),
            ("zwanzigst", 20),
            ("neunzehnt", 19),
            ("achtzehnt", 18),
            ("siebzehnt", 17),
            ("sechzehnt", 16),
            ("fünfzehnt", 15),
        ];
        C.iter().find(|(s, _)| w.starts_with(s))?.1
    };
    (1..=30).contains(&n).then_some(Expr::Century(n - 1))
}

fn build_quarter(p: &Pair<'_, Rule>) -> Built<Expr> {
    let q = match child(p, &[Rule::ord_word, Rule::ord_num, Rule::quarter_digit]) {
        Some(o) if o.as_rule() == Rule::quarter_digit => o.as_str().parse().ok(),
        Some(o) => ordinal(&o),
        None => None,
    };
    let Some(q) = q else { return Ok(None) };
    if !(1..=4).contains(&q) {
        return Err(format!("a year has four quarters, not {q}"));
    }
    let year = match child(p, &[Rule::year_ref]) {
        Some(r) => build_year_ref(&r),
        None => child(p, &[Rule::year4])
            .and_then(|y| y.as_str().parse().ok())
            .map(YearSpec::Abs),
    };
    Ok(Some(Expr::Quarter { quarter: q, year }))
}

fn build_half_year(p: &Pair<'_, Rule>) -> Built<Expr> {
    let Some(h) = child(p, &[Rule::ord_word, Rule::ord_num]).and_then(|o| ordinal(&o)) else {
        return Ok(None);
    };
    if !(1..=2).contains(&h) {
        return Err(format!("a year has two halves, not {h}"));
    }
    let year = child(p, &[Rule::year_ref]).and_then(|r| build_year_ref(&r));
    Ok(Some(Expr::Half { half: h, year }))
}

/// A season needs a year or a preposition: "Anna Sommer" is a name.
fn build_season_with_lead(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    if lead.is_empty() && child(p, &[Rule::year_ref]).is_none() {
        return None;
    }
    build_season(p)
}

fn build_season(p: &Pair<'_, Rule>) -> Option<Expr> {
    let season = season_of(find(p, Rule::season_name)?.as_str())?;
    let year = child(p, &[Rule::year_ref]).and_then(|r| build_year_ref(&r));
    Some(Expr::Season { season, year })
}

fn build_part_of(p: &Pair<'_, Rule>) -> Built<Expr> {
    let Some(word) = child(p, &[Rule::part_word]) else {
        return Ok(None);
    };
    let modifier = match lower(&word).as_str() {
        "anfang" | "beginn" => Mod::Start,
        "mitte" => Mod::Mid,
        _ => Mod::End,
    };
    let Some(target) = child(p, &[Rule::part_target]) else {
        return Ok(None);
    };
    let first = target.clone().into_inner().next();
    let inner = match first.as_ref().map(|f| f.as_rule()) {
        Some(Rule::month_year) => first.as_ref().and_then(build_month_year),
        Some(Rule::month_rel) => first.as_ref().and_then(build_month_rel),
        Some(Rule::decade) => first.as_ref().and_then(build_decade),
        Some(Rule::century) => first.as_ref().and_then(build_century),
        Some(Rule::season) => first.as_ref().and_then(build_season),
        Some(Rule::month) => first.as_ref().and_then(|m| build_month(m, "anfang")),
        Some(Rule::holiday) => first.as_ref().and_then(build_holiday),
        Some(Rule::new_year) => Some(Expr::NewYear),
        Some(Rule::year_expr) => find(&target, Rule::year4)
            .and_then(|y| y.as_str().parse().ok())
            .map(|y| Expr::Calendar {
                year: Some(YearSpec::Abs(y)),
                month: None,
                day: None,
            }),
        Some(Rule::rel_adj) | Some(Rule::same_adj) => {
            let (offset, anaphoric) = rel_offset(first.as_ref().map_or("", |f| f.as_str()));
            if let Some(m) = child(&target, &[Rule::month_name]) {
                month_number(m.as_str()).map(|month| Expr::RelNamed {
                    named: Named::Month(month),
                    offset,
                })
            } else if let Some(s) = child(&target, &[Rule::season_name]) {
                season_of(s.as_str()).map(|season| Expr::RelNamed {
                    named: Named::Season(season),
                    offset,
                })
            } else {
                child(&target, &[Rule::unit]).map(|u| Expr::UnitShift {
                    unit: unit_of(&u).0,
                    offset,
                    anaphoric,
                })
            }
        }
        Some(Rule::unit) => {
            let unit = first.as_ref().map_or(Unit::Year, |u| unit_of(u).0);
            match child(&target, &[Rule::year4]).and_then(|y| y.as_str().parse().ok()) {
                Some(y) if unit == Unit::Year => Some(Expr::Calendar {
                    year: Some(YearSpec::Abs(y)),
                    month: None,
                    day: None,
                }),
                _ => Some(Expr::UnitShift {
                    unit,
                    offset: 0,
                    anaphoric: false,
                }),
            }
        }
        _ => None,
    };
    Ok(inner.map(|inner| Expr::Part {
        modifier,
        inner: Box::new(inner),
    }))
}

fn build_year_part(p: &Pair<'_, Rule>) -> Option<Expr> {
    let w = find(p, Rule::year_part_word)?.as_str().to_lowercase();
    let modifier = if w.contains("ende") {
        Mod::End
    } else if w.contains("mitte") {
        Mod::Mid
    } else {
        Mod::Start
    };
    let unit = if w.starts_with("monat") {
        Unit::Month
    } else {
        Unit::Year
    };
    let inner = match find(p, Rule::year4).and_then(|y| y.as_str().parse().ok()) {
        Some(y) if unit == Unit::Year => Expr::Calendar {
            year: Some(YearSpec::Abs(y)),
            month: None,
            day: None,
        },
        _ => Expr::UnitShift {
            unit,
            offset: 0,
            anaphoric: false,
        },
    };
    Some(Expr::Part {
        modifier,
        inner: Box::new(inner),
    })
}

fn build_holiday(p: &Pair<'_, Rule>) -> Option<Expr> {
    let name = find(p, Rule::holiday_name)?.as_str().to_lowercase();
    let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let nth = child(p, &[Rule::ord_word, Rule::ord_num]).and_then(|o| ordinal(&o));
    let year = find(p, Rule::year4)
        .and_then(|y| y.as_str().parse().ok())
        .map(YearSpec::Abs);
    if name == "earth hour" || name == "stunde der erde" {
        return Some(earth_hour(year));
    }
    // "Osterwochenende", "Pfingstwochenende": the weekend of the feast's Sunday.
    let feast = match name.as_str() {
        "osterwochenende" => Some("ostern"),
        "pfingstwochenende" => Some("pfingsten"),
        _ => None,
    };
    if let Some(feast) = feast {
        let (holiday, days) = holiday_named(feast, None)?;
        return Some(Expr::WeekendOf(Box::new(Expr::Holiday {
            holiday,
            year,
            days,
        })));
    }
    let (holiday, days) = holiday_named(&name, nth)?;
    Some(Expr::Holiday {
        holiday,
        year,
        days,
    })
}

/// Earth Hour: the lights go out from 20:30 to 21:30 local time on its day in March.
fn earth_hour(year: Option<YearSpec>) -> Expr {
    let at = |hour| Expr::Clock {
        hour,
        minute: 30,
        second: None,
        part: None,
        day: Some(Box::new(Expr::Holiday {
            holiday: Holiday::EarthHour,
            year,
            days: 1,
        })),
        twelve_hour: false,
    };
    Expr::Range(Box::new(at(20)), Box::new(at(21)))
}

/// A holiday by its lowercase name (spaces collapsed), with its length in days.
fn holiday_named(name: &str, nth: Option<u32>) -> Option<(Holiday, u32)> {
    // An inflected adjective in front ("am Stillen Freitag", "orthodoxen Ostern") stands for
    // its base form.
    if let Some((adj, rest)) = name.split_once(' ') {
        let base = adj.trim_end_matches(['r', 'n', 's', 'm']);
        if base != adj && base.ends_with('e') {
            if let Some(found) = holiday_named(&format!("{base} {rest}"), nth) {
                return Some(found);
            }
        }
        if base == "orthodoxe" {
            return match holiday_named(rest, nth)? {
                (Holiday::Easter(off), days) => Some((Holiday::OrthodoxEaster(off), days)),
                (Holiday::Fixed(12, d), days) if d == 24 || d == 25 => {
                    Some((Holiday::OrthodoxChristmas(i64::from(d) - 25), days))
                }
                _ => None,
            };
        }
    }
    if let Some(found) = christian_holiday(name, nth) {
        return Some((found, 1));
    }
    if let Some(found) = other_holiday(name) {
        return Some(found);
    }
    // Genitive: "des Ramadans", "des Laubhüttenfestes".
    let stem = name
        .strip_suffix("es")
        .filter(|s| s.ends_with("fest") || s.ends_with("tag"))
        .or_else(|| name.strip_suffix('s'))?;
    other_holiday(stem).or_else(|| christian_holiday(stem, nth).map(|h| (h, 1)))
}

/// Christian and civil holidays of one day.
fn christian_holiday(name: &str, nth: Option<u32>) -> Option<Holiday> {
    Some(match name {
        "advent" => Holiday::Advent(7 * (i64::from(nth.unwrap_or(1).clamp(1, 4)) - 1)),
        "weihnachtsfeiertag" | "weihnachtstag" if nth == Some(2) => Holiday::Fixed(12, 26),
        "weihnachtsfeiertag" => Holiday::Fixed(12, 25),
        "weiberfastnacht" => Holiday::Easter(-52),
        "fastnachtssamstag" => Holiday::Easter(-50),
        "fastnachtssonntag" | "karneval" => Holiday::Easter(-49),
        // "Mardi Gras" as German news writes of New Orleans.
        "fastnacht" | "faschingsdienstag" | "fastnachtsdienstag" | "mardi gras" => {
            Holiday::Easter(-47)
        }
        "palmsonntag" | "palmensonntag" => Holiday::Easter(-7),
        "karsamstag" | "stille samstag" | "karsonnabend" => Holiday::Easter(-1),
        "volkstrauertag" => Holiday::Advent(-14),
        // The Swiss Federal Day of Thanksgiving, Repentance and Prayer: the third Sunday of
        // September.
        _ if name.ends_with("bettag")
            && (name.starts_with("schweizer") || name.starts_with("eidgen")) =>
        {
            Holiday::NthWeekday {
                month: 9,
                weekday: 7,
                n: 3,
            }
        }
        "buß- und bettag" | "bußtag" => Holiday::Advent(-11),
        "totensonntag" | "ewigkeitssonntag" => Holiday::Advent(-7),
        "heilige drei könige" | "dreikönigstag" => Holiday::Fixed(1, 6),
        "johannistag" => Holiday::Fixed(6, 24),
        "peter und paul" => Holiday::Fixed(6, 29),
        "barbaratag" => Holiday::Fixed(12, 4),
        "mariä himmelfahrt" => Holiday::Fixed(8, 15),
        "halloween" => Holiday::Fixed(10, 31),
        "nikolaus" => Holiday::Fixed(12, 6),
        "erntedankfest" | "erntedank" => Holiday::NthWeekday {
            month: 10,
            weekday: 7,
            n: 1,
        },
        "muttertag" => Holiday::NthWeekday {
            month: 5,
            weekday: 7,
            n: 2,
        },
        // In Germany Father's Day is Ascension Day.
        "vatertag" => Holiday::Easter(39),
        "heiligabend" | "heiligen abend" | "weihnachtsabend" => Holiday::Fixed(12, 24),
        "weihnachten" | "weihnachtstag" | "weihnachtsfest" => Holiday::Fixed(12, 25),
        "silvester" => Holiday::Fixed(12, 31),
        "neujahr" | "neujahrstag" => Holiday::Fixed(1, 1),
        "ostern" | "ostersonntag" | "osterfest" => Holiday::Easter(0),
        "ostermontag" => Holiday::Easter(1),
        "karfreitag" | "stille freitag" | "hohe freitag" => Holiday::Easter(-2),
        "gründonnerstag" | "palmdonnerstag" | "hohe donnerstag" | "heilige donnerstag"
        | "weiße donnerstag" => Holiday::Easter(-3),
        "pfingsten" | "pfingstsonntag" | "pentecost" => Holiday::Easter(49),
        "pfingstmontag" | "pentecost montag" => Holiday::Easter(50),
        "trinitatis" | "dreifaltigkeitssonntag" | "dreifaltigkeitsfest" => Holiday::Easter(56),
        "christi himmelfahrt" | "himmelfahrt" | "himmelfahrtstag" => Holiday::Easter(39),
        "fronleichnam" | "corpus christi" => Holiday::Easter(60),
        "rosenmontag" => Holiday::Easter(-48),
        "aschermittwoch" | "aschertag" | "aschetag" => Holiday::Easter(-46),
        // Clean Monday, the first day of the Orthodox Great Lent.
        "reine montag" | "saubere montag" | "aschermontag" => Holiday::OrthodoxEaster(-48),
        // The Saturday before Palm Sunday in the Orthodox church.
        "lazarus-samstag" | "lazarus samstag" => Holiday::OrthodoxEaster(-8),
        "tag der deutschen einheit" => Holiday::Fixed(10, 3),
        "tag der arbeit" | "maifeiertag" => Holiday::Fixed(5, 1),
        "allerheiligen" => Holiday::Fixed(11, 1),
        "reformationstag" => Holiday::Fixed(10, 31),
        "nikolaustag" => Holiday::Fixed(12, 6),
        "valentinstag" => Holiday::Fixed(2, 14),
        // "Herbstanfang" is the calendar's (astronomical) one; the meteorological seasons begin
        // on the first of March, June, September and December.
        "frühlingsanfang" | "frühjahrsanfang" => Holiday::SeasonStart(0),
        "sommeranfang" => Holiday::SeasonStart(90),
        "herbstanfang" => Holiday::SeasonStart(180),
        "winteranfang" => Holiday::SeasonStart(270),
        "meteorologische frühlingsanfang" | "meteorologische frühjahrsanfang" => {
            Holiday::Fixed(3, 1)
        }
        "meteorologische sommeranfang" => Holiday::Fixed(6, 1),
        "meteorologische herbstanfang" => Holiday::Fixed(9, 1),
        "meteorologische winteranfang" => Holiday::Fixed(12, 1),
        // In German texts the Holocaust memorial day is 27 January (the liberation of
        // Auschwitz), not Israel's Yom HaShoah.
        "holocaust-gedenktag" | "holocaustgedenktag" => Holiday::Fixed(1, 27),
        _ => return None,
    })
}

/// Lent, Jewish and Islamic holidays, with their length in days.
fn other_holiday(name: &str) -> Option<(Holiday, u32)> {
    use crate::calendar::{hebrew as h, islamic as i, HebrewObserved};
    // Transliterations vary in spaces, hyphens and apostrophes: "Rosch ha-Schana",
    // "Yom Ha'atzmaut", "tisha b'av".
    let key: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\'' | '’'))
        .collect();
    let k = key.as_str();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| k.starts_with(p));
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| k.ends_with(s));
    Some(match k {
        // Ash Wednesday to Holy Saturday.
        "fastenzeit" => (Holiday::Easter(-46), 46),
        // The Orthodox Great Lent: Clean Monday to the Friday before Lazarus Saturday.
        "großefastenzeit" | "grossefastenzeit" => (Holiday::OrthodoxEaster(-48), 40),
        _ if starts(&["jüdische"]) && k.contains("lichterfest") => {
            (Holiday::Hebrew(h::KISLEV, 25), 8)
        }
        _ if starts(&["rosch", "rosh", "jüdische"]) => (Holiday::Hebrew(h::TISHREI, 1), 2),
        _ if starts(&["jom", "yom"]) && ends(&["kippur", "kipur"]) => {
            (Holiday::Hebrew(h::TISHREI, 10), 1)
        }
        "versöhnungstag" | "versöhnungsfest" => (Holiday::Hebrew(h::TISHREI, 10), 1),
        _ if starts(&["jom", "yom"]) && ends(&["schoah", "schoa", "shoah", "shoa"]) => {
            (Holiday::HebrewObserved(HebrewObserved::YomHaShoah), 1)
        }
        _ if starts(&["jom", "yom"]) && ends(&["atzmaut", "azmaut"]) => {
            (Holiday::HebrewObserved(HebrewObserved::YomHaatzmaut), 1)
        }
        // Seven days; Shemini Atzeret and Simchat Torah follow.
        "sukkot" | "sukkoth" | "sukkos" | "laubhüttenfest" => (Holiday::Hebrew(h::TISHREI, 15), 7),
        _ if ends(&["azeret", "atzeret"]) => (Holiday::Hebrew(h::TISHREI, 22), 1),
        // Outside Israel, where it is the day after Shemini Atzeret.
        _ if starts(&["simchat", "simchas", "simhat"]) => (Holiday::Hebrew(h::TISHREI, 23), 1),
        _ if starts(&["chanuk", "hanuk"]) => (Holiday::Hebrew(h::KISLEV, 25), 8),
        _ if starts(&["tubi"]) => (Holiday::Hebrew(h::SHEVAT, 15), 1),
        "purim" => (Holiday::Hebrew(h::ADAR, 14), 1),
        // Eight days outside Israel.
        "pessach" | "pesach" | "passah" | "passa" | "pessachfest" | "pesachfest" | "passahfest" => {
            (Holiday::Hebrew(h::NISAN, 15), 8)
        }
        // Two days outside Israel.
        "schawuot" | "schawuoth" | "shavuot" | "shavuoth" | "wochenfest" => {
            (Holiday::Hebrew(h::SIVAN, 6), 2)
        }
        _ if starts(&["lagbaomer", "laglaomer"]) => (Holiday::Hebrew(h::IYAR, 18), 1),
        _ if starts(&["tischa", "tisha"]) => {
            (Holiday::HebrewObserved(HebrewObserved::TishaBeAv), 1)
        }
        // Thirty days (29 in some years).
        "ramadan" | "ramadhan" | "ramazan" => (Holiday::Islamic(i::RAMADAN, 1), 30),
        "zuckerfest" => (Holiday::Islamic(i::SHAWWAL, 1), 1),
        _ if starts(&["eid", "id"]) && ends(&["fitr"]) => (Holiday::Islamic(i::SHAWWAL, 1), 1),
        "opferfest" | "bakrid" => (Holiday::Islamic(i::DHU_AL_HIJJA, 10), 1),
        _ if starts(&["eid", "id"]) && ends(&["adha"]) => {
            (Holiday::Islamic(i::DHU_AL_HIJJA, 10), 1)
        }
        _ if starts(&["muslimische", "islamische"]) && k.contains("fasten") => {
            (Holiday::Islamic(i::RAMADAN, 1), 30)
        }
        _ if starts(&["islamische", "amunjadid"]) => (Holiday::Islamic(i::MUHARRAM, 1), 1),
        _ if starts(&["aschura", "ashura"]) => (Holiday::Islamic(i::MUHARRAM, 10), 1),
        _ if starts(&["mawlid", "maulid", "mevlid"]) => (Holiday::Islamic(i::RABI_AL_AWWAL, 12), 1),
        _ if starts(&["laylat", "lailat"])
            || starts(&["nachtderbestimmung", "nachtderallmacht"]) =>
        {
            (Holiday::Islamic(i::RAMADAN, 27), 1)
        }
        _ if starts(&["isra", "nachtreise", "aufstieg"]) => (Holiday::Islamic(i::RAJAB, 27), 1),
        _ if starts(&["chinesische"]) => (Holiday::ChineseNewYear, 1),
        _ if starts(&["bhogi", "bogi"]) => (
            Holiday::Sankranti {
                sign: 9,
                offset: -1,
            },
            1,
        ),
        _ if starts(&["maattu", "mattu"]) => (Holiday::Sankranti { sign: 9, offset: 1 }, 1),
        _ if starts(&["kaanum", "kanum", "kanni"]) => {
            (Holiday::Sankranti { sign: 9, offset: 2 }, 1)
        }
        _ if starts(&["makar", "maghi", "thai", "pongal"]) => {
            (Holiday::Sankranti { sign: 9, offset: 0 }, 1)
        }
        _ if starts(&["mesha", "vaisakhi", "baisakhi", "vaishakhi", "vasakhi"]) => {
            (Holiday::Sankranti { sign: 0, offset: 0 }, 1)
        }
        // Kurdish Newroz is celebrated on 21 March.
        "newroz" => (Holiday::Fixed(3, 21), 1),
        _ if starts(&[
            "persische",
            "iranische",
            "nowruz",
            "nouruz",
            "nauruz",
            "norooz",
        ]) =>
        {
            (Holiday::Nowruz, 1)
        }
        _ if hindu_festival(k).is_some() => return hindu_festival(k),
        // Jumu'atul-Wida, the last Friday of Ramadan.
        _ if ends(&["wida", "vida"]) => (Holiday::IslamicFridayBefore(i::SHAWWAL, 1), 1),
        _ => return None,
    })
}

/// Hindu, Jain, Sikh and Buddhist festivals of the lunisolar calendar, keyed without spaces
/// and hyphens, with their length in days.
fn hindu_festival(k: &str) -> Option<(Holiday, u32)> {
    use crate::calendar::hindu::{self as h, Kala};
    let tithi = |month, tithi, kala, offset| Holiday::Tithi {
        month,
        tithi,
        kala,
        offset,
    };
    let diwali = |offset| tithi(h::ASHVIN, h::AMAVASYA, Kala::Dusk, offset);
    Some(match k {
        "diwali" | "deepavali" | "dipavali" | "lakshmipuja" | "laxmipuja" => (diwali(0), 1),
        "dhanteras" | "dhanatrayodashi" | "dhantrayodashi" => {
            (tithi(h::ASHVIN, 28, Kala::Dusk, 0), 1)
        }
        // Popularly the eve of Diwali.
        "chotidiwali" | "chhotidiwali" | "kalichaudas" | "narakchaturdashi"
        | "narakachaturdashi" => (diwali(-1), 1),
        "govardhanpuja" | "annakut" => (tithi(h::KARTIKA, 1, Kala::Afternoon, 0), 1),
        "bhaidooj" | "bhaidhooj" | "bhaiyadooj" | "bhaiyadhooj" => {
            (tithi(h::KARTIKA, 2, Kala::Afternoon, 0), 1)
        }
        "chhath" | "chhathpuja" | "suryashashthi" | "suryashashti" | "dalapuja" | "dalachhath" => {
            (tithi(h::KARTIKA, 6, Kala::Sunrise, 0), 1)
        }
        // Nine nights from the first day of the bright half of Ashvin; Durga Puja from its sixth
        // day to Vijayadashami.
        "navaratri" | "navratri" => (tithi(h::ASHVIN, 1, Kala::Sunrise, 0), 9),
        "durgapuja" => (tithi(h::ASHVIN, 6, Kala::Sunrise, 0), 5),
        "mahasaptami" => (tithi(h::ASHVIN, 7, Kala::Sunrise, 0), 1),
        "mahaashtami" => (tithi(h::ASHVIN, 8, Kala::Sunrise, 0), 1),
        "mahanavami" => (tithi(h::ASHVIN, 9, Kala::Sunrise, 0), 1),
        "dussehra" | "dussera" | "dasara" | "vijayadashami" | "vijayadasami" => {
            (tithi(h::ASHVIN, 10, Kala::Sunrise, 0), 1)
        }
        // The fourth of the waning half of purnimanta Kartika.
        "karvachauth" | "karwachauth" => (tithi(h::ASHVIN, 19, Kala::Moonrise, 0), 1),
        "rakshabandhan" | "rakhi" => (tithi(h::SHRAVANA, h::PURNIMA, Kala::Afternoon, 0), 1),
        // The eighth of the waning half of purnimanta Bhadrapada.
        "janmashtami" | "krishnajanmashtami" | "gokulashtami" => {
            (tithi(h::SHRAVANA, 23, Kala::Midnight, 0), 1)
        }
        "holikadahan" | "chotiholi" | "chhotiholi" | "kamudupyre" => {
            (tithi(h::PHALGUNA, h::PURNIMA, Kala::Dusk, 0), 1)
        }
        // The day after the bonfire of Holika.
        "holi" | "dhulandi" | "phagwah" => (tithi(h::PHALGUNA, h::PURNIMA, Kala::Dusk, 1), 1),
        // The fourteenth of the waning half of purnimanta Phalguna.
        "mahashivaratri" | "mahashivratri" => (tithi(h::MAGHA, 29, Kala::Midnight, 0), 1),
        "vasantpanchami" | "basantpanchami" | "saraswatipuja" | "saraswatijayanti" => {
            (tithi(h::MAGHA, 5, Kala::Sunrise, 0), 1)
        }
        "mahavirjayanti" | "mahaveerjayanti" | "mahavirjanmakalyanak" | "mahaveerjanmakalyanak" => {
            (tithi(h::CHAITRA, 13, Kala::Sunrise, 0), 1)
        }
        "onam" | "thiruonam" | "thiruvonam" => (Holiday::Onam, 1),
        "buddhapurnima" | "buddhajayanti" | "buddhatag" | "vesak" | "wesak" | "wesakfest" => {
            (tithi(h::VAISHAKHA, h::PURNIMA, Kala::Sunrise, 0), 1)
        }
        "gururavidasjayanti"
        | "gururavidassjayanti"
        | "gururavidasgeburtstag"
        | "gururavidassgeburtstag" => (tithi(h::MAGHA, h::PURNIMA, Kala::Sunrise, 0), 1),
        "valmikijayanti" | "maharishivalmikijayanti" | "pargatdiwas" => {
            (tithi(h::ASHVIN, h::PURNIMA, Kala::Sunrise, 0), 1)
        }
        "gurugobindsinghjayanti"
        | "gurugovindsinghjayanti"
        | "gurugobindsinghgeburtstag"
        | "gurugovindsinghgeburtstag" => (tithi(h::PAUSHA, 7, Kala::Sunrise, 0), 1),
        // 25 Boishakh: the Bengali month begins the day after the Sun enters Aries.
        "rabindrajayanti" | "rabindranathjayanti" => (
            Holiday::Sankranti {
                sign: 0,
                offset: 25,
            },
            1,
        ),
        "parsineujahr" | "jamshedinavroz" | "jamshedinowruz" | "jamshedinavruz" => {
            (Holiday::ParsiNewYear, 1)
        }
        // The Dutch King's Day, since 2014.
        "koningsdag" | "königstag" => (Holiday::FixedNotSunday(4, 27), 1),
        _ => return None,
    })
}

fn build_weekday(p: &Pair<'_, Rule>) -> Option<Expr> {
    let weekday = weekday_number(find(p, Rule::weekday_name)?.as_str())?;
    let part = child(
        p,
        &[
            Rule::daypart_suffix,
            Rule::daypart_word,
            Rule::daypart_adverb,
        ],
    )
    .and_then(|d| daypart_of(d.as_str()));
    if child(p, &[Rule::after_next]).is_some() {
        // "Mittwoch nach dem nächsten": as "übernächsten Mittwoch".
        return Some(Expr::RelNamed {
            named: Named::Weekday(weekday, part),
            offset: 2,
        });
    }
    if let Some(shift) = child(p, &[Rule::week_shift]) {
        // "Mittwoch in zwei Wochen": that weekday in the week two weeks ahead.
        let n = amount_of(&child(&shift, &[Rule::amount])?)?;
        if n.fract() != 0.0 || n > 520.0 {
            return None;
        }
        let sign = if lower(&shift).starts_with("vor") {
            -1
        } else {
            1
        };
        return Some(Expr::Weekday {
            weekday,
            part,
            week: Some(sign * n as i32),
        });
    }
    let week = child(p, &[Rule::week_ref])
        .and_then(|w| find(&w, Rule::rel_adj))
        .map(|r| rel_offset(r.as_str()).0);
    Some(Expr::Weekday {
        weekday,
        part,
        week,
    })
}

/// "heute", "gestern Abend". After "am"/"seit dem"/"gegen", "Morgen" is the morning, not tomorrow.
fn build_day_deixis(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    let word = lower(&find(p, Rule::deixis_word)?);
    let part = find(p, Rule::daypart_word).and_then(|d| daypart_of(d.as_str()));
    if word == "morgen"
        && part.is_none()
        && matches!(lead, "am" | "seit" | "gegen" | "vom" | "im" | "in" | "über")
    {
        return Some(Expr::PartOfDay(DayPart::Morning));
    }
    let days = match word.as_str() {
        "vorvorgestern" => -3,
        "vorgestern" => -2,
        "gestern" => -1,
        "heute" => 0,
        "morgen" => 1,
        _ => 2,
    };
    Some(Expr::DayOffset {
        days,
        part,
        anaphoric: false,
    })
}

/// A part of the day alone. A noun needs a preposition in front ("am Abend", not "Guten
/// Abend") or an adjective ("frühen Nachmittag"), and "Früh" the "in der" of "in der Früh"; an
/// adverb ("morgens"), hours ("in den frühen Morgenstunden") and dawn ("bei Tagesanbruch")
/// stand alone.
fn build_daypart(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    let rules = [
        Rule::daypart_adverb,
        Rule::daypart_hour_word,
        Rule::dawn_word,
        Rule::daypart_word,
    ];
    let word = p
        .clone()
        .into_inner()
        .flatten()
        .find(|k| rules.contains(&k.as_rule()))?;
    if word.as_rule() == Rule::daypart_word {
        let adjective = word.as_str().len() < p.as_str().len();
        if (lead.is_empty() && !adjective) || matches!(lead, "für" | "zu" | "aus") {
            return None;
        }
        if matches!(lower(&word).as_str(), "früh" | "frühe") && lead != "in" {
            return None;
        }
    }
    let part = daypart_of(word.as_str())?;
    if let Some(dir) = child(p, &[Rule::day_dir]) {
        // "am Abend zuvor", "in der Nacht darauf"
        let days = if matches!(lower(&dir).as_str(), "danach" | "darauf") {
            1
        } else {
            -1
        };
        return Some(Expr::DayOffset {
            days,
            part: Some(part),
            anaphoric: true,
        });
    }
    Some(Expr::PartOfDay(part))
}

/// Whether a part of the day alone is a reading only chat text supports: an adverb
/// ("morgens", "abends") or hours without a preposition ("frühe Nachtstunden", "die frühen
/// Morgenstunden"). In news these are as often habitual ("Er joggt morgens") or generic ("Die
/// Morgenstunden sind kühl") as they are a day's part, so news text drops them; "am Abend",
/// "in den frühen Morgenstunden" and "bei Tagesanbruch" stay.
fn loose_daypart(p: &Pair<'_, Rule>, lead: &str) -> bool {
    let no_preposition = lead.is_empty() || ARTICLES.contains(&lead);
    child(p, &[Rule::daypart_adverb]).is_some()
        || (no_preposition && child(p, &[Rule::daypart_hours]).is_some())
        || (lead.is_empty() && child(p, &[Rule::daypart_word]).is_some())
}

/// Whether a `daypart` is a plain adverb ("nachts", "abends"): "frühmorgens", "spätabends" more
/// often tell of one day than of a habit.
fn plain_adverb(p: &Pair<'_, Rule>) -> bool {
    child(p, &[Rule::daypart_adverb]).is_some_and(|a| {
        let w = lower(&a);
        !(w.starts_with("früh") || w.starts_with("spät"))
    })
}

/// The articles `lead` can hold without a preposition ("die frühen Morgenstunden").
const ARTICLES: [&str; 8] = ["dem", "den", "der", "des", "die", "das", "diesem", "dieser"];

fn build_neighbour_unit(p: &Pair<'_, Rule>) -> Option<Expr> {
    let w = lower(p);
    let prior = |unit, grain| Some(Expr::Prior { unit, grain });
    let (unit, offset) = if w.starts_with("vorjahresmonat") {
        return prior(Unit::Year, Grain::Month);
    } else if w.starts_with("vorjahresquartal") {
        return prior(Unit::Year, Grain::Quarter);
    } else if w.starts_with("vorjahreszeitraum") {
        return prior(Unit::Year, Grain::Period);
    } else if w.starts_with("vorjahr") {
        (Unit::Year, -1)
    } else if w.starts_with("folgejahr") {
        (Unit::Year, 1)
    } else if w.starts_with("vormonat") {
        (Unit::Month, -1)
    } else if w.starts_with("folgemonat") {
        (Unit::Month, 1)
    } else if w.starts_with("vorwoche") {
        (Unit::Week, -1)
    } else if w.starts_with("folgewoche") {
        (Unit::Week, 1)
    } else if w.starts_with("vortag") {
        (Unit::Day, -1)
    } else if w.starts_with("folgetag") {
        (Unit::Day, 1)
    } else if w.starts_with("vorabend") {
        return Some(Expr::DayOffset {
            days: -1,
            part: Some(DayPart::Evening),
            anaphoric: true,
        });
    } else {
        return None;
    };
    // "Vorjahr", "Vortag" count back from the period the sentence is about, else from the
    // document date; "Folgetag" follows the last mentioned date.
    if offset < 0 {
        return prior(unit, Grain::Own);
    }
    Some(Expr::UnitShift {
        unit,
        offset,
        anaphoric: true,
    })
}

fn build_rel_unit(p: &Pair<'_, Rule>) -> Option<Expr> {
    let rel = find(p, Rule::rel_adj)?;
    let (offset, anaphoric) = rel_offset(rel.as_str());
    if let Some(w) = child(p, &[Rule::weekday_name]) {
        let part = child(p, &[Rule::daypart_suffix, Rule::daypart_word])
            .and_then(|d| daypart_of(d.as_str()));
        return Some(Expr::RelNamed {
            named: Named::Weekday(weekday_number(w.as_str())?, part),
            offset,
        });
    }
    if let Some(m) = child(p, &[Rule::month_name]) {
        return Some(Expr::RelNamed {
            named: Named::Month(month_number(m.as_str())?),
            offset,
        });
    }
    if let Some(s) = child(p, &[Rule::season_name]) {
        return Some(Expr::RelNamed {
            named: Named::Season(season_of(s.as_str())?),
            offset,
        });
    }
    if child(p, &[Rule::playing_season]).is_some() {
        return Some(Expr::RelNamed {
            named: Named::Playing,
            offset,
        });
    }
    if let Some(u) = child(p, &[Rule::unit]) {
        let (unit, plural) = unit_of(&u);
        if plural {
            // "in den vergangenen Jahren", "in den nächsten Tagen": an unspecified stretch.
            return Some(Expr::Duration(Duration::unknown(unit)));
        }
        // "an diesem Tag" is the day just spoken of; "diese Woche", "dieses Jahr" are the
        // document's own.
        let this_day = unit == Unit::Day && offset == 0 && !anaphoric;
        return Some(Expr::UnitShift {
            unit,
            offset,
            anaphoric: anaphoric || this_day,
        });
    }
    Some(Expr::RelNamed {
        named: Named::Weekend,
        offset,
    })
}

fn build_shift(p: &Pair<'_, Rule>) -> Option<Expr> {
    // "in zwölf Minuten", "in einer Stunde": in news a span of clock time is how long
    // something takes, not when it happens.
    if p.as_rule() == Rule::ahead {
        let unit = unit_of(&child(p, &[Rule::unit])?).0;
        let mut count = count_of(&child(p, &[Rule::amount])?);
        let more: Vec<Duration> = kids(p)
            .iter()
            .filter(|k| k.as_rule() == Rule::duration_part)
            .map(build_duration_part)
            .collect::<Option<_>>()?;
        // "in einer Stunde und dreißig Minuten": the sum, in the smallest unit named.
        let unit = match (count, more.is_empty()) {
            (Count::Exactly(n), false) => {
                let all: Vec<Duration> = std::iter::once(Duration::new(n, unit))
                    .chain(more)
                    .collect();
                let sum = sum_durations(&all)?;
                count = Count::Exactly(sum.amount?);
                sum.unit
            }
            (_, false) => return None,
            (_, true) => unit,
        };
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return (count != Count::Vague).then_some(Expr::ClockShift { count, unit });
        }
        if let Count::Exactly(amount) = count {
            return Some(Expr::Shift {
                amount,
                unit,
                sign: 1,
                anaphoric: false,
            });
        }
    }
    if p.as_str().to_lowercase().ends_with("kurzem") {
        return Some(Expr::Ref(Reference::Past));
    }
    let unit = unit_of(&child(p, &[Rule::unit])?).0;
    let sign = if p.as_rule() == Rule::ago { -1 } else { 1 };
    match child(p, &[Rule::amount]) {
        Some(a) => match amount_of(&a) {
            Some(amount) => Some(Expr::Shift {
                amount,
                unit,
                sign,
                anaphoric: false,
            }),
            None => Some(Expr::Ref(if sign < 0 {
                Reference::Past
            } else {
                Reference::Future
            })),
        },
        // "vor Jahren"
        None => Some(Expr::Ref(if sign < 0 {
            Reference::Past
        } else {
            Reference::Future
        })),
    }
}

fn anaphor_sign(word: &str) -> i32 {
    match word.to_lowercase().as_str() {
        "zuvor" | "vorher" | "davor" | "früher" => -1,
        _ => 1,
    }
}

fn build_anaphor(p: &Pair<'_, Rule>) -> Option<Expr> {
    let Duration { amount, unit } = build_duration_part(&child(p, &[Rule::duration_part])?)?;
    let amount = amount?;
    let sign = anaphor_sign(child(p, &[Rule::anaphor_dir])?.as_str());
    Some(Expr::Shift {
        amount,
        unit,
        sign,
        anaphoric: true,
    })
}

fn build_unit_after(p: &Pair<'_, Rule>) -> Option<Expr> {
    let (unit, plural) = unit_of(&child(p, &[Rule::unit])?);
    if plural {
        return None;
    }
    let sign = anaphor_sign(child(p, &[Rule::anaphor_dir])?.as_str());
    Some(Expr::Shift {
        amount: 1.0,
        unit,
        sign,
        anaphoric: true,
    })
}

fn build_duration(p: &Pair<'_, Rule>) -> Option<Expr> {
    let parts: Vec<Duration> = p
        .clone()
        .into_inner()
        .filter(|k| k.as_rule() == Rule::duration_part)
        .map(|k| build_duration_part(&k))
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [one] => Some(Expr::Duration(*one)),
        [] => None,
        many => sum_durations(many).map(Expr::Duration),
    }
}

/// One amount and unit: "vier Stunden", "eine Viertelstunde", "eine dreiviertel Stunde".
fn build_duration_part(p: &Pair<'_, Rule>) -> Option<Duration> {
    if let Some(q) = child(p, &[Rule::quarter_hour]) {
        let minutes = if lower(&q).starts_with("drei") {
            45.0
        } else {
            15.0
        };
        let n = child(p, &[Rule::num_word])
            .and_then(|n| number_word(n.as_str()))
            .unwrap_or(1.0);
        return Some(Duration::new(n * minutes, Unit::Minute));
    }
    let (unit, _) = unit_of(&child(p, &[Rule::unit])?);
    if child(p, &[Rule::three_quarter]).is_some() {
        return Some(Duration::new(0.75, unit));
    }
    Some(match amount_of(&child(p, &[Rule::amount])?) {
        Some(n) => Duration::new(n, unit),
        None => Duration::unknown(unit),
    })
}

/// Seconds in a unit, counting a month as 30 days and a year as 365.
fn unit_seconds(unit: Unit) -> f64 {
    match unit {
        Unit::Second => 1.0,
        Unit::Minute => 60.0,
        Unit::Hour => 3600.0,
        Unit::Day => 86_400.0,
        Unit::Week => 604_800.0,
        Unit::Month => 2_592_000.0,
        Unit::Quarter => 7_776_000.0,
        Unit::Year => 31_536_000.0,
        Unit::Decade => 315_360_000.0,
        Unit::Century => 3_153_600_000.0,
    }
}

/// Months in a unit of the calendar's months (month, quarter, year, decade, century).
fn unit_months(unit: Unit) -> Option<f64> {
    match unit {
        Unit::Month => Some(1.0),
        Unit::Quarter => Some(3.0),
        Unit::Year => Some(12.0),
        Unit::Decade => Some(120.0),
        Unit::Century => Some(1200.0),
        _ => None,
    }
}

/// "eine Stunde und zweiunddreißig Minuten", "drei Jahre und neun Monate": the sum, in the
/// smallest unit named. Months and years add up in months (P45M, not a month of 30 days against
/// a year of 365); only a sum of both kinds ("ein Jahr und drei Tage") goes through seconds.
fn sum_durations(parts: &[Duration]) -> Option<Duration> {
    let smallest = parts.iter().map(|d| d.unit).min()?;
    if let Some(per) = unit_months(smallest) {
        let mut months = 0.0;
        for d in parts {
            months += d.amount? * unit_months(d.unit)?;
        }
        return Some(Duration::new(months / per, smallest));
    }
    let mut total = 0.0;
    for d in parts {
        total += d.amount? * unit_seconds(d.unit);
    }
    Some(Duration::new(total / unit_seconds(smallest), smallest))
}

fn build_lang_adverb(p: &Pair<'_, Rule>) -> Option<Expr> {
    let w = lower(p);
    let unit = if w.starts_with("jahrzehnte") {
        Unit::Decade
    } else if w.starts_with("jahre") {
        Unit::Year
    } else if w.starts_with("monate") {
        Unit::Month
    } else if w.starts_with("wochen") {
        Unit::Week
    } else if w.starts_with("tage") {
        Unit::Day
    } else if w.starts_with("stunden") {
        Unit::Hour
    } else {
        Unit::Minute
    };
    Some(Expr::Duration(Duration::unknown(unit)))
}

/// "seit Tagen", "seit Jahren": a plural unit alone, after "seit" or "für".
fn build_bare_units(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    let (unit, plural) = unit_of(&child(p, &[Rule::unit])?);
    let lasts = child(p, &[Rule::lasting]).is_some();
    (plural && (lasts || matches!(lead, "seit" | "für" | "nach" | "vor")))
        .then_some(Expr::Duration(Duration::unknown(unit)))
}

fn build_reference(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    let w = lower(p);
    let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match w.as_str() {
        "jetzt" | "genau jetzt" | "gerade eben" => Expr::Now,
        // "in Zukunft", "in der Vergangenheit", "für die Zukunft", "aus der Vergangenheit": a
        // time; "die Zukunft des Krankenhauses", "um die Zukunft" is what becomes of it.
        "vergangenheit" | "zukunft" => {
            if !matches!(lead, "in" | "für" | "aus") {
                return None;
            }
            Expr::Ref(if w == "zukunft" {
                Reference::Future
            } else {
                Reference::Past
            })
        }
        "künftig" | "zukünftig" => Expr::Ref(Reference::Future),
        "damals" | "einst" => Expr::Ref(Reference::Past),
        _ => Expr::Ref(Reference::Present),
    })
}

fn build_set(p: &Pair<'_, Rule>) -> Option<Expr> {
    let first = p.clone().into_inner().next()?;
    let every = |n: f64, unit: Unit| SetPattern::Every(Duration::new(n, unit));
    let adverb = |w: &str| -> Option<SetPattern> {
        let w = w.to_lowercase();
        let unit = if w.starts_with("stünd") {
            Unit::Hour
        } else if w.starts_with("tägl") {
            Unit::Day
        } else if w.starts_with("vierzehntäg") {
            return Some(every(2.0, Unit::Week));
        } else if w.starts_with("wöch") {
            Unit::Week
        } else if w.starts_with("monat") {
            Unit::Month
        } else if w.starts_with("vierteljähr") {
            Unit::Quarter
        } else if w.starts_with("halbjähr") {
            return Some(every(6.0, Unit::Month));
        } else if w.starts_with("werkt") {
            // "werktags": every working day, a daily set as the news annotations write it.
            Unit::Day
        } else {
            Unit::Year
        };
        Some(every(1.0, unit))
    };
    let (pattern, quant, freq) = match first.as_rule() {
        Rule::set_adverb => (adverb(first.as_str())?, None, None),
        Rule::set_each if child(p, &[Rule::clock]).is_some() => {
            // "jeden Mittwoch um 16 Uhr", "jeden Abend um 19:13 Uhr"
            let (hour, minute, part) = build_clock(&child(p, &[Rule::clock])?).ok()??;
            let hour = hour % 24;
            let weekday = match child(p, &[Rule::weekday_name]) {
                Some(w) => Some(weekday_number(w.as_str())?),
                None => None,
            };
            let day_part = child(p, &[Rule::daypart_word]).and_then(|d| daypart_of(d.as_str()));
            let pattern = SetPattern::Clock {
                weekday,
                hour,
                minute,
                part: part.or(day_part),
            };
            (pattern, Some("EACH"), None)
        }
        Rule::set_each => {
            let pattern = if let Some(w) = child(p, &[Rule::weekday_name]) {
                // "jeden Dienstagnachmittag"
                let part = child(p, &[Rule::daypart_suffix]).and_then(|s| daypart_of(s.as_str()));
                SetPattern::Weekday(weekday_number(w.as_str())?, part)
            } else if child(p, &[Rule::set_weekend]).is_some() {
                SetPattern::Weekend
            } else if let Some(d) = child(p, &[Rule::daypart_word]) {
                SetPattern::DayPart(daypart_of(d.as_str())?)
            } else if let Some(m) = child(p, &[Rule::month_name]) {
                SetPattern::Month(month_number(m.as_str())?)
            } else if let Some(s) = child(p, &[Rule::season_name]) {
                SetPattern::Season(season_of(s.as_str())?)
            } else {
                every(1.0, unit_of(&child(p, &[Rule::unit])?).0)
            };
            (pattern, Some("EACH"), None)
        }
        Rule::amount => {
            let n = amount_of(&first)?;
            (every(n, unit_of(&child(p, &[Rule::unit])?).0), None, None)
        }
        Rule::times => {
            let w = first.as_str().to_lowercase();
            let stem = w.trim_end_matches("mal").trim();
            let n = stem
                .parse::<u32>()
                .ok()
                .or_else(|| number_word(stem).map(|n| n as u32))?;
            let pattern = match child(p, &[Rule::set_adverb]) {
                Some(a) => adverb(a.as_str())?,
                None => every(1.0, unit_of(&child(p, &[Rule::unit])?).0),
            };
            (pattern, None, Some(n))
        }
        Rule::weekday_plural => {
            let w = first.as_str().to_lowercase();
            let (weekday, rest) = weekday_and_rest(&w)?;
            (SetPattern::Weekday(weekday, suffix_part(rest)), None, None)
        }
        _ => return None,
    };
    Some(Expr::Set {
        pattern,
        quant,
        freq,
    })
}

/// The part of the day a weekday compound ends in: "nachmittags" of "dienstagnachmittags".
fn suffix_part(rest: &str) -> Option<DayPart> {
    [
        "vormittag",
        "nachmittag",
        "mittag",
        "morgen",
        "abend",
        "nacht",
    ]
    .iter()
    .find(|s| rest.contains(*s))
    .and_then(|s| daypart_of(s))
}

/// Hour, minute and part of day of a `clock` pair.
fn build_clock(p: &Pair<'_, Rule>) -> Built<(u32, u32, Option<DayPart>)> {
    let p = &child(p, &[Rule::clock_part_first]).unwrap_or_else(|| p.clone());
    let part = child(p, &[Rule::clock_part]).and_then(|c| daypart_of(c.as_str()));
    let Some(inner) = child(p, &[Rule::clock_digits, Rule::clock_words]) else {
        return Ok(None);
    };
    let hm = match inner.as_rule() {
        Rule::clock_digits => {
            let hour = child(&inner, &[Rule::hour_num]).and_then(|h| h.as_str().parse().ok());
            let minute = child(&inner, &[Rule::minute_num])
                .and_then(|m| m.as_str().parse().ok())
                .unwrap_or(0);
            hour.map(|h| (h, minute))
        }
        _ => build_clock_words(&inner),
    };
    let Some((hour, minute)) = hm else {
        return Ok(None);
    };
    if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
        return Err(format!("{hour}:{minute:02} is not a time of day"));
    }
    // "24 Uhr" stays hour 24: midnight at the end of its day, as "Mitternacht" (see
    // `Expr::Clock`).
    Ok(Some((hour, minute, part)))
}

fn hour_word_value(p: &Pair<'_, Rule>) -> Option<u32> {
    let inner = p.clone().into_inner().next()?;
    match inner.as_rule() {
        Rule::num_word => number_word(inner.as_str()).map(|n| n as u32),
        _ => inner.as_str().parse().ok(),
    }
}

fn build_clock_words(p: &Pair<'_, Rule>) -> Option<(u32, u32)> {
    let hour = hour_word_value(&child(p, &[Rule::hour_word])?)?;
    if hour > 24 {
        return None;
    }
    let has = |r: Rule| child(p, &[r]).is_some();
    let minutes = child(p, &[Rule::minutes_word]).and_then(|m| {
        let inner = m.clone().into_inner().next()?;
        match inner.as_rule() {
            Rule::num_word => number_word(inner.as_str()).map(|n| n as u32),
            _ => inner.as_str().parse().ok(),
        }
    });
    let prev = |h: u32| if h == 0 { 23 } else { h - 1 };
    let hm = if has(Rule::clock_quarter_of) {
        // "viertel acht": a quarter into the hour before eight.
        (prev(hour), 15)
    } else if has(Rule::clock_quarter) {
        if has(Rule::clock_after) {
            (hour, 15)
        } else {
            (prev(hour), 45)
        }
    } else if has(Rule::clock_three_quarter) {
        (prev(hour), 45)
    } else if let Some(m) = minutes.filter(|_| has(Rule::clock_after) || has(Rule::clock_before)) {
        // "zehn nach acht", "fünf vor halb neun"
        let base = if has(Rule::clock_half) {
            (prev(hour), 30)
        } else {
            (hour, 0)
        };
        let total = i64::from(base.0) * 60
            + i64::from(base.1)
            + if has(Rule::clock_after) {
                i64::from(m)
            } else {
                -i64::from(m)
            };
        let total = total.rem_euclid(24 * 60);
        ((total / 60) as u32, (total % 60) as u32)
    } else if has(Rule::clock_half) {
        (prev(hour), 30)
    } else {
        (hour, minutes.unwrap_or(0))
    };
    (hm.1 < 60).then_some(hm)
}

fn build_datetime(p: &Pair<'_, Rule>, lead: &str) -> Built<Expr> {
    if let Some(hour) = child(p, &[Rule::hour_word]) {
        // "heute Morgen um 7", "diesen Morgen um sieben": a bare hour after a day and its part.
        return Ok(build_day_part_hour(p, &hour));
    }
    let day = match child(
        p,
        &[
            Rule::full_date,
            Rule::weekday,
            Rule::day_deixis,
            Rule::rel_weekday,
            Rule::day_alone,
        ],
    ) {
        Some(d) => match d.as_rule() {
            Rule::full_date => build_full_date(&d)?,
            Rule::weekday => build_weekday(&d),
            Rule::rel_weekday => build_rel_unit(&d),
            Rule::day_alone => match build_day_alone(&d, lead) {
                // "am 15. um 8 Uhr"; without "am" the number is no day.
                Some(day) => Some(day),
                None => return Ok(None),
            },
            _ => build_day_deixis(&d, lead),
        },
        None => None,
    };
    // "Montag morgens", "15. Februar abends", "morgens am 15. Februar", "am Morgen des 15.
    // Februar": a part of that day.
    if let Some(adverb) = child(p, &[Rule::daypart_adverb, Rule::daypart_word]) {
        let part = daypart_of(adverb.as_str());
        return Ok(match day {
            Some(Expr::Weekday { weekday, week, .. }) => Some(Expr::Weekday {
                weekday,
                part,
                week,
            }),
            Some(Expr::DayOffset {
                days, anaphoric, ..
            }) => Some(Expr::DayOffset {
                days,
                part,
                anaphoric,
            }),
            Some(e @ (Expr::Calendar { .. } | Expr::DateOnWeekday { .. })) => {
                part.map(|part| Expr::DayPartOf {
                    day: Box::new(e),
                    part,
                })
            }
            _ => None,
        });
    }
    // "am Donnerstag von 9:30 bis 11:00", "heute von fünf bis sieben": the day holds for both
    // ends.
    if let Some(range) = child(p, &[Rule::clock_range, Rule::hour_range]) {
        return Ok(match build_clock_range(&range)? {
            Some(Expr::Range(a, b)) => {
                let on_day = |e: Expr| match e {
                    Expr::Clock {
                        hour,
                        minute,
                        second,
                        part,
                        twelve_hour,
                        ..
                    } => Expr::Clock {
                        hour,
                        minute,
                        second,
                        part,
                        day: day.clone().map(Box::new),
                        twelve_hour,
                    },
                    other => other,
                };
                Some(Expr::Range(Box::new(on_day(*a)), Box::new(on_day(*b))))
            }
            other => other,
        });
    }
    let Some(clock) = child(p, &[Rule::clock]) else {
        return Ok(None);
    };
    let Some((hour, minute, part)) = build_clock(&clock)? else {
        return Ok(None);
    };
    // "heute Abend um 8 Uhr": the day's part of day also places the hour.
    let part = part.or(match &day {
        Some(Expr::Weekday { part, .. }) | Some(Expr::DayOffset { part, .. }) => *part,
        _ => None,
    });
    Ok(Some(Expr::Clock {
        hour,
        minute,
        second: clock_second(&clock),
        part,
        day: day.map(Box::new),
        twelve_hour: twelve_hour(&clock),
    }))
}

/// The seconds of a clock time written "8:00:31".
fn clock_second(p: &Pair<'_, Rule>) -> Option<u32> {
    let digits = find(p, Rule::clock_digits)
        .or_else(|| (p.as_rule() == Rule::clock_digits).then(|| p.clone()))?;
    let mut mins = digits
        .into_inner()
        .filter(|k| k.as_rule() == Rule::minute_num);
    mins.next()?;
    mins.next()?.as_str().parse().ok()
}

/// "heute Morgen um 7", "diesen Morgen um sieben", "Montag früh um 6": the day, its part of day,
/// and the hour the part of day places.
fn build_day_part_hour(p: &Pair<'_, Rule>, hour: &Pair<'_, Rule>) -> Option<Expr> {
    let hour = hour_word_value(hour).filter(|h| *h <= 24)?;
    let day = if let Some(t) = child(p, &[Rule::this_daypart]) {
        let rel = child(&t, &[Rule::rel_adj])?;
        if rel_offset(rel.as_str()) != (0, false) {
            return None;
        }
        let part = daypart_of(child(&t, &[Rule::daypart_word])?.as_str())?;
        Expr::DayOffset {
            days: 0,
            part: Some(part),
            anaphoric: false,
        }
    } else if let Some(d) = child(p, &[Rule::day_deixis_part]) {
        let word = lower(&child(&d, &[Rule::deixis_word])?);
        let part = daypart_of(child(&d, &[Rule::daypart_word])?.as_str())?;
        let days = match word.as_str() {
            "vorvorgestern" => -3,
            "vorgestern" => -2,
            "gestern" => -1,
            "heute" => 0,
            "morgen" => 1,
            _ => 2,
        };
        Expr::DayOffset {
            days,
            part: Some(part),
            anaphoric: false,
        }
    } else {
        let w = child(p, &[Rule::weekday_part])?;
        let weekday = weekday_number(child(&w, &[Rule::weekday_name])?.as_str())?;
        let part = daypart_of(child(&w, &[Rule::daypart_word, Rule::daypart_adverb])?.as_str())?;
        Expr::Weekday {
            weekday,
            part: Some(part),
            week: None,
        }
    };
    let part = match &day {
        Expr::DayOffset { part, .. } | Expr::Weekday { part, .. } => *part,
        _ => None,
    };
    Some(Expr::Clock {
        hour: hour % 24,
        minute: 0,
        second: None,
        part,
        day: Some(Box::new(day)),
        twelve_hour: true,
    })
}

fn build_range_point(p: &Pair<'_, Rule>) -> Built<Expr> {
    let Some(inner) = p.clone().into_inner().next() else {
        return Ok(None);
    };
    build_core(&inner, "von")
}

fn build_range(p: &Pair<'_, Rule>) -> Built<Expr> {
    if let Some(c) = child(p, &[Rule::clock_range]) {
        // "von 1:30 bis 3"
        return build_clock_range(&c);
    }
    let parts = kids(p);
    // "vom 3. bis 5. Mai", "3.-5. Mai": the first day takes its month and year from the second.
    // "vom 4. bis zum 23.": two days of a month the context gives.
    let days = day_numbers(&parts);
    if let [a, b] = days.as_slice() {
        if a >= b || *b > 31 {
            return Ok(None);
        }
        let day = |d: u32| {
            Box::new(Expr::Calendar {
                year: None,
                month: None,
                day: Some(d),
            })
        };
        return Ok(Some(Expr::Range(day(*a), day(*b))));
    }
    if let Some(d) = parts.iter().find(|k| k.as_rule() == Rule::day_only) {
        let day: Option<u32> = find(d, Rule::day_num).and_then(|n| n.as_str().parse().ok());
        let end = parts
            .iter()
            .find(|k| matches!(k.as_rule(), Rule::day_month_name | Rule::numeric_date));
        let (Some(day), Some(end)) = (day, end) else {
            return Ok(None);
        };
        let (year, month, end_day) = match end.as_rule() {
            Rule::day_month_name => build_day_month_name(end),
            _ => build_numeric_date(end),
        };
        let (Some(month), Some(end_day)) = (month, end_day) else {
            return Ok(None);
        };
        return days_of_month(year, month, day, end_day).map(Some);
    }
    let points: Vec<&Pair<'_, Rule>> = parts
        .iter()
        .filter(|k| k.as_rule() == Rule::range_point)
        .collect();
    if let [a, b] = points.as_slice() {
        let (Some(a), Some(b)) = (build_range_point(a)?, build_range_point(b)?) else {
            return Ok(None);
        };
        return Ok(Some(Expr::Range(Box::new(a), Box::new(b))));
    }
    if let (Some(a), Some(b)) = (
        parts.iter().find(|k| k.as_rule() == Rule::full_date),
        parts.iter().find(|k| k.as_rule() == Rule::day_slash_month),
    ) {
        // "28/2-1/3"
        let (_, month, day) = build_numeric_date(b);
        let (Some(a), Some(month), Some(day)) = (build_full_date(a)?, month, day) else {
            return Ok(None);
        };
        check_day(None, month, day)?;
        let b = Expr::Calendar {
            year: None,
            month: Some(month),
            day: Some(day),
        };
        return Ok(Some(Expr::Range(Box::new(a), Box::new(b))));
    }
    let dates: Vec<&Pair<'_, Rule>> = parts
        .iter()
        .filter(|k| k.as_rule() == Rule::full_date)
        .collect();
    if let [a, b] = dates.as_slice() {
        let (Some(a), Some(b)) = (build_full_date(a)?, build_full_date(b)?) else {
            return Ok(None);
        };
        if let (
            Expr::Calendar {
                year: None,
                month: Some(month),
                day: Some(day),
            },
            Expr::Calendar {
                year: Some(YearSpec::Abs(year)),
                ..
            },
        ) = (&a, &b)
        {
            // "29/2-1/3/2019": the start is in the end's year, where it must exist.
            check_day(Some(*year), *month, *day)?;
        }
        return Ok(Some(Expr::Range(Box::new(a), Box::new(b))));
    }
    let years: Vec<i32> = parts
        .iter()
        .filter(|k| k.as_rule() == Rule::year4)
        .filter_map(|y| y.as_str().parse().ok())
        .collect();
    if let [a, b] = years.as_slice() {
        if b <= a {
            return Ok(None);
        }
        let y = |y: i32| {
            Box::new(Expr::Calendar {
                year: Some(YearSpec::Abs(y)),
                month: None,
                day: None,
            })
        };
        return Ok(Some(Expr::Range(y(*a), y(*b))));
    }
    Ok(None)
}

fn build_clock_range(p: &Pair<'_, Rule>) -> Built<Expr> {
    let mut points = Vec::new();
    // "morgens von 5 bis sieben": the part of day in front holds for both ends.
    let mut part_before = None;
    // The hours of "von 5 bis 6" count as points of the range they stand in.
    let parts = kids(p).into_iter().flat_map(|k| match k.as_rule() {
        Rule::hour_range => kids(&k),
        _ => vec![k],
    });
    for k in parts {
        let hm = match k.as_rule() {
            Rule::clock_part => {
                part_before = daypart_of(k.as_str());
                continue;
            }
            Rule::hour_num => k
                .as_str()
                .parse()
                .ok()
                .filter(|h| *h < 24)
                .map(|h| (h, 0, None)),
            Rule::clock => build_clock(&k)?.map(|(h, m, part)| (h % 24, m, part)),
            Rule::clock_digits => {
                let hour = child(&k, &[Rule::hour_num]).and_then(|h| h.as_str().parse().ok());
                let minute = child(&k, &[Rule::minute_num])
                    .and_then(|m| m.as_str().parse().ok())
                    .unwrap_or(0);
                hour.filter(|h| *h < 24).map(|h| (h, minute, None))
            }
            Rule::hour_word => hour_word_value(&k)
                .filter(|h| *h < 24)
                .map(|h| (h, 0, None)),
            _ => continue,
        };
        match hm {
            Some(hm) => points.push(hm),
            None => return Ok(None),
        }
    }
    let [(h1, m1, p1), (h2, m2, p2)] = points.as_slice() else {
        return Ok(None);
    };
    // "von 5 bis 6 Uhr nachmittags": the end's part of day holds for the start too.
    let part = p2.or(*p1).or(part_before);
    let twelve = twelve_hour(p);
    let clock = |hour, minute| Expr::Clock {
        hour,
        minute,
        second: None,
        part,
        day: None,
        twelve_hour: twelve,
    };
    Ok(Some(Expr::Range(
        Box::new(clock(*h1, *m1)),
        Box::new(clock(*h2, *m2)),
    )))
}

/// "am 15.": a day of the month, needs a preposition in front.
fn build_day_alone(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    if !matches!(lead, "am" | "zum" | "vom" | "bis" | "ab" | "seit") {
        return None;
    }
    let day: u32 = find(p, Rule::day_num)?.as_str().parse().ok()?;
    Some(Expr::Calendar {
        year: None,
        month: None,
        day: Some(day),
    })
}

/// "um 3": an hour alone after "um", "gegen", "ab", "bis", "nach" (chat: "nach 2").
fn build_clock_bare(p: &Pair<'_, Rule>, lead: &str) -> Option<Expr> {
    if !matches!(lead, "um" | "gegen" | "ab" | "bis" | "nach") {
        return None;
    }
    if let (Some(h), Some(m)) = (child(p, &[Rule::hour_num]), child(p, &[Rule::minute_num])) {
        // "um 9.30"
        let hour: u32 = h.as_str().parse().ok()?;
        let minute: u32 = m.as_str().parse().ok()?;
        return (hour < 24).then_some(Expr::Clock {
            hour,
            minute,
            second: None,
            part: None,
            day: None,
            twelve_hour: true,
        });
    }
    let hour = hour_word_value(&child(p, &[Rule::hour_word])?)?;
    let part = child(p, &[Rule::clock_part]).and_then(|c| daypart_of(c.as_str()));
    (hour <= 24).then_some(Expr::Clock {
        hour: hour % 24,
        minute: 0,
        second: None,
        part,
        day: None,
        twelve_hour: true,
    })
}

fn build_rel_span(p: &Pair<'_, Rule>) -> Option<Expr> {
    let (offset, _) = rel_offset(find(p, Rule::rel_adj)?.as_str());
    let unit = unit_of(&child(p, &[Rule::unit])?).0;
    let count = match child(p, &[Rule::amount]) {
        Some(a) => count_of(&a),
        // "die nächsten beiden Tage", "die letzten paar Tage".
        None if lower(p).contains("beiden") => Count::Exactly(2.0),
        None => Count::Few,
    };
    Some(Expr::LastN {
        count,
        unit,
        sign: if offset < 0 { -1 } else { 1 },
    })
}

/// Clock times written with a colon ("9:51") are 24-hour times; others may be 12-hour.
fn twelve_hour(p: &Pair<'_, Rule>) -> bool {
    !p.as_str().contains(':')
}

/// "fast vier" after "Drei Stunden ...,": the amount, with the unit of the duration before.
pub fn build_elliptic(pair: Pair<'_, Rule>, offset: usize, unit: Unit) -> Option<Parsed> {
    let mut modifier = None;
    let mut amount = None;
    for k in pair.clone().into_inner() {
        match k.as_rule() {
            Rule::mods => modifier = build_mods(&k),
            Rule::num_word | Rule::frac_word => amount = number_word(k.as_str()),
            Rule::elliptic_int => amount = k.as_str().parse().ok(),
            _ => {}
        }
    }
    let amount = amount.filter(|a| *a >= 1.0)?;
    Some(Parsed {
        expr: Expr::Duration(Duration::new(amount, unit)),
        start: offset + pair.as_span().start(),
        end: offset + pair.as_span().end(),
        modifier,
        signal: None,
        lead: None,
        rule: rule_name(Rule::elliptic),
        bare_year: false,
        loose: false,
        habit: None,
        parts: None,
        zone: None,
        split: None,
    })
}

/// The byte spans of the two ends of a range: its first and last point-like parts.
fn range_parts(p: &Pair<'_, Rule>, offset: usize) -> Option<[(usize, usize); 2]> {
    const POINTS: [Rule; 11] = [
        Rule::range_point,
        Rule::hour_num,
        Rule::day_slash_month,
        Rule::full_date,
        Rule::day_only,
        Rule::day_month_name,
        Rule::numeric_date,
        Rule::year4,
        Rule::clock,
        Rule::clock_digits,
        Rule::hour_word,
    ];
    // Only the top-level points: a point inside another point is part of it.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for k in p.clone().into_inner().flatten() {
        if !POINTS.contains(&k.as_rule()) {
            continue;
        }
        let (s, e) = (k.as_span().start(), k.as_span().end());
        if spans.last().is_some_and(|(_, le)| s < *le) {
            continue;
        }
        spans.push((s, e));
    }
    match spans.as_slice() {
        [first, .., last] => Some([
            (offset + first.0, offset + first.1),
            (offset + last.0, offset + last.1),
        ]),
        _ => None,
    }
}
