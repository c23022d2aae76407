//! Resolution: anchoring unresolved expressions against an explicit context.

use crate::error::{Error, Result};
use crate::timex::PartialDate;

/// What kind of text is being tagged; decides what relative expressions are anchored to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DocKind {
    /// News: anchor to the document date, underspecified dates by the tense of the sentence.
    #[default]
    News,
    /// Narrative: anchor relative expressions to the last mentioned date.
    Narrative,
    /// Colloquial (chat): underspecified dates lean to the future.
    Colloquial,
}

impl std::str::FromStr for DocKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<DocKind> {
        match s {
            "news" => Ok(DocKind::News),
            "narrative" => Ok(DocKind::Narrative),
            "colloquial" => Ok(DocKind::Colloquial),
            _ => Err(Error::usage(format!(
                "unknown document kind {s:?}: expected news, narrative or colloquial"
            ))),
        }
    }
}

/// The document creation time: a date, possibly partial, with an optional clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dct {
    pub date: PartialDate,
    /// Hour, minute, second.
    pub time: Option<(u32, u32, u32)>,
    /// The zone offset written after the time, in minutes east of UTC (`+01:00` is 60): a clock
    /// time in a named zone ("16 Uhr MEZ") is converted to it.
    pub zone: Option<i32>,
}

impl Dct {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally followed by `THH:MM[:SS]` and a zone
    /// offset (`Z`, `+01:00`, `-0200`), checking that the date exists.
    pub fn parse(s: &str) -> Result<Dct> {
        let bad = || {
            Error::usage(format!(
                "invalid document date {s:?}: expected YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2022-01-12)"
            ))
        };
        let s = s.trim();
        let (d, t) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let date = PartialDate::parse(d).ok_or_else(bad)?;
        let mut zone = None;
        let time = match t {
            None => None,
            Some(t) => {
                if date.day.is_none() {
                    return Err(bad());
                }
                let (t, designator) = t.split_at(t.find(['+', 'Z', '-']).unwrap_or(t.len()));
                if !designator.is_empty() {
                    zone = Some(zone_offset(designator).ok_or_else(bad)?);
                }
                let mut it = t.split(':');
                let mut num = |max: u32| -> Option<u32> {
                    match it.next() {
                        None => Some(0),
                        Some(p) => p
                            .split('.')
                            .next()
                            .and_then(|p| p.parse().ok())
                            .filter(|v| *v <= max),
                    }
                };
                let (h, m, sec) = (num(23), num(59), num(60));
                Some((h.ok_or_else(bad)?, m.ok_or_else(bad)?, sec.ok_or_else(bad)?))
            }
        };
        Ok(Dct { date, time, zone })
    }
}

/// Minutes east of UTC of an ISO 8601 zone designator: `Z`, `+01:00`, `+0100`, `-02`.
fn zone_offset(z: &str) -> Option<i32> {
    if z == "Z" {
        return Some(0);
    }
    let sign = match z.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = z[1..].chars().filter(|c| *c != ':').collect();
    if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = if digits.len() == 4 {
        digits[2..].parse().ok()?
    } else {
        0
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Everything resolution may look at besides the expression itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The document date; `None` leaves relative expressions unresolved.
    pub dct: Option<Dct>,
    pub kind: DocKind,
}

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::calendar;
use crate::expr::{Count, Expr, Grain, Holiday, Named, NthOf, Parsed, SetPattern, YearSpec};
use crate::timex::{
    AnchorKind, DayPart, Direction, Duration, Mod, Reference, Season, TimexType, Unit, Value,
};

/// The tense of the clause an expression stands in; decides which way "im März" looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// An expression's resolved value and how it was reached.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub value: Value,
    pub range_end: Option<Value>,
    pub kind: TimexType,
    pub modifier: Option<Mod>,
    pub quant: Option<&'static str>,
    pub freq: Option<u32>,
    pub anchor: AnchorKind,
    pub anchor_value: Option<String>,
    pub direction: Direction,
}

/// The date an expression is anchored to, with its clock time where known.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    date: PartialDate,
    time: Option<(u32, u32, u32)>,
    kind: AnchorKind,
}

impl Anchor {
    fn full(&self) -> Option<NaiveDate> {
        self.date.naive()
    }
}

/// Resolves a parsed expression against the context, the last mentioned date and the tense.
///
/// `recent_day` is the last day named before the expression: a clock time or a part of day
/// without a day of its own belongs to it when it was named in this sentence or the one before
/// ("Am Montag ... Um 15.15 Uhr verkündete ..."), and "an diesem Tag", "am selben Tag" are it.
pub fn resolve(parsed: &Parsed, ctx: &Context, named: Mentions, tense: Tense) -> Resolved {
    // Where no holiday lies within a month of the anchor, the way the verb points.
    let lean = match (parsed.lead.as_deref(), tense) {
        (Some("nach"), Tense::Future) => Direction::Future,
        (Some("vor"), Tense::Past) => Direction::Past,
        _ => Direction::Nearest,
    };
    // "für Sonntag", "ab Januar": what is announced or starts lies ahead. "seit Juli", "seit
    // Montag": what has lasted until now began before it, whatever the tense of the verb ("Seit
    // Juli gilt das Gesetz").
    // A month alone after "für" is what figures are for ("Die Zahlen für Juli veröffentlicht
    // das Amt im September", "Die Gehälter für Februar wurden von Hand berechnet"): the clause
    // decides.
    let month_alone = matches!(
        parsed.expr,
        Expr::Calendar {
            year: None,
            month: Some(_),
            day: None,
        }
    );
    let tense = match parsed.lead.as_deref() {
        Some("für") if month_alone => tense,
        Some("für") | Some("ab")
            if tense != Tense::Past || parsed.lead.as_deref() == Some("für") =>
        {
            Tense::Future
        }
        Some("seit") => Tense::Past,
        // "die Wahl vom Sonntag", "das Urteil vom 3. Mai": an event named by its day is one that
        // has taken place ("Nach der Landtagswahl vom Sonntag beginnt ...").
        Some("vom") => Tense::Past,
        // "Die Hallen sind bis Sonntag geöffnet", "Die Frist läuft bis März": in the present,
        // what lasts until a day lasts from now on. "Die Renten steigen zum 1. Juli": a change
        // as of a day in the present takes effect ahead.
        Some("bis") | Some("zum") if tense == Tense::Present => Tense::Future,
        // "Nach Weihnachten wird es nicht ruhig", "Vor Ostern hatte er gekündigt": what comes
        // after a day lies ahead, but the day itself may be past (and what came before it may
        // be past while the day lies ahead): the nearest one.
        Some("nach") if tense == Tense::Future => Tense::Present,
        Some("vor") if tense == Tense::Past => Tense::Present,
        _ => tense,
    };

    let r = Resolver {
        ctx,
        last: named.last,
        recent_day: named.recent_day,
        topic: named.topic,
        tense,
        lean,
    };
    let mut out = r.resolve(parsed);
    // "16 Uhr MEZ" in a document whose date is given in UTC-2: the same instant in its zone.
    if let (Some(from), Some(to)) = (parsed.zone, ctx.dct.and_then(|d| d.zone)) {
        let shift = i64::from(to - from);
        out.value = shifted(out.value, shift);
        out.range_end = out.range_end.map(|v| shifted(v, shift));
    }
    out
}

/// A clock time on a known day moved by `minutes`, the day with it; other values unchanged.
fn shifted(v: Value, minutes: i64) -> Value {
    let Value::DateTime {
        date,
        hour,
        minute,
        second,
    } = v
    else {
        return v;
    };
    let Some(at) = date.naive().and_then(|d| d.and_hms_opt(hour, minute, 0)) else {
        return v;
    };
    let Some(at) = at.checked_add_signed(chrono::Duration::minutes(minutes)) else {
        return v;
    };
    Value::DateTime {
        date: PartialDate::from_naive(at.date()),
        hour: at.hour(),
        minute: at.minute(),
        second,
    }
}

/// What the text has named before an expression, the anchors of anaphoric ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct Mentions {
    /// The last date mentioned: "zwei Jahre später" counts from it.
    pub last: Option<Mentioned>,
    /// The last day named (see [`RecentDay`]).
    pub recent_day: Option<RecentDay>,
    /// The first date the expression's sentence names before it, outside a reporting frame and
    /// not after "seit": the period the sentence is about, which "im Vorjahr", "im
    /// Vorjahresmonat" count back from ("Im Oktober stiegen die Preise um 3,8 Prozent gegenüber
    /// dem Vorjahresmonat").
    pub topic: Option<Mentioned>,
}

/// The last date mentioned before an expression, the anchor of anaphoric ones ("zwei Jahre
/// später").
#[derive(Debug, Clone, Copy)]
pub struct Mentioned {
    /// The date; a quarter or half year from its first month, a season as its year.
    pub date: PartialDate,
    /// Its clock time (hour, minute), where it was one: "Sieben Minuten später" counts from it.
    pub time: Option<(u32, u32)>,
    /// The reporting period it was named as: business news compares a quarter or half year with
    /// the same one a year before ("im ersten Quartal mehr als ein Jahr zuvor" is 2023-Q1).
    pub period: Option<Period>,
}

impl Mentioned {
    /// The date as the anchor of an expression that counts from it.
    fn anchor(&self) -> Anchor {
        Anchor {
            date: self.date,
            time: None,
            kind: AnchorKind::LastMentioned,
        }
    }
}

/// A quarter (1..=4) or half year (1..=2) named as such.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Period {
    Quarter(u32),
    Half(u32),
}

