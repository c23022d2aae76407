//! Recognise: the pest grammar (`grammar/timex.pest`) and the scanner that runs it over text.
//!
//! The scanner does not try the grammar at every byte: it walks the text word by word and
//! tries `timex` only where a word can begin an expression (a digit, or a word whose lowercase
//! form starts with one of [`TRIGGERS`]). A match is taken whole and scanning resumes after it,
//! so matches never overlap.

use pest::iterators::Pair;
use pest::Parser;

/// The pest parser generated from `grammar/timex.pest`.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/timex.pest"]
pub struct TimexParser;

/// Lowercase prefixes of every word an expression can start with (letters only; digits always
/// trigger). Kept in step with the grammar by the grammar corpus tests: an expression whose
/// first word is missing here is never found.
pub const TRIGGERS: &[&str] = &[
    // prepositions and articles in front of an expression
    "seit",
    "ab",
    "bis",
    "vom",
    "von",
    "zum",
    "zur",
    "am",
    "im",
    "um",
    "an",
    "in",
    "gegen",
    "für",
    "aus",
    "während",
    "beim",
    "zu",
    "innerhalb",
    "binnen",
    "nach",
    "vor",
    "dem",
    "den",
    "der",
    "des",
    "die",
    "das",
    "diese",
    "zwischen",
    // modifiers
    "mehr",
    "weniger",
    "länger",
    "über",
    "fast",
    "knapp",
    "rund",
    "etwa",
    "ungefähr",
    "circa",
    "ca",
    "zirka",
    "gut",
    "mindestens",
    "höchstens",
    "nahezu",
    "beinahe",
    "annähernd",
    "frühestens",
    "spätestens",
    "genau",
    "exakt",
    // numbers, fractions, vague amounts, ordinals
    "ein",
    "zwei",
    "zwo",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "zwanzig",
    "dreißig",
    "vierzig",
    "fünfzig",
    "sechzig",
    "siebzig",
    "achtzig",
    "neunzig",
    "hundert",
    "anderthalb",
    "halb",
    "paar",
    "einige",
    "mehrere",
    "wenig",
    "viel",
    "etlich",
    "erst",
    "zweit",
    "dritt",
    "viert",
    "fünft",
    "sechst",
    "siebt",
    "neunt",
    "zehnt",
    "elft",
    "zwölft",
    "letzt",
    // months, weekdays, parts of day, seasons
    "jan",
    "jän",
    "feb",
    "mär",
    "mrz",
    "apr",
    "mai",
    "jun",
    "jul",
    "aug",
    "sep",
    "okt",
    "nov",
    "dez",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "vormittag",
    "nachmittag",
    "mittag",
    "morgen",
    "abend",
    "nacht",
    "früh",
    "spät",
    "frühjahr",
    "frühling",
    "sommer",
    "herbst",
    "winter",
    // units and relative words
    "sekunde",
    "minute",
    "stunde",
    "tag",
    "woche",
    "monat",
    "quartal",
    "jahr",
    "halbjahr",
    "vergangen",
    "verflossen",
    "vorig",
    "nächst",
    "kommend",
    "laufend",
    "jetzig",
    "folgend",
    "darauffolgend",
    "selb",
    "gleich",
    "demselben",
    "derselben",
    "vorjahr",
    "folgejahr",
    "vormonat",
    "folgemonat",
    "vorwoche",
    "folgewoche",
    "vortag",
    "folgetag",
    "vorabend",
    "anfang",
    "mitte",
    "ende",
    "beginn",
    "ausgang",
    "jahres",
    "monats",
    // deixis and references
    "heute",
    "gestern",
    "vorgestern",
    "übermorgen",
    "jetzt",
    "gerade",
    "derzeit",
    "zurzeit",
    "momentan",
    "gegenwärtig",
    "heutzutage",
    "vergangenheit",
    "zukunft",
    "künftig",
    "zukünftig",
    "damals",
    "einst",
    "moment",
    // durations, sets, clock words
    "jahrzehnt",
    "jahrhundert",
    "stündlich",
    "täglich",
    "wöchentlich",
    "vierzehntäglich",
    "monatlich",
    "vierteljährlich",
    "halbjährlich",
    "alljährlich",
    "jährlich",
    "jede",
    "alle",
    "viertel",
    "dreiviertel",
    "q",
    // holidays
    "heilig",
    "weiberfastnacht",
    "fastnacht",
    "karneval",
    "fasching",
    "palm",
    "karsamstag",
    "volkstrauertag",
    "buß",
    "totensonntag",
    "ewigkeitssonntag",
    "advent",
    "dreikönig",
    "johannistag",
    "peter",
    "barbaratag",
    "erntedank",
    "muttertag",
    "vatertag",
    "halloween",
    "mariä",
    "nikolaus",
    "viertelstunde",
    "dreiviertelstunde",
    "abends",
    "morgens",
    "nachmittags",
    "vormittags",
    "nachts",
    "mittags",
    "weihnacht",
    "silvester",
    "neujahr",
    "oster",
    "karfreitag",
    "gründonnerstag",
    "pfingst",
    "christi",
    "himmelfahrt",
    "fronleichnam",
    "rosenmontag",
    "aschermittwoch",
    "allerheiligen",
    "reformationstag",
    "nikolaustag",
    "valentinstag",
    "maifeiertag",
];