/// The last day named before an expression (see [`resolve`]).
#[derive(Debug, Clone, Copy)]
pub struct RecentDay {
    pub date: PartialDate,
    /// How many sentences back it was named: 0 in the expression's own sentence.
    pub sentences_ago: usize,
    /// It was named as a night ("in der Nacht zu Dienstag" is Monday's night): a clock time
    /// before noon belongs to the morning after.
    pub night: bool,
    /// Whether it is the last day named at all: no day of a reporting frame ("..., wie die
    /// Polizei am Montag mitteilte") came after it.
    pub latest: bool,
}

struct Resolver<'a> {
    ctx: &'a Context,
    last: Option<Mentioned>,
    recent_day: Option<RecentDay>,
    topic: Option<Mentioned>,
    tense: Tense,
    /// Which way a holiday without a year looks when none lies within a month of the anchor
    /// and the tense points neither way ("Nach Ostern wird verhandelt": ahead).
    lean: Direction,
}

/// What resolving one expression gives before the output is assembled.
struct Out {
    value: Value,
    range_end: Option<Value>,
    anchor: Option<Anchor>,
    direction: Direction,
    modifier: Option<Mod>,
}

impl Out {
    fn fixed(value: Value) -> Out {
        Out {
            value,
            range_end: None,
            anchor: None,
            direction: Direction::Fixed,
            modifier: None,
        }
    }
}

impl Resolver<'_> {
    fn resolve(&self, parsed: &Parsed) -> Resolved {
        let (quant, freq, is_set) = match &parsed.expr {
            Expr::Set { quant, freq, .. } => (*quant, *freq, true),
            _ => (None, None, false),
        };
        let out = self.expr(&parsed.expr);
        let kind = if is_set {
            TimexType::Set
        } else {
            out.value.timex_type()
        };
        Resolved {
            kind,
            modifier: parsed.modifier.or(out.modifier),
            quant,
            freq,
            anchor: out.anchor.map_or(AnchorKind::None, |a| a.kind),
            anchor_value: out.anchor.map(|a| a.date.to_string()),
            direction: out.direction,
            value: out.value,
            range_end: out.range_end,
        }
    }

    /// The document date as an anchor.
    fn dct(&self) -> Option<Anchor> {
        self.ctx.dct.map(|d| Anchor {
            date: d.date,
            time: d.time,
            kind: AnchorKind::Document,
        })
    }

    /// The last mentioned date as an anchor, else the document date.
    fn last(&self) -> Option<Anchor> {
        match self.last {
            Some(m) => Some(m.anchor()),
            None => self.dct(),
        }
    }

    /// The anchor of a deictic expression ("gestern", "letzte Woche"): the document date, but
    /// the last mentioned date in a narrative.
    fn deictic(&self) -> Option<Anchor> {
        match self.ctx.kind {
            DocKind::Narrative => self.last(),
            _ => self.dct(),
        }
    }

    /// The day a clock time or part of day without its own day belongs to: a day named in this
    /// or the previous sentence, else the deictic anchor.
    fn day_anchor(&self) -> Option<Anchor> {
        // A day of the same sentence whatever the tense ("Das Fenster öffnet sich an diesem Tag
        // um 22.37 Uhr"); one of the sentence before only the way the tense points: a future
        // clause to no day past, any other to no day ahead ("Die nächste Sitzung ist am 4. Mai.
        // Der Dax fiel am Nachmittag"). Further back, a past clause still goes on about the last
        // day named if that day is past and no other day came between: a report tells its day
        // first and its hours later ("Nach der Landtagswahl vom Sonntag ... Die Wahllokale
        // hatten um 18 Uhr geschlossen").
        let dct = self.ctx.dct.map(|d| d.date);
        let recent = self
            .recent_day
            .filter(|r| match (r.sentences_ago, dct, self.tense) {
                (0, _, _) => true,
                (1, Some(dct), Tense::Future) => r.date >= dct,
                (1, Some(dct), _) => r.date <= dct,
                (1, None, _) => true,
                (_, Some(dct), Tense::Past) => r.latest && r.date < dct,
                _ => false,
            })
            .map(|r| r.date);
        match (recent, self.ctx.kind) {
            (Some(date), DocKind::News) | (Some(date), DocKind::Narrative) => Some(Anchor {
                date,
                time: None,
                kind: AnchorKind::LastMentioned,
            }),
            _ => self.deictic(),
        }
    }

    /// Whether the day anchor `a` is a night named just before ("in der Nacht zu Dienstag"):
    /// what follows before noon belongs to the morning after.
    fn after_night(&self, a: Option<Anchor>) -> bool {
        self.recent_day.is_some_and(|r| {
            r.night && a.is_some_and(|a| a.kind == AnchorKind::LastMentioned && a.date == r.date)
        })
    }

    /// The period the sentence is about, else the deictic anchor.
    fn topic_or_deictic(&self) -> Option<Anchor> {
        match self.topic {
            Some(t) if t.date.year.is_some() => Some(t.anchor()),
            _ => self.deictic(),
        }
    }

    /// "im Vorjahr", "am Vortag", "im Vorjahresquartal": a year (month, week, day) before the
    /// period the sentence is about, where that is named as finely as the unit needs, else
    /// before the document date's.
    fn prior(&self, unit: Unit, grain: Grain) -> Out {
        let fine_enough = |d: PartialDate| match (unit, grain) {
            (_, Grain::Month | Grain::Quarter) | (Unit::Month, _) => d.month.is_some(),
            (Unit::Week | Unit::Day, _) => d.day.is_some(),
            _ => d.year.is_some(),
        };
        let (base, period, a) = match self.topic.filter(|t| fine_enough(t.date)) {
            Some(t) => (t.date, t.period, Some(t.anchor())),
            None => {
                let a = self.deictic();
                let mut date = a.map(|a| a.date).unwrap_or_default();
                // "über dem Vorjahreszeitraum" with no period named: the year before.
                if grain == Grain::Period {
                    date.month = None;
                    date.day = None;
                }
                (date, None, a)
            }
        };
        let year = base.year.map(|y| y - 1);
        let quarter_of = |m: u32| (m - 1) / 3 + 1;
        let value = match (grain, period, base.month) {
            (Grain::Own, _, _) => unit_value(a, unit, -1),
            (_, Some(Period::Quarter(quarter)), _) if grain != Grain::Month => {
                Value::Quarter { year, quarter }
            }
            (Grain::Period, Some(Period::Half(half)), _) => Value::Half { year, half },
            (Grain::Quarter, _, Some(m)) => Value::Quarter {
                year,
                quarter: quarter_of(m),
            },
            (Grain::Month | Grain::Period, _, Some(m)) => Value::Date(PartialDate {
                year,
                month: Some(m),
                day: None,
            }),
            (Grain::Period, _, None) => Value::Date(PartialDate {
                year,
                month: None,
                day: None,
            }),
            _ => Value::Unknown(if grain == Grain::Quarter {
                Unit::Quarter
            } else {
                Unit::Month
            }),
        };
        Out {
            value,
            range_end: None,
            anchor: a,
            direction: Direction::Past,
            modifier: None,
        }
    }

    fn anchor(&self, anaphoric: bool) -> Option<Anchor> {
        if anaphoric {
            self.last()
        } else {
            self.deictic()
        }
    }

    /// Which way an underspecified expression looks.
    fn direction(&self) -> Direction {
        match (self.tense, self.ctx.kind) {
            (Tense::Past, _) => Direction::Past,
            (Tense::Future, _) => Direction::Future,
            (Tense::Present, DocKind::Colloquial) => Direction::Future,
            (Tense::Present, _) => Direction::Nearest,
        }
    }

    fn year_of(&self, spec: YearSpec) -> (Option<i32>, Option<Anchor>) {
        match spec {
            YearSpec::Abs(y) => (Some(y), None),
            YearSpec::Rel(n) => {
                let a = self.deictic();
                (a.and_then(|a| a.date.year).map(|y| y + n), a)
            }
            YearSpec::Same => {
                let a = self.last();
                (a.and_then(|a| a.date.year), a)
            }
            YearSpec::Prior => {
                let a = self.topic_or_deictic();
                (a.and_then(|a| a.date.year).map(|y| y - 1), a)
            }
        }
    }

    fn expr(&self, expr: &Expr) -> Out {
        match expr {
            Expr::Calendar { year, month, day } => self.calendar(*year, *month, *day),
            Expr::Weekday {
                weekday,
                part,
                week,
            } => self.weekday(*weekday, *part, *week),
            Expr::DayOffset {
                days,
                part,
                anaphoric,
            } => {
                let a = self.anchor(*anaphoric);
                let date = a
                    .and_then(|a| a.full())
                    .and_then(|d| calendar::add_days(d, i64::from(*days)));
                Out {
                    value: day_value(date, *part),
                    range_end: None,
                    anchor: a,
                    direction: direction_of(*days),
                    modifier: None,
                }
            }
            Expr::PartOfDay(part) => {
                let a = self.day_anchor();
                let mut day = a.and_then(|a| a.full());
                // "In der Nacht zu Samstag ... Am Morgen": the morning after that night.
                if self.after_night(a)
                    && matches!(
                        part,
                        DayPart::Morning | DayPart::Midday | DayPart::Afternoon
                    )
                {
                    day = day.and_then(|d| calendar::add_days(d, 1));
                }
                Out {
                    value: day_value(day, Some(*part)),
                    range_end: None,
                    anchor: a,
                    direction: Direction::Fixed,
                    modifier: None,
                }
            }
            Expr::WeekendOf(day) => {
                let mut out = self.expr(day);
                if let Some(d) = match out.value {
                    Value::Date(d) => d.naive(),
                    _ => None,
                } {
                    let (year, week) = calendar::iso_week(d);
                    out.value = Value::Week {
                        year,
                        week,
                        weekend: true,
                    };
                }
                out
            }
            Expr::NightBefore(day) => {
                let mut out = self.expr(day);
                let day = match &out.value {
                    Value::Date(d) => d.naive().and_then(|d| calendar::add_days(d, -1)),
                    _ => None,
                };
                out.value = day_value(day, Some(DayPart::Night));
                out
            }
            Expr::Clock {
                hour,
                minute,
                second,
                part,
                day,
                twelve_hour,
            } => {
                let mut out = self.clock(*hour, *minute, *part, day.as_deref(), *twelve_hour);
                if let Value::DateTime { second: s, .. } = &mut out.value {
                    *s = *second;
                }
                out
            }
            Expr::Nth {
                n,
                what,
                within,
                after,
            } => self.nth(*n, *what, within, *after),
            Expr::DateOnWeekday {
                weekday,
                month,
                day,
            } => self.date_on_weekday(*weekday, *month, *day),
            Expr::ShiftFrom {
                amount,
                unit,
                sign,
                base,
            } => self.shift_from(*amount, *unit, *sign, base),
            Expr::CalendarWeek { week, year } => {
                let (y, a) = match year {
                    Some(y) => (Some(*y), None),
                    None => {
                        let a = self.deictic();
                        (a.and_then(|a| a.date.year), a)
                    }
                };
                let value = match y
                    .and_then(|y| NaiveDate::from_isoywd_opt(y, *week, chrono::Weekday::Mon))
                {
                    Some(d) => week_value(d),
                    None => Value::Unknown(Unit::Week),
                };
                Out {
                    value,
                    range_end: None,
                    anchor: a,
                    direction: Direction::Fixed,
                    modifier: None,
                }
            }
            Expr::UnitShift {
                unit,
                offset,
                anaphoric,
            } => {
                // "am selben Tag", "an diesem Tag": the last day named, though a coarser date
                // ("Anfang des Monats") came between.
                let a = match (self.recent_day, unit) {
                    (Some(r), Unit::Day) if *anaphoric => Some(Anchor {
                        date: r.date,
                        time: None,
                        kind: AnchorKind::LastMentioned,
                    }),
                    _ => self.anchor(*anaphoric),
                };
                Out {
                    value: unit_value(a, *unit, i64::from(*offset)),
                    range_end: None,
                    anchor: a,
                    direction: direction_of(*offset),
                    modifier: None,
                }
            }
            Expr::Prior { unit, grain } => self.prior(*unit, *grain),
            Expr::RelNamed { named, offset } => self.rel_named(*named, *offset),
            // "in einem Monat" in a past clause of news is no date after the document's: it
            // measures a stretch ("84 Liter Regen, so viel wie sonst in einem Monat").
            Expr::Shift {
                amount,
                unit,
                sign: 1,
                anaphoric: false,
            } if self.tense == Tense::Past && self.ctx.kind == DocKind::News => {
                Out::fixed(Value::Duration(Duration::new(*amount, *unit)))
            }
            Expr::Shift {
                amount,
                unit,
                sign,
                anaphoric,
            } => self.shift(*amount, *unit, *sign, *anaphoric),
            Expr::Season { season, year } => self.season(*season, *year),
            Expr::Quarter { quarter, year } => {
                let (y, a) = self.period_year(*year, (*quarter - 1) * 3 + 1, quarter * 3);
                Out {
                    value: Value::Quarter {
                        year: y,
                        quarter: *quarter,
                    },
                    range_end: None,
                    anchor: a,
                    direction: self.dir_if(a.is_some() && year.is_none()),
                    modifier: None,
                }
            }
            Expr::Half { half, year } => {
                let (y, a) = self.period_year(*year, (*half - 1) * 6 + 1, half * 6);
                Out {
                    value: Value::Half {
                        year: y,
                        half: *half,
                    },
                    range_end: None,
                    anchor: a,
                    direction: self.dir_if(a.is_some() && year.is_none()),
                    modifier: None,
                }
            }
            Expr::Decade(d) => Out::fixed(Value::Decade(*d)),
            Expr::Century(c) => Out::fixed(Value::Century(*c)),
            Expr::Holiday {
                holiday,
                year,
                days,
            } => self.holiday(*holiday, *year, *days),
            Expr::Duration(d) => Out::fixed(Value::Duration(*d)),
            Expr::Set { pattern, .. } => Out::fixed(match pattern {
                SetPattern::Every(d) => Value::Duration(*d),
                SetPattern::Weekday(w, part) => Value::Weekday {
                    weekday: *w,
                    part: *part,
                },
                SetPattern::Month(m) => Value::Date(PartialDate {
                    year: None,
                    month: Some(*m),
                    day: None,
                }),
                SetPattern::Season(s) => Value::Season {
                    year: None,
                    season: *s,
                },
                SetPattern::DayPart(p) => Value::PartOfDay {
                    date: PartialDate::unknown(),
                    part: *p,
                },
                SetPattern::Weekend => Value::Weekend,
                SetPattern::Clock {
                    weekday,
                    hour,
                    minute,
                    part,
                } => {
                    let hour = hour_in_part(*hour, *part);
                    match weekday {
                        Some(weekday) => Value::WeekdayClock {
                            weekday: *weekday,
                            hour,
                            minute: *minute,
                        },
                        None => Value::DateTime {
                            date: PartialDate::unknown(),
                            hour,
                            minute: *minute,
                            second: None,
                        },
                    }
                }
            }),
            Expr::Ref(r) => Out::fixed(Value::Ref(*r)),
            Expr::Now => match (self.ctx.kind, self.dct()) {
                (DocKind::Colloquial, Some(a)) if a.time.is_some() && a.full().is_some() => {
                    let (h, m, s) = a.time.unwrap_or((0, 0, 0));
                    Out {
                        value: Value::DateTime {
                            date: a.date,
                            hour: h,
                            minute: m,
                            second: Some(s),
                        },
                        range_end: None,
                        anchor: Some(a),
                        direction: Direction::Fixed,
                        modifier: None,
                    }
                }
                _ => Out::fixed(Value::Ref(Reference::Present)),
            },
            Expr::Part { modifier, inner } => {
                let mut out = self.expr(inner);
                out.modifier = Some(*modifier);
                // "Die Arbeitslosigkeit ist zum Jahresende gestiegen", written in January: the
                // end of this year is still to come, so a past clause tells of the last one.
                let this_year = matches!(
                    **inner,
                    Expr::UnitShift {
                        unit: Unit::Year,
                        offset: 0,
                        anaphoric: false,
                    }
                );
                let early = self
                    .deictic()
                    .is_some_and(|a| a.date.month.is_some_and(|m| m <= 3));
                if *modifier == Mod::End && this_year && early && self.tense == Tense::Past {
                    if let Value::Date(PartialDate { year: Some(y), .. }) = &mut out.value {
                        *y -= 1;
                        out.direction = Direction::Past;
                    }
                }
                out
            }
            Expr::LastN { count, unit, sign } => self.last_n(*count, *unit, *sign),
            Expr::YearTurn => self.year_turn(),
            Expr::NewYear => {
                // The year the nearest turn of the year leads into: the coming one in December,
                // the one just begun in January.
                let mut out = self.year_turn();
                if let Value::Date(d) = &mut out.value {
                    d.month = None;
                    d.day = None;
                }
                out
            }
            Expr::RestOf(unit) => {
                let a = self.deictic();
                let day = a.and_then(|a| a.full());
                let end = day.and_then(|d| match unit {
                    Unit::Week => calendar::weekday_in_week(d, 7),
                    Unit::Month => calendar::add_months(d.with_day(1)?, 1)?.pred_opt(),
                    _ => NaiveDate::from_ymd_opt(d.year(), 12, 31),
                });
                Out {
                    value: day_value(day, None),
                    range_end: Some(day_value(end, None)),
                    anchor: a,
                    direction: Direction::Fixed,
                    modifier: None,
                }
            }
            Expr::ClockShift { count, unit } => {
                // Chat assistants read "in ein paar Stunden" as in two.
                let amount = match count {
                    Count::Few if self.ctx.kind == DocKind::Colloquial => Some(2.0),
                    c => c.exact(),
                };
                match (self.dct(), amount) {
                    // With a document time, "in zwei Stunden" is a time; without one, how long.
                    (Some(d), Some(n)) if d.time.is_some() => self.shift(n, *unit, 1, false),
                    (_, Some(n)) => Out::fixed(Value::Duration(Duration::new(n, *unit))),
                    (_, None) => Out::fixed(Value::Duration(Duration::unknown(*unit))),
                }
            }
            Expr::Within(d) => self.within(*d),
            Expr::DayPartOf { day, part } => {
                let mut out = self.expr(day);
                if let Value::Date(d) = out.value {
                    out.value = match d.day {
                        Some(_) => Value::PartOfDay {
                            date: d,
                            part: *part,
                        },
                        None => Value::Date(d),
                    };
                }
                out
            }
            Expr::Range(a, b) => {
                let mut end = self.expr(b);
                let end_value = end.value.clone();
                let start = match (a.as_ref(), &end_value) {
                    // "vom 4. bis zum 23.": the start borrows the end's month and year.
                    (
                        Expr::Calendar {
                            year: None,
                            month: None,
                            day: Some(day),
                        },
                        Value::Date(PartialDate {
                            year: Some(y),
                            month: Some(m),
                            ..
                        }),
                    ) => self.calendar(Some(YearSpec::Abs(*y)), Some(*m), Some(*day)),
                    // "von Januar bis März 2022": the start borrows the end's year.
                    (
                        Expr::Calendar {
                            year: None,
                            month,
                            day,
                        },
                        Value::Date(PartialDate { year: Some(y), .. }),
                    ) => match (exists(*y, *month, *day), b.as_ref()) {
                        (true, _) => self.calendar(Some(YearSpec::Abs(*y)), *month, *day),
                        // "29/2-1/3" where the end fell in a year without 29 February: the
                        // start picks its leap year and the end follows it there.
                        (
                            false,
                            Expr::Calendar {
                                year: None,
                                month: end_month,
                                day: end_day,
                            },
                        ) => {
                            let start = self.expr(a);
                            if let Value::Date(PartialDate { year: Some(sy), .. }) = start.value {
                                end = self.calendar(Some(YearSpec::Abs(sy)), *end_month, *end_day);
                            }
                            start
                        }
                        (false, _) => self.expr(a),
                    },
                    _ => self.expr(a),
                };
                // "zwischen Oktober und März", "vom 28.12. bis 1.1.": a start without a year
                // that comes out after the end crosses a year end. The start alone, as its
                // clause points; where it still lies after the end, the end follows it.
                let start = match (a.as_ref(), date_key(&start.value), date_key(&end.value)) {
                    (Expr::Calendar { year: None, .. }, Some(s), Some(e)) if s > e => {
                        let alone = self.expr(a);
                        match (date_key(&alone.value), b.as_ref()) {
                            (Some(s), _) if s <= e => alone,
                            (
                                Some((y, _, _)),
                                Expr::Calendar {
                                    year: None,
                                    month: Some(m),
                                    day,
                                },
                            ) => {
                                let s = date_key(&alone.value);
                                end = self.calendar(Some(YearSpec::Abs(y)), Some(*m), *day);
                                if date_key(&end.value) < s {
                                    end = self.calendar(Some(YearSpec::Abs(y + 1)), Some(*m), *day);
                                }
                                alone
                            }
                            _ => start,
                        }
                    }
                    _ => start,
                };
                // "von Montag bis Freitag": a weekday at the end is the first one from the
                // start on, never one before it.
                if let (
                    Value::Date(sd),
                    Value::Date(ed),
                    Expr::Weekday {
                        weekday,
                        week: None,
                        ..
                    },
                ) = (&start.value, &mut end.value, b.as_ref())
                {
                    let next = sd.naive().and_then(|s| {
                        let ahead = (i64::from(*weekday) - i64::from(calendar::weekday_number(s)))
                            .rem_euclid(7);
                        calendar::add_days(s, ahead)
                    });
                    if let (Some(next), true) = (next, ed.naive() < sd.naive()) {
                        *ed = PartialDate::from_naive(next);
                    }
                }
                // "von 22 Uhr bis 1 Uhr": a stretch of clock times that ends before it starts
                // ends on the next day.
                if let (
                    Value::DateTime {
                        date: sd,
                        hour: sh,
                        minute: sm,
                        ..
                    },
                    Value::DateTime {
                        date: ed,
                        hour: eh,
                        minute: em,
                        ..
                    },
                    Expr::Clock { day: None, .. },
                ) = (&start.value, &mut end.value, b.as_ref())
                {
                    if *ed == *sd && (*eh, *em) < (*sh, *sm) {
                        *ed = next_day(*ed);
                    }
                }
                Out {
                    range_end: Some(end.value),
                    ..start
                }
            }
        }
    }

    /// "zum Jahreswechsel": the 1 January the turn of the year leads into. Written in December
    /// or January, the nearest one; else the last one in a past clause, the coming one in a
    /// future clause, the nearest one otherwise.
    fn year_turn(&self) -> Out {
        let a = self.deictic();
        let dir = self.direction();
        let year = a.and_then(|a| {
            let y = a.date.year?;
            Some(match (a.date.month, dir) {
                (Some(12), _) => y + 1,
                (Some(1), _) | (None, _) | (_, Direction::Past) => y,
                (_, Direction::Future) => y + 1,
                (Some(m), _) => y + i32::from(m > 6),
            })
        });
        Out {
            value: Value::Date(PartialDate {
                year,
                month: Some(1),
                day: Some(1),
            }),
            range_end: None,
            anchor: a,
            direction: dir,
            modifier: None,
        }
    }

    fn dir_if(&self, underspecified: bool) -> Direction {
        if underspecified {
            self.direction()
        } else {
            Direction::Fixed
        }
    }

    fn calendar(&self, year: Option<YearSpec>, month: Option<u32>, day: Option<u32>) -> Out {
        if let (None, None, Some(day)) = (year, month, day) {
            // "am 15.": the month the tense points to.
            let a = self.deictic();
            let dir = self.direction();
            let ym = a.and_then(|a| {
                let (y, m, d) = (a.date.year?, a.date.month?, a.date.day?);
                let shift = match dir {
                    Direction::Past if day > d => -1,
                    Direction::Future if day < d => 1,
                    Direction::Future if day == d && self.ctx.kind == DocKind::Colloquial => 1,
                    _ => 0,
                };
                calendar::shift_month(y, m, shift)
            });
            let value = match ym {
                Some((y, m)) => Value::Date(PartialDate::ymd(y, m, day)),
                None => Value::Unknown(Unit::Day),
            };
            return Out {
                value,
                range_end: None,
                anchor: a,
                direction: dir,
                modifier: None,
            };
        }
        if let Some(spec) = year {
            let (y, a) = self.year_of(spec);
            return Out {
                value: Value::Date(PartialDate {
                    year: y,
                    month,
                    day,
                }),
                range_end: None,
                anchor: a,
                direction: Direction::Fixed,
                modifier: None,
            };
        }
        // No year: pick the one the tense points to, relative to the anchor.
        let a = self.deictic();
        let dir = self.direction();
        let mut y = a.and_then(|a| pick_year(a.date, month.unwrap_or(1), day, dir));
        if let (Some(year), Some(2), Some(29)) = (y, month, day) {
            // "29/2": the leap year the text looks to.
            y = Some(leap_year_near(year, dir));
        }
        Out {
            value: Value::Date(PartialDate {
                year: y,
                month,
                day,
            }),
            range_end: None,
            anchor: a,
            direction: dir,
            modifier: None,
        }
    }

    /// The year of a period covering months `first..=last` when the text gives none.
    fn period_year(
        &self,
        year: Option<YearSpec>,
        first: u32,
        last: u32,
    ) -> (Option<i32>, Option<Anchor>) {
        if let Some(spec) = year {
            return self.year_of(spec);
        }
        let a = self.deictic();
        let y = a.and_then(|a| {
            let ay = a.date.year?;
            let am = match a.date.month {
                Some(m) => m,
                None => return Some(ay),
            };
            // A future clause near the end of its period means the next one: "im zweiten
            // Halbjahr soll ...", written on 16 December.
            let ending = last == am && a.date.day.is_some_and(|d| d >= 15);
            Some(match self.direction() {
                Direction::Past if first > am => ay - 1,
                Direction::Future if last < am || ending => ay + 1,
                // A period over this year, in the present tense, is next year's where that is
                // nearer (a tie leans ahead): "Im Frühjahr kommen die Gastgeber", written in
                // October. One still ahead this year is this year's ("rechnen Beobachter
                // frühestens im Herbst", written in March).
                Direction::Nearest if last < am && first + 12 - am <= am - last => ay + 1,
                _ => ay,
            })
        });
        (y, a)
    }

    fn weekday(&self, weekday: u32, part: Option<DayPart>, week: Option<i32>) -> Out {
        let a = self.deictic();
        let Some(anchor) = a.and_then(|a| a.full()) else {
            return Out {
                value: Value::Weekday { weekday, part },
                range_end: None,
                anchor: a,
                direction: self.direction(),
                modifier: None,
            };
        };
        let (date, dir) = match week {
            Some(w) => (
                calendar::add_days(anchor, i64::from(w) * 7)
                    .and_then(|d| calendar::weekday_in_week(d, weekday)),
                direction_of(w),
            ),
            None => {
                let dir = self.direction();
                (pick_weekday(anchor, weekday, dir, self.ctx.kind), dir)
            }
        };
        Out {
            value: day_value(date, part),
            range_end: None,
            anchor: a,
            direction: dir,
            modifier: None,
        }
    }

    fn clock(
        &self,
        hour: u32,
        minute: u32,
        part: Option<DayPart>,
        day: Option<&Expr>,
        twelve_hour: bool,
    ) -> Out {
        // Midnight (hour 24) on a day is 00:00 of the day that begins: "am Silvester um
        // Mitternacht" is 1 January, "Von 20 Uhr bis Mitternacht" ends on the next day.
        let midnight = hour == 24;
        let mut hour = if midnight {
            0
        } else {
            hour_in_part(hour, part)
        };
        let (date, anchor, direction) = match day {
            Some(d) => {
                let out = self.expr(d);
                let mut date = match out.value {
                    Value::Date(d) | Value::PartOfDay { date: d, .. } => d,
                    _ => PartialDate::unknown(),
                };
                if midnight {
                    date = next_day(date);
                }
                (date, out.anchor, out.direction)
            }
            None => {
                let a = self.day_anchor();
                let mut date = a
                    .map(|a| a.date)
                    .filter(|d| d.day.is_some())
                    .unwrap_or_default();
                // "in der Nacht zu Dienstag um 2 Uhr" is Tuesday's 2 o'clock; midnight after a
                // day named before it begins the next one. Midnight on the document's day is
                // the one the text reports from, at its start.
                let named = a.is_some_and(|a| a.kind == AnchorKind::LastMentioned);
                if (self.after_night(a) && hour < 12) || (midnight && named) {
                    date = next_day(date);
                }
                // Colloquial "um 3": the next 3 o'clock after the document time.
                if let (DocKind::Colloquial, Some(anc), None) = (self.ctx.kind, a, part) {
                    if let (Some((h, m, _)), Some(d)) = (anc.time, anc.full()) {
                        if hour <= 12 && twelve_hour && (hour * 60 + minute) <= h * 60 + m {
                            if hour + 12 < 24 && (hour + 12) * 60 + minute > h * 60 + m {
                                hour += 12;
                            } else if let Some(next) = calendar::add_days(d, 1) {
                                date = PartialDate::from_naive(next);
                            }
                        } else if hour * 60 + minute <= h * 60 + m {
                            if let Some(next) = calendar::add_days(d, 1) {
                                date = PartialDate::from_naive(next);
                            }
                        }
                    }
                }
                (date, a, Direction::Fixed)
            }
        };
        Out {
            value: Value::DateTime {
                date,
                hour,
                minute,
                second: None,
            },
            range_end: None,
            anchor,
            direction,
            modifier: None,
        }
    }

    /// "zwei Wochen nach Ostern", "ein Jahr nach Weihnachten": the holiday shifted. Without a
    /// year, the direction holds for the whole expression, not the holiday: of the days so far
    /// from a holiday of the years around the anchor, the one the tense points to ("ein Jahr
    /// nach Weihnachten" said in February 2013 is 2013-12-25, a year after the last Christmas).
    fn shift_from(&self, amount: u32, unit: Unit, sign: i32, base: &Expr) -> Out {
        let n = i64::from(amount) * i64::from(sign);
        let shift = |d: NaiveDate| match unit {
            Unit::Day => calendar::add_days(d, n),
            Unit::Week => calendar::add_days(d, 7 * n),
            Unit::Month => calendar::add_months(d, n),
            _ => calendar::add_months(d, 12 * n),
        };
        let date_of = |out: &Out| match out.value {
            Value::Date(d) => d.naive().and_then(shift),
            _ => None,
        };
        let mut out = self.expr(base);
        let mut date = date_of(&out);
        // The holiday's year lies about the shift away from the anchor's.
        let years_back = match unit {
            Unit::Year => n,
            Unit::Month => n / 12,
            _ => 0,
        };
        let years_back = i32::try_from(years_back).unwrap_or(0);
        if let Some(best) = self.reckon_from_holiday(base, years_back, shift) {
            date = Some(best);
            out.direction = self.direction();
        }
        out.value = day_value(date, None);
        out
    }

    /// A day reckoned from a holiday named without a year (`reckon` takes the holiday's first
    /// day to it): of the days reckoned from the holiday of the years about `years_back` before
    /// the anchor's, the one the tense points to from the anchor; chat text, leaning to the
    /// future, takes none on the anchor's day itself. None for a holiday with a year.
    fn reckon_from_holiday(
        &self,
        base: &Expr,
        years_back: i32,
        reckon: impl Fn(NaiveDate) -> Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let Expr::Holiday {
            holiday,
            year: None,
            days,
        } = base
        else {
            return None;
        };
        let a = self.deictic().and_then(|a| a.full())?;
        let centre = a.year() - years_back;
        let candidates: Vec<NaiveDate> = (centre - 2..=centre + 2)
            .filter_map(
                |y| match self.holiday(*holiday, Some(YearSpec::Abs(y)), *days).value {
                    Value::Date(d) => d.naive().and_then(&reckon),
                    _ => None,
                },
            )
            .collect();
        match self.direction() {
            Direction::Past => candidates.iter().filter(|d| **d <= a).max(),
            Direction::Future if self.ctx.kind == DocKind::Colloquial => {
                candidates.iter().filter(|d| **d > a).min()
            }
            Direction::Future => candidates.iter().filter(|d| **d >= a).min(),
            _ => candidates.iter().min_by_key(|d| (**d - a).num_days().abs()),
        }
        .copied()
    }

    /// "erster Dienstag im Oktober", "letzte Woche im September 2014", "dritter Dienstag nach
    /// Weihnachten 2014": the period (a month or a holiday) resolved as itself, then counted in.
    fn nth(&self, n: i32, what: NthOf, within: &Expr, after: bool) -> Out {
        let mut out = self.expr(within);
        let date = match out.value {
            Value::Date(d) => d,
            _ => PartialDate::unknown(),
        };
        // Counted from the day after the holiday.
        let count = |h: NaiveDate| match what {
            NthOf::Weekday(w) => strict_weekday(h, w, Direction::Future)
                .and_then(|d| calendar::add_days(d, 7 * i64::from(n - 1))),
            NthOf::Day => calendar::add_days(h, i64::from(n)),
            NthOf::Week => calendar::add_days(h, 7 * i64::from(n)),
        };
        let value = if after {
            let mut day = date.naive().and_then(count);
            // Without a year, the tense places the counted day, not the holiday: "die vierte
            // Woche nach Weihnachten" said in February lies ahead in chat text.
            if let Some(best) = self.reckon_from_holiday(within, 0, count) {
                day = Some(best);
                out.direction = self.direction();
            }
            day.map(|d| match what {
                NthOf::Week => week_value(d),
                _ => day_value(Some(d), None),
            })
        } else {
            match (date.year, date.month) {
                (Some(y), Some(m)) => nth_in_month(y, m, n, what),
                _ => None,
            }
        };
        out.value = value.unwrap_or(match what {
            NthOf::Week => Value::Unknown(Unit::Week),
            _ => Value::Unknown(Unit::Day),
        });
        out
    }

    /// "Freitag, der 12. Mai" (no year), "Dienstag, den 25.": the date as without the weekday;
    /// where it falls on another weekday, the nearest year (or month) in which it falls on the
    /// named one. Chat text, which leans to the future, looks up to 28 years (a full cycle of the
    /// calendar) either way, the future first: "Freitag, der 12. Mai" said in 2013 is 2017.
    /// News and narratives look one year (or month) the way the tense points, then the other
    /// way, and not further than a year from the anchor: a wrong weekday in news is more often a
    /// slip than a far date, so "am Montag, den 15. Januar" written in November 2016 stays
    /// January 2017, while "Montag, 5. Januar" written on 1 January 2026 is 2026-01-05 even in a
    /// clause that reports in the past.
    fn date_on_weekday(&self, weekday: u32, month: Option<u32>, day: u32) -> Out {
        let mut out = self.calendar(None, month, Some(day));
        let Value::Date(d) = out.value else {
            return out;
        };
        let (Some(y), Some(m)) = (d.year, d.month) else {
            return out;
        };
        let fits = |k: i64| {
            let (y2, m2) = match month {
                Some(m) => (y + i32::try_from(k).ok()?, m),
                None => calendar::shift_month(y, m, k)?,
            };
            NaiveDate::from_ymd_opt(y2, m2, day).filter(|d| calendar::weekday_number(*d) == weekday)
        };
        if fits(0).is_some() {
            return out;
        }
        let steps: Vec<i64> = match (self.ctx.kind, out.direction) {
            (DocKind::Colloquial, _) => (1..=28).flat_map(|k| [k, -k]).collect(),
            // A day of a month: the month before or after, whatever the tense.
            (_, Direction::Past) if month.is_none() => vec![-1, 1],
            _ if month.is_none() => vec![1, -1],
            // The tense first, then the other way: the weekday outweighs the tense of a clause
            // that reports ("am Montag, 5. Januar bleiben die Schulen zu, teilte der Kreis mit").
            (_, Direction::Past) => vec![-1, 1],
            (_, Direction::Future) => vec![1, -1],
            _ => vec![-1, 1],
        };
        let anchor = out.anchor.and_then(|a| a.full());
        let near = |d: &NaiveDate| {
            self.ctx.kind == DocKind::Colloquial
                || anchor.is_some_and(|a| (*d - a).num_days().abs() <= 366)
        };
        if let Some(date) = steps.iter().filter_map(|&k| fits(k)).find(near) {
            out.value = day_value(Some(date), None);
        }
        out
    }

    fn rel_named(&self, named: Named, offset: i32) -> Out {
        let a = self.deictic();
        let dir = direction_of(offset);
        let value = match named {
            Named::Weekday(w, part) => {
                let date = a.and_then(|a| a.full()).and_then(|d| {
                    let dir = match offset {
                        n if n < 0 => Direction::Past,
                        n if n > 0 => Direction::Future,
                        _ => Direction::Nearest,
                    };
                    if offset == 0 && self.ctx.kind == DocKind::Colloquial {
                        return pick_weekday(d, w, Direction::Future, DocKind::News);
                    }
                    if offset.abs() == 2 {
                        // "übernächsten Freitag": a week after the next one.
                        return strict_weekday(d, w, dir)
                            .and_then(|x| calendar::add_days(x, 7 * i64::from(offset.signum())));
                    }
                    strict_weekday(d, w, dir)
                });
                match date {
                    Some(d) => day_value(Some(d), part),
                    None => Value::Weekday { weekday: w, part },
                }
            }
            Named::Month(m) => {
                let y = a.and_then(|a| {
                    let ay = a.date.year?;
                    let am = a.date.month?;
                    Some(
                        match offset {
                            n if n < 0 => {
                                if m < am {
                                    ay
                                } else {
                                    ay - 1
                                }
                            }
                            n if n > 0 => {
                                if m > am {
                                    ay
                                } else {
                                    ay + 1
                                }
                            }
                            _ => ay,
                        } + (offset.abs() - 1).max(0) * offset.signum(),
                    )
                });
                Value::Date(PartialDate {
                    year: y,
                    month: Some(m),
                    day: None,
                })
            }
            Named::Season(s) => {
                // A winter is named by the year it starts in: in January and February,
                // "diesen Winter" is the one that began last December, and so it is until
                // June in a past clause ("hat die Kliniken in diesem Winter an ihre Grenzen
                // gebracht", written in April). From March to November the last winter began
                // the year before and the next one begins this year.
                let past = self.direction() == Direction::Past;
                let y = a.and_then(|a| {
                    let y = a.date.year?;
                    let m = a.date.month;
                    if s != Season::Winter {
                        // "im kommenden Sommer" written in January is this year's, "im
                        // vergangenen Sommer" written in December too.
                        let (first, last) = match s {
                            Season::Spring => (3, 5),
                            Season::Summer => (6, 8),
                            _ => (9, 11),
                        };
                        return Some(match (offset, m) {
                            (n, Some(m)) if n > 0 && m < first => y + n - 1,
                            (n, Some(m)) if n < 0 && m > last => y + n + 1,
                            (n, _) => y + n,
                        });
                    }
                    let early = m.is_some_and(|m| m <= 2);
                    let between = m.is_some_and(|m| (3..=11).contains(&m));
                    Some(match offset {
                        0 if early || (past && m.is_some_and(|m| m <= 6)) => y - 1,
                        n if n > 0 && between => y + n - 1,
                        n if early => y - 1 + n,
                        n => y + n,
                    })
                });
                Value::Season { year: y, season: s }
            }
            // The season under way began this summer, or last summer before July.
            Named::Playing => Value::Date(PartialDate {
                year: a.and_then(|a| {
                    let started = a.date.year? - i32::from(a.date.month? < 7);
                    Some(started + offset)
                }),
                month: None,
                day: None,
            }),
            Named::Weekend => match a.and_then(|a| a.full()) {
                Some(d) => {
                    // "Die Besucher kamen am Wochenende" on a weekday: the weekend before it.
                    let back = offset == 0
                        && self.direction() == Direction::Past
                        && calendar::weekday_number(d) < 6;
                    let weeks = i64::from(offset) - i64::from(back);
                    let d = calendar::add_days(d, weeks * 7).unwrap_or(d);
                    let (year, week) = calendar::iso_week(d);
                    Value::Week {
                        year,
                        week,
                        weekend: true,
                    }
                }
                None => Value::Unknown(Unit::Week),
            },
        };
        Out {
            value,
            range_end: None,
            anchor: a,
            direction: dir,
            modifier: None,
        }
    }

    /// "die letzten zwei Tage": from n units back to the anchor; "die nächsten drei Wochen":
    /// from the next unit on. Chat text reads "paar" as two and, with a document time, a stretch
    /// of clock time at the grain of its unit, as Duckling does: "die nächsten drei Minuten" at
    /// 04:30:20 are 04:31 to 04:34, "die letzten zwei Sekunden" 04:29:58 to 04:30:00. In news a
    /// stretch without dates stays a duration ("in den nächsten drei Stunden" is `PT3H`).
    fn last_n(&self, count: Count, unit: Unit, sign: i32) -> Out {
        let colloquial = self.ctx.kind == DocKind::Colloquial;
        let amount = match count {
            Count::Few if colloquial => Some(2.0),
            c => c.exact(),
        };
        let d = match amount {
            Some(n) => Duration::new(n, unit),
            None => Duration::unknown(unit),
        };
        let a = self.deictic();
        let n = d.amount.filter(|n| n.fract() == 0.0).map(|n| n as i64);
        let (Some(n), true, true) = (n, colloquial, d.unit == unit) else {
            return Out::fixed(Value::Duration(d));
        };
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return match clock_span(a, unit, n, sign) {
                Some((from, to)) => Out {
                    value: from,
                    range_end: Some(to),
                    anchor: a,
                    direction: direction_of(sign),
                    modifier: None,
                },
                None => Out::fixed(Value::Duration(d)),
            };
        }
        let (from, to) = if sign < 0 { (-n, -1) } else { (1, n) };
        let from = unit_value(a, unit, from);
        let to = unit_value(a, unit, if sign < 0 && unit == Unit::Day { 0 } else { to });
        Out {
            value: from,
            range_end: Some(to),
            anchor: a,
            direction: direction_of(sign),
            modifier: None,
        }
    }

    /// "binnen zwei Wochen": in chat text with a document time, from now to the end of the
    /// limit (`2013-02-12T04:30:00` to `2013-02-26`, the end at the grain of the unit); else,
    /// and in a past clause, how long.
    fn within(&self, d: Duration) -> Out {
        let a = self.dct();
        let (Some(now), Some(n), DocKind::Colloquial) = (anchor_time(a), d.amount, self.ctx.kind)
        else {
            return Out::fixed(Value::Duration(d));
        };
        if self.tense == Tense::Past || n.fract() != 0.0 {
            return Out::fixed(Value::Duration(d));
        }
        let n = n as i64;
        let day = now.date();
        let end = match d.unit {
            Unit::Second | Unit::Minute | Unit::Hour => {
                chrono::TimeDelta::try_seconds(n * unit_secs(d.unit))
                    .and_then(|delta| now.checked_add_signed(delta))
                    .map(|t| datetime_value(t, d.unit == Unit::Second))
            }
            Unit::Day => calendar::add_days(day, n).map(|e| day_value(Some(e), None)),
            Unit::Week => calendar::add_days(day, 7 * n).map(|e| day_value(Some(e), None)),
            Unit::Month => calendar::add_months(day, n).map(|e| day_value(Some(e), None)),
            Unit::Quarter => calendar::add_months(day, 3 * n).map(|e| day_value(Some(e), None)),
            Unit::Year => calendar::add_months(day, 12 * n).map(|e| day_value(Some(e), None)),
            Unit::Decade | Unit::Century => None,
        };
        match end {
            Some(end) => Out {
                value: datetime_value(now, true),
                range_end: Some(end),
                anchor: a,
                direction: Direction::Future,
                modifier: None,
            },
            None => Out::fixed(Value::Duration(d)),
        }
    }

    fn shift(&self, amount: f64, unit: Unit, sign: i32, anaphoric: bool) -> Out {
        let a = match (anaphoric, self.last) {
            // "Sieben Minuten später", "eine Stunde zuvor": from the clock time named last.
            (
                true,
                Some(
                    last @ Mentioned {
                        time: Some((h, m)), ..
                    },
                ),
            ) if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) => Some(Anchor {
                time: Some((h, m, 0)),
                ..last.anchor()
            }),
            _ => self.anchor(anaphoric),
        };
        let d = Duration::new(amount, unit);
        let n = d.amount.unwrap_or(0.0) as i64 * i64::from(sign);
        if self.ctx.kind == DocKind::Colloquial && !anaphoric {
            // Chat assistants keep a finer grain: "vor zwei Jahren" is that month,
            // "in einer Woche" that day.
            if let Some(out) = self.fine_shift(a, d.unit, n, sign) {
                return out;
            }
        }
        let value = match d.unit {
            Unit::Hour | Unit::Minute | Unit::Second => match anchor_time(a) {
                Some(base) => chrono::TimeDelta::try_seconds(n * unit_secs(d.unit))
                    .and_then(|delta| base.checked_add_signed(delta))
                    .map_or(Value::Duration(d), |t| {
                        datetime_value(t, d.unit == Unit::Second)
                    }),
                None => Value::Ref(if sign < 0 {
                    Reference::Past
                } else {
                    Reference::Future
                }),
            },
            // A quarter or half year whole years before or after is that quarter or half year.
            Unit::Year if anaphoric => match (self.last.and_then(|m| m.period), a) {
                (Some(period), Some(a)) => {
                    let year = a.date.year.map(|y| y + i32::try_from(n).unwrap_or(0));
                    match period {
                        Period::Quarter(quarter) => Value::Quarter { year, quarter },
                        Period::Half(half) => Value::Half { year, half },
                    }
                }
                _ => unit_value(a, Unit::Year, n),
            },
            unit => unit_value(a, unit, n),
        };
        Out {
            value,
            range_end: None,
            anchor: a,
            direction: direction_of(sign),
            modifier: None,
        }
    }

    fn fine_shift(&self, a: Option<Anchor>, unit: Unit, n: i64, sign: i32) -> Option<Out> {
        let anchor = a?;
        let date = anchor.full()?;
        let value = match unit {
            Unit::Year => {
                let d = calendar::add_months(date, n * 12)?;
                Value::Date(PartialDate::ym(d.year(), d.month()))
            }
            Unit::Month => day_value(calendar::add_months(date, n), None),
            Unit::Week => day_value(calendar::add_days(date, n * 7), None),
            // "in 7 Tagen": a day, as TimeML has it (Duckling gives the hour; rustling the day).
            Unit::Day => day_value(calendar::add_days(date, n), None),
            _ => return None,
        };
        Some(Out {
            value,
            range_end: None,
            anchor: a,
            direction: direction_of(sign),
            modifier: None,
        })
    }

    fn season(&self, season: Season, year: Option<YearSpec>) -> Out {
        if let Some(spec) = year {
            let (y, a) = self.year_of(spec);
            return Out {
                value: Value::Season { year: y, season },
                range_end: None,
                anchor: a,
                direction: Direction::Fixed,
                modifier: None,
            };
        }
        let (first, last) = match season {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall => (9, 11),
            Season::Winter => (12, 12),
        };
        let (y, a) = self.period_year(None, first, last);
        Out {
            value: Value::Season { year: y, season },
            range_end: None,
            anchor: a,
            direction: self.direction(),
            modifier: None,
        }
    }

    fn holiday(&self, holiday: Holiday, year: Option<YearSpec>, days: u32) -> Out {
        let last_day = |d: NaiveDate| calendar::add_days(d, i64::from(days.max(1)) - 1);
        let (start, a, dir) = match year {
            Some(spec) => {
                let (y, a) = self.year_of(spec);
                let start = y.and_then(|y| holiday_dates(holiday, y).first().copied());
                (start.ok_or(y), a, Direction::Fixed)
            }
            None => {
                let a = self.deictic();
                let dir = self.direction();
                let start = a.and_then(|a| {
                    let ay = a.date.year?;
                    let anchor = a.full()?;
                    let all: Vec<NaiveDate> = (ay - 1..=ay + 1)
                        .flat_map(|y| holiday_dates(holiday, y))
                        .collect();
                    // A holiday of several days going on at the anchor is that one.
                    let current = all
                        .iter()
                        .find(|&&d| d <= anchor && last_day(d).is_some_and(|e| anchor <= e));
                    match dir {
                        Direction::Past => all.iter().rev().find(|&&d| d <= anchor),
                        Direction::Future => current.or_else(|| all.iter().find(|&&d| d >= anchor)),
                        // One within a month either way ("Silvesternacht" on 1 January is the one just
                        // past), else the anchor's year's.
                        _ => current
                            .or_else(|| {
                                all.iter()
                                    .filter(|&&d| (d - anchor).num_days().abs() <= 31)
                                    .min_by_key(|&&d| (d - anchor).num_days().abs())
                            })
                            .or_else(|| match self.lean {
                                Direction::Future => all.iter().find(|&&d| d >= anchor),
                                Direction::Past => all.iter().rev().find(|&&d| d <= anchor),
                                _ => all.iter().find(|d| d.year() == ay),
                            }),
                    }
                    .copied()
                });
                (start.ok_or(None), a, dir)
            }
        };
        let (value, range_end) = match start {
            Ok(d) => (
                Value::Date(PartialDate::from_naive(d)),
                last_day(d)
                    .filter(|_| days > 1)
                    .map(|e| Value::Date(PartialDate::from_naive(e))),
            ),
            Err(y) => (
                match holiday {
                    Holiday::Fixed(m, d) => Value::Date(PartialDate {
                        year: y,
                        month: Some(m),
                        day: Some(d),
                    }),
                    _ => Value::Date(PartialDate {
                        year: y,
                        month: None,
                        day: None,
                    }),
                },
                None,
            ),
        };
        Out {
            value,
            range_end,
            anchor: a,
            direction: dir,
            modifier: None,
        }
    }
}