/// A match of the grammar: the `timex` pair and its byte offset in the scanned text.
pub struct Match<'t> {
    /// Byte offset of the pair's input start in the whole text.
    pub offset: usize,
    pub pair: Pair<'t, Rule>,
}

/// Whether a word whose lowercase form is `word` can begin an expression.
pub fn is_trigger(word: &str) -> bool {
    let first = match word.chars().next() {
        Some(c) => c,
        None => return false,
    };
    if first.is_ascii_digit() {
        return true;
    }
    TRIGGERS
        .iter()
        .any(|t| t.starts_with(first) && word.starts_with(t))
}

/// The lowercase form of the word starting at byte `at` (letters only, at most 24 chars).
fn word_at(text: &str, at: usize, buf: &mut String) {
    buf.clear();
    for c in text[at..].chars().take(24) {
        if !c.is_alphanumeric() {
            break;
        }
        buf.extend(c.to_lowercase());
    }
}

/// Tries the grammar at byte `at` of `text`; returns the `timex` pair on a match.
pub fn match_at(text: &str, at: usize) -> Option<Pair<'_, Rule>> {
    let mut pairs = TimexParser::parse(Rule::timex, &text[at..]).ok()?;
    pairs.next()
}

/// Tries the elliptic-amount rule at byte `at` of `text` ("fast vier" after "Drei Stunden").
pub fn elliptic_at(text: &str, at: usize) -> Option<Pair<'_, Rule>> {
    let mut pairs = TimexParser::parse(Rule::elliptic, &text[at..]).ok()?;
    pairs.next()
}

/// Calls `f` with every word start of `text` that can begin an expression, in order.
/// `f` returns the byte offset to resume scanning from (to skip past a match), or `None`.
pub fn scan(text: &str, mut f: impl FnMut(usize) -> Option<usize>) {
    let mut buf = String::new();
    let mut prev_alnum = false;
    let mut resume = 0usize;
    for (i, c) in text.char_indices() {
        let alnum = c.is_alphanumeric();
        if alnum && !prev_alnum && i >= resume {
            word_at(text, i, &mut buf);
            if is_trigger(&buf) {
                if let Some(next) = f(i) {
                    resume = next;
                }
            }
        }
        prev_alnum = alnum;
    }
}