/// The (first) days in Gregorian year `y` on which a holiday falls or begins, earliest first:
/// usually one, none or two for a holiday of the lunar Islamic calendar.
fn holiday_dates(holiday: Holiday, y: i32) -> Vec<NaiveDate> {
    let one = match holiday {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Easter(off) => calendar::easter(y).and_then(|e| calendar::add_days(e, off)),
        Holiday::OrthodoxEaster(off) => {
            calendar::orthodox_easter(y).and_then(|e| calendar::add_days(e, off))
        }
        Holiday::Advent(off) => calendar::first_advent(y).and_then(|a| calendar::add_days(a, off)),
        Holiday::NthWeekday { month, weekday, n } => calendar::nth_weekday(y, month, weekday, n),
        Holiday::EarthHour => calendar::nth_weekday(y, 3, 6, -1).and_then(|last| {
            let holy_saturday = calendar::easter(y).and_then(|e| calendar::add_days(e, -1));
            calendar::add_days(last, if Some(last) == holy_saturday { -7 } else { 0 })
        }),
        Holiday::Hebrew(m, d) => calendar::hebrew_date_in(y, m, d),
        Holiday::HebrewObserved(which) => calendar::hebrew_observed_in(y, which),
        Holiday::Islamic(m, d) => return calendar::islamic_dates_in(y, m, d),
        Holiday::ChineseNewYear => calendar::chinese::new_year(y),
        Holiday::Nowruz => calendar::persian::nowruz(y),
        Holiday::SeasonStart(longitude) => season_start(y, longitude),
        Holiday::Sankranti { sign, offset } => {
            calendar::hindu::sankranti(y, sign).and_then(|d| calendar::add_days(d, offset))
        }
        Holiday::Tithi {
            month,
            tithi,
            kala,
            offset,
        } => {
            return calendar::hindu::tithi_dates(y, month, tithi, kala)
                .into_iter()
                .filter_map(|d| calendar::add_days(d, offset))
                .collect()
        }
        Holiday::Onam => calendar::hindu::onam(y),
        Holiday::ParsiNewYear => calendar::persian::parsi_new_year(y),
        Holiday::FixedNotSunday(m, d) => NaiveDate::from_ymd_opt(y, m, d).and_then(|date| {
            let sunday = date.weekday() == chrono::Weekday::Sun;
            calendar::add_days(date, if sunday { -1 } else { 0 })
        }),
        Holiday::OrthodoxChristmas(off) => calendar::julian_to_gregorian(y - 1, 12, 25)
            .filter(|d| d.year() == y)
            .or_else(|| calendar::julian_to_gregorian(y, 12, 25))
            .and_then(|d| calendar::add_days(d, off)),
        Holiday::IslamicFridayBefore(m, d) => {
            return calendar::islamic_dates_in(y, m, d)
                .into_iter()
                .filter_map(|next| {
                    let back = (next.weekday().num_days_from_monday() + 7 - 4 - 1) % 7 + 1;
                    calendar::add_days(next, -i64::from(back))
                })
                .filter(|d| d.year() == y)
                .collect();
        }
    };
    one.into_iter().collect()
}

/// The day in Germany on which the Sun reaches `longitude` (0, 90, 180, 270) in year `y`: the
/// equinoxes and solstices, in CET (CEST from the summer solstice to the autumn equinox).
fn season_start(y: i32, longitude: u32) -> Option<NaiveDate> {
    use calendar::astro::{delta_t, sun_at_longitude, JD_DAY0};
    let month = 3 + longitude / 30;
    let guess = NaiveDate::from_ymd_opt(y, month, 21)?;
    let guess = f64::from(guess.num_days_from_ce()) + JD_DAY0;
    let zone_hours = if (90..=180).contains(&longitude) {
        2.0
    } else {
        1.0
    };
    let local = sun_at_longitude(guess, f64::from(longitude)) - delta_t(y) + zone_hours / 24.0;
    NaiveDate::from_num_days_from_ce_opt((local - JD_DAY0).floor() as i32)
}

/// Whether a day of a month (either of them may be unknown) exists in year `y`.
/// A date with its year as (year, month, day) for comparing, 0 for a month or day not given.
fn date_key(v: &Value) -> Option<(i32, u32, u32)> {
    match v {
        Value::Date(PartialDate {
            year: Some(y),
            month,
            day,
        }) => Some((*y, month.unwrap_or(0), day.unwrap_or(0))),
        _ => None,
    }
}