/// A readable name for every rule, for error messages and explanations ("which rule").
pub fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "end of text",
        Rule::timex | Rule::core | Rule::core_prep => "temporal expression",
        Rule::sp => "space",
        Rule::wb => "word boundary",
        Rule::comma => "comma",
        Rule::dash => "dash",
        Rule::prep => "preposition",
        Rule::art => "article",
        Rule::lead => "preposition and article",
        Rule::mod_word | Rule::mods => "modifier",
        Rule::int => "number",
        Rule::decimal => "decimal number",
        Rule::day_num | Rule::two_digit_day => "day of month",
        Rule::month_num | Rule::two_digit_month => "month number",
        Rule::year4 => "four-digit year",
        Rule::year2 => "two-digit year",
        Rule::hour_num => "hour",
        Rule::minute_num => "minute",
        Rule::ord_num => "ordinal number",
        Rule::num_word | Rule::unit_stem | Rule::teen_stem | Rule::tens_stem => "number word",
        Rule::frac_word => "fraction word",
        Rule::half => "half",
        Rule::vague => "vague amount",
        Rule::amount => "amount",
        Rule::ord_word => "ordinal word",
        Rule::month_name => "month name",
        Rule::weekday_name => "weekday name",
        Rule::daypart_word | Rule::daypart_suffix | Rule::daypart_adverb => "part of day",
        Rule::season_name => "season",
        Rule::unit_second
        | Rule::unit_minute
        | Rule::unit_hour
        | Rule::unit_day
        | Rule::unit_week
        | Rule::unit_month
        | Rule::unit_quarter
        | Rule::unit_year
        | Rule::unit_decade
        | Rule::unit_century
        | Rule::unit => "unit of time",
        Rule::rel_adj => "relative adjective",
        Rule::same_adj => "anaphoric adjective",
        Rule::full_date
        | Rule::day_month_name
        | Rule::numeric_date
        | Rule::iso_month
        | Rule::wb_date => "calendar date",
        Rule::month_year => "month and year",
        Rule::month_rel => "month of a relative year",
        Rule::month => "month",
        Rule::year_expr => "year",
        Rule::decade | Rule::decade_word => "decade",
        Rule::century | Rule::century_word => "century",
        Rule::quarter | Rule::quarter_digit => "quarter",
        Rule::half_year => "half year",
        Rule::year_ref => "year reference",
        Rule::season => "season",
        Rule::part_of | Rule::part_word | Rule::part_target => "part of a period",
        Rule::year_part | Rule::year_part_word => "part of a year or month",
        Rule::holiday | Rule::holiday_name => "holiday",
        Rule::weekday => "weekday",
        Rule::week_ref => "week reference",
        Rule::night_to => "night before a weekday",
        Rule::day_deixis | Rule::deixis_word => "today, yesterday or tomorrow",
        Rule::daypart => "part of day",
        Rule::clock
        | Rule::clock_digits
        | Rule::clock_words
        | Rule::clock_half
        | Rule::clock_quarter
        | Rule::clock_three_quarter
        | Rule::clock_after
        | Rule::clock_before
        | Rule::hour_word
        | Rule::minutes_word
        | Rule::clock_part => "clock time",
        Rule::datetime => "date with clock time",
        Rule::rel_unit => "relative period",
        Rule::neighbour_unit | Rule::neighbour_word => "neighbouring period",
        Rule::same_unit => "same period",
        Rule::ago => "time ago",
        Rule::ahead => "time ahead",
        Rule::anaphor | Rule::anaphor_dir => "time before or after the last date",
        Rule::unit_after => "period after the last date",
        Rule::reference | Rule::reference_word => "reference to now, past or future",
        Rule::moment => "moment",
        Rule::duration => "duration",
        Rule::lang_adverb => "duration adverb",
        Rule::bare_units => "unspecified duration",
        Rule::set | Rule::set_adverb | Rule::set_each | Rule::times | Rule::weekday_plural => {
            "recurrence"
        }
        Rule::range | Rule::day_only | Rule::range_point | Rule::range_mid => "range",
        Rule::clock_range => "range of clock times",
        Rule::clock_part_first => "clock time",
        Rule::quarter_hour | Rule::three_quarter => "quarter of an hour",
        Rule::duration_part => "duration",
        Rule::slash_fraction | Rule::amount_and_half => "fraction",
        Rule::this_daypart => "part of today",
        Rule::weekend => "weekend",
        Rule::day_alone | Rule::day_suffix => "day of an unnamed month",
        Rule::clock_bare => "hour without Uhr",
        Rule::rel_span => "last or next few periods",
        Rule::elliptic | Rule::elliptic_int => "amount of the unit named before",
    }
}