fn exists(y: i32, month: Option<u32>, day: Option<u32>) -> bool {
    match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).is_some(),
        _ => true,
    }
}

/// The hour of a clock time read in a part of the day: "8 Uhr abends" is 20, "12 Uhr nachts" 0.
fn hour_in_part(hour: u32, part: Option<DayPart>) -> u32 {
    match part {
        Some(DayPart::Evening) | Some(DayPart::Night) if hour == 12 => 0,
        Some(DayPart::Afternoon) | Some(DayPart::Evening) if hour < 12 => hour + 12,
        Some(DayPart::Night) if (6..12).contains(&hour) => hour + 12,
        _ => hour,
    }
}

/// The day after a full date; any other date as it is.
fn next_day(date: PartialDate) -> PartialDate {
    match date.naive().and_then(|d| calendar::add_days(d, 1)) {
        Some(next) => PartialDate::from_naive(next),
        None => date,
    }
}

/// The document time of an anchor, where it has a full date and a clock time.
fn anchor_time(a: Option<Anchor>) -> Option<NaiveDateTime> {
    let a = a?;
    let (h, m, s) = a.time?;
    a.full()?.and_hms_opt(h, m, s.min(59))
}

/// Seconds in a unit of clock time (0 for the calendar units).
fn unit_secs(unit: Unit) -> i64 {
    match unit {
        Unit::Hour => 3600,
        Unit::Minute => 60,
        Unit::Second => 1,
        _ => 0,
    }
}

/// A clock time as a value, with its seconds where they count.
fn datetime_value(t: NaiveDateTime, seconds: bool) -> Value {
    Value::DateTime {
        date: PartialDate::from_naive(t.date()),
        hour: t.hour(),
        minute: t.minute(),
        second: seconds.then_some(t.second()),
    }
}

/// The next (`sign` 1) or last (-1) `n` units of clock time from the anchor's time, at the
/// grain of the unit: the next ones start with the unit after the current one, the last ones
/// end where the current one starts.
fn clock_span(a: Option<Anchor>, unit: Unit, n: i64, sign: i32) -> Option<(Value, Value)> {
    let now = anchor_time(a)?;
    let step = unit_secs(unit);
    let since_midnight = i64::from(now.num_seconds_from_midnight());
    let current = now - chrono::TimeDelta::try_seconds(since_midnight % step)?;
    let at = |k: i64| current.checked_add_signed(chrono::TimeDelta::try_seconds(k * step)?);
    let (from, to) = if sign < 0 {
        (at(-n)?, current)
    } else {
        (at(1)?, at(n + 1)?)
    };
    let seconds = unit == Unit::Second;
    Some((datetime_value(from, seconds), datetime_value(to, seconds)))
}

fn direction_of(n: i32) -> Direction {
    match n {
        n if n < 0 => Direction::Past,
        n if n > 0 => Direction::Future,
        _ => Direction::Fixed,
    }
}

/// A day, or a part of it; unknown parts stay unknown.
fn day_value(date: Option<NaiveDate>, part: Option<DayPart>) -> Value {
    let date = match date {
        Some(d) => PartialDate::from_naive(d),
        None if part.is_none() => return Value::Unknown(Unit::Day),
        None => PartialDate::unknown(),
    };
    match part {
        Some(part) => Value::PartOfDay { date, part },
        None => Value::Date(date),
    }
}

/// The ISO week of a day.
fn week_value(d: NaiveDate) -> Value {
    let (year, week) = calendar::iso_week(d);
    Value::Week {
        year,
        week,
        weekend: false,
    }
}

/// The `n`-th (-1: last) weekday, day or week of a month. The weeks of a month are the ISO
/// weeks wholly in it: the first week of October 2014 (which began on a Wednesday) is the one
/// from Monday 6 October, the last week of September 2014 the one ending Sunday 28 September.
fn nth_in_month(year: i32, month: u32, n: i32, what: NthOf) -> Option<Value> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = calendar::add_months(first, 1).and_then(|d| calendar::add_days(d, -1))?;
    let day = |d: NaiveDate| day_value(Some(d), None);
    match what {
        NthOf::Weekday(w) => calendar::nth_weekday(year, month, w, n).map(day),
        NthOf::Day if n < 0 => Some(day(last)),
        NthOf::Day => NaiveDate::from_ymd_opt(year, month, u32::try_from(n).ok()?).map(day),
        // The week of the last Sunday.
        NthOf::Week if n < 0 => calendar::nth_weekday(year, month, 7, -1).map(week_value),
        NthOf::Week => calendar::nth_weekday(year, month, 1, 1)
            .and_then(|monday| calendar::add_days(monday, 7 * i64::from(n - 1) + 6))
            .filter(|sunday| *sunday <= last)
            .map(week_value),
    }
}

/// The anchor moved by `n` units, at the grain of the unit.
fn unit_value(a: Option<Anchor>, unit: Unit, n: i64) -> Value {
    let Some(a) = a else {
        return Value::Unknown(unit);
    };
    let year = a.date.year;
    let n32 = i32::try_from(n).unwrap_or(0);
    match unit {
        Unit::Year => Value::Date(PartialDate {
            year: year.map(|y| y + n32),
            month: None,
            day: None,
        }),
        Unit::Decade => match year {
            Some(y) => Value::Decade(y.div_euclid(10) + n32),
            None => Value::Unknown(Unit::Decade),
        },
        Unit::Century => match year {
            Some(y) => Value::Century(y.div_euclid(100) + n32),
            None => Value::Unknown(Unit::Century),
        },
        Unit::Month | Unit::Quarter => {
            let months = if unit == Unit::Quarter { n * 3 } else { n };
            match (year, a.date.month) {
                (Some(y), Some(m)) => match calendar::shift_month(y, m, months) {
                    Some((y, m)) if unit == Unit::Month => Value::Date(PartialDate::ym(y, m)),
                    Some((y, m)) => Value::Quarter {
                        year: Some(y),
                        quarter: (m - 1) / 3 + 1,
                    },
                    None => Value::Unknown(unit),
                },
                _ => Value::Unknown(unit),
            }
        }
        Unit::Week => match a.full().and_then(|d| calendar::add_days(d, n * 7)) {
            Some(d) => {
                let (year, week) = calendar::iso_week(d);
                Value::Week {
                    year,
                    week,
                    weekend: false,
                }
            }
            None => Value::Unknown(Unit::Week),
        },
        Unit::Hour | Unit::Minute | Unit::Second => match (a.full(), a.time) {
            (Some(d), Some((h, m, _))) => {
                let step = if unit == Unit::Hour { 60 } else { 1 };
                let base = i64::from(h) * 60 + if unit == Unit::Hour { 0 } else { i64::from(m) };
                let total = base + n * step;
                let day = calendar::add_days(d, total.div_euclid(24 * 60));
                let mins = total.rem_euclid(24 * 60);
                match day {
                    Some(day) => Value::DateTime {
                        date: PartialDate::from_naive(day),
                        hour: (mins / 60) as u32,
                        minute: (mins % 60) as u32,
                        second: None,
                    },
                    None => Value::Unknown(unit),
                }
            }
            _ => Value::Unknown(unit),
        },
        _ => day_value(a.full().and_then(|d| calendar::add_days(d, n)), None),
    }
}

/// The leap year nearest to `year` in direction `dir` (`year` itself if it is one).
fn leap_year_near(year: i32, dir: Direction) -> i32 {
    let leap = |y: i32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let back = (0..8).map(|k| year - k).find(|y| leap(*y));
    let ahead = (0..8).map(|k| year + k).find(|y| leap(*y));
    match (dir, back, ahead) {
        (Direction::Past, Some(b), _) => b,
        (Direction::Future, _, Some(a)) => a,
        (_, Some(b), Some(a)) => {
            if year - b <= a - year {
                b
            } else {
                a
            }
        }
        _ => year,
    }
}

/// The year of month `month` (and day) seen from `anchor` in direction `dir`.
fn pick_year(anchor: PartialDate, month: u32, day: Option<u32>, dir: Direction) -> Option<i32> {
    let ay = anchor.year?;
    let am = anchor.month?;
    let key = (month, day.unwrap_or(0));
    let akey = (am, if day.is_some() { anchor.day? } else { 0 });
    Some(match dir {
        Direction::Past => {
            if key > akey {
                ay - 1
            } else {
                ay
            }
        }
        Direction::Future => {
            if key < akey {
                ay + 1
            } else {
                ay
            }
        }
        _ => {
            // The nearest: within six months either way. A month alone six months back is
            // the one six ahead (as for weekdays, the present tense leans to what is to come:
            // "kommt nach jetzigem Plan Mitte März zurück", said in September); a day of it
            // keeps the year it is in.
            let diff = month as i32 - am as i32;
            if diff > 6 {
                ay - 1
            } else if diff < -6 || (diff == -6 && day.is_none()) {
                ay + 1
            } else {
                ay
            }
        }
    })
}

/// The weekday `weekday` seen from `anchor`: past and nearest include the anchor's own day;
/// colloquial future means the next one after today.
fn pick_weekday(
    anchor: NaiveDate,
    weekday: u32,
    dir: Direction,
    kind: DocKind,
) -> Option<NaiveDate> {
    let cur = i64::from(calendar::weekday_number(anchor));
    let w = i64::from(weekday);
    let back = (cur - w).rem_euclid(7);
    let ahead = (w - cur).rem_euclid(7);
    let days = match dir {
        Direction::Past => -back,
        Direction::Future if kind == DocKind::Colloquial && ahead == 0 => 7,
        Direction::Future => ahead,
        // The nearest; in the present tense, what news announces lies a little more often
        // ahead than what it reports lies behind: of two days three and four days away, the
        // one ahead ("Am Sonntag feiern wir", written on a Wednesday).
        _ => {
            if back + 1 < ahead {
                -back
            } else {
                ahead
            }
        }
    };
    calendar::add_days(anchor, days)
}

/// "nächsten Montag": strictly after; "vergangenen Montag": strictly before; "diesen": this week.
fn strict_weekday(anchor: NaiveDate, weekday: u32, dir: Direction) -> Option<NaiveDate> {
    let cur = i64::from(calendar::weekday_number(anchor));
    let w = i64::from(weekday);
    let days = match dir {
        Direction::Past => -(((cur - w - 1).rem_euclid(7)) + 1),
        Direction::Future => ((w - cur - 1).rem_euclid(7)) + 1,
        _ => w - cur,
    };
    calendar::add_days(anchor, days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_date_keeps_its_zone_offset() {
        let zone = |s: &str| Dct::parse(s).map(|d| d.zone);
        assert_eq!(zone("2013-02-12T04:30:00-02:00").unwrap(), Some(-120));
        assert_eq!(zone("2022-01-12T10:00Z").unwrap(), Some(0));
        assert_eq!(zone("2022-01-12T10:00+0530").unwrap(), Some(330));
        assert_eq!(zone("2022-01-12T10:00").unwrap(), None);
        assert_eq!(zone("2022-01-12").unwrap(), None);
        for bad in [
            "2022-01-12T10:00+25:00",
            "2022-01-12T10:00+1",
            "2022-01-12T10:00Zulu",
        ] {
            assert!(Dct::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_shifted_clock_time_carries_the_day() {
        let v = Value::DateTime {
            date: PartialDate::ymd(2021, 12, 31),
            hour: 23,
            minute: 30,
            second: None,
        };
        assert_eq!(shifted(v.clone(), 60).to_string(), "2022-01-01T00:30");
        assert_eq!(shifted(v, -24 * 60).to_string(), "2021-12-30T23:30");
    }
}
