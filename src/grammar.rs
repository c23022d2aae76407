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

/// Lowercase prefixes of words that start an expression only together with a following word:
/// prepositions, articles, modifiers, numbers, ordinals, relative adjectives ("der", "seit",
/// "fast", "drei", "letzte"). The grammar is tried at such a word only when one of the next
/// three words is a strong trigger and the words between are weak ones.
pub const WEAK_TRIGGERS: &[&str] = &[
    // prepositions, articles, conjunctions: whole words only
    "seit$",
    "ab$",
    "bis$",
    "vom$",
    "von$",
    "zum$",
    "zur$",
    "am$",
    "im$",
    "um$",
    "an$",
    "in$",
    "gegen$",
    "für$",
    "aus$",
    "während$",
    "beim$",
    "zu$",
    "innerhalb$",
    "binnen$",
    "nach$",
    "vor$",
    "dem$",
    "den$",
    "der$",
    "des$",
    "die$",
    "das$",
    "dies",
    "zwischen$",
    "so$",
    "und$",
    "oder$",
    "als$",
    "auf$",
    // modifiers
    "mehr$",
    "weniger$",
    "länger$",
    "über$",
    "fast$",
    "knapp$",
    "rund$",
    "etwa$",
    "ungefähr$",
    "circa$",
    "ca$",
    "zirka$",
    "gut$",
    "mindestens$",
    "höchstens$",
    "nahezu$",
    "beinahe$",
    "annähernd$",
    "frühestens$",
    "spätestens$",
    "genau$",
    "exakt$",
    "gerade$",
    // numbers, vague amounts, ordinals
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
    "zwanzig",
    "dreißig",
    "dreissig",
    "vierzig",
    "fünfzig",
    "sechzig",
    "siebzig",
    "achtzig",
    "neunzig",
    "hundert",
    "anderthalb",
    "paar$",
    "einige",
    "mehrere",
    "wenige",
    "viele",
    "etliche",
    "erst",
    "zweit",
    "dritt",
    "viert",
    "fünft",
    "sechst",
    "siebt",
    "neunt",
    "letzt",
    "jede",
    "alle$",
    "früh",
    "spät",
    "halbe",
    // relative adjectives
    "vergangen",
    "verflossen",
    "vorig",
    "vorherig",
    "nächst",
    "nachst",
    "kommend",
    "laufend",
    "jetzig",
    "folgend",
    "darauffolgend",
    "selb",
    "gleich",
    "demselben",
    "derselben",
    "übernächst",
    "ubernachst",
    "vorletzt",
];

/// Lowercase prefixes of words that can start an expression alone, or complete one started by
/// weak words: digits always count as strong. An entry ending in `$` matches a whole word only
/// ("mai$" is "Mai", not "Mainz").
pub const STRONG_TRIGGERS: &[&str] = &[
    // months, weekdays, parts of day, seasons
    "januar$",
    "januars$",
    "jänner$",
    "jänners$",
    "februar$",
    "februars$",
    "feber$",
    "febers$",
    "märz$",
    "märzs$",
    "marz$",
    "marzs$",
    "april$",
    "aprils$",
    "juni$",
    "junis$",
    "juli$",
    "julis$",
    "august$",
    "augusts$",
    "september$",
    "septembers$",
    "oktober$",
    "oktobers$",
    "november$",
    "novembers$",
    "dezember$",
    "dezembers$",
    "jan$",
    "feb$",
    "febr$",
    "mrz$",
    "apr$",
    "mai$",
    "mais$",
    "jun$",
    "jul$",
    "aug$",
    "sep$",
    "sept$",
    "okt$",
    "nov$",
    "dez$",
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
    "nacht$",
    "nachts$",
    "frühjahr",
    "frühling",
    "sommer",
    "herbst",
    "winter",
    // units and relative nouns
    "sekunde",
    "minute",
    "stunde",
    "std$",
    "min$",
    "sek$",
    "tag$",
    "tage$",
    "tagen$",
    "tages$",
    "tags$",
    "tagelang",
    "woche",
    "monat",
    "quartal",
    "jahr",
    "halbjahr",
    "uhr$",
    "zeit$",
    "viertelstunde",
    "dreiviertelstunde",
    "vorjahr",
    "folgejahr",
    "vormonat",
    "folgemonat",
    "vorwoche",
    "folgewoche",
    "vortag",
    "folgetag",
    "vorabend",
    "anfang$",
    "anfangs$",
    "mitte$",
    "ende$",
    "beginn$",
    "ausgang$",
    "jahres",
    "monats",
    "kurzem$",
    "neunzehnt",
    "zwanzigst",
    "einundzwanzigst",
    "achtzehnt",
    "siebzehnt",
    "sechzehnt",
    "fünfzehnt",
    "neunziger",
    "achtziger",
    "siebziger",
    "sechziger",
    "fünfziger",
    "vierziger",
    "dreißiger",
    "zwanziger",
    // deixis and references
    "heute",
    "gestern",
    "vorgestern",
    "vorvorgestern",
    "übermorgen",
    "jetzt",
    "eben$",
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
    "moment$",
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
    "halb$",
    "viertel$",
    "dreiviertel$",
    "q$",
    "abends",
    "morgens",
    "nachmittags",
    "vormittags",
    "mittags",
    "zweimal",
    "dreimal",
    "einmal",
    "viermal",
    "fünfmal",
    "zehnmal",
    "jahrelang",
    "monatelang",
    "wochenlang",
    "stundenlang",
    "minutenlang",
    "jahrzehntelang",
    // holidays
    "heiligabend",
    "heiligen$",
    "heilige$",
    "weihnacht",
    "silvester",
    "neujahr",
    "oster",
    "karfreitag",
    "gründonnerstag",
    "pfingst",
    "christi$",
    "himmelfahrt",
    "fronleichnam",
    "rosenmontag",
    "aschermittwoch",
    "allerheiligen",
    "reformationstag",
    "nikolaus",
    "valentinstag",
    "maifeiertag",
    "weiberfastnacht",
    "fastnacht",
    "karneval",
    "fasching",
    "palmsonntag",
    "palmensonntag",
    "karsamstag",
    "volkstrauertag",
    "buß",
    "totensonntag",
    "ewigkeitssonntag",
    "advent$",
    "dreikönig",
    "johannistag",
    "peter$",
    "barbaratag",
    "erntedank",
    "muttertag",
    "vatertag",
    "halloween",
    "mariä$",
];

/// How a word can take part in starting an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trigger {
    /// Cannot start one.
    None,
    /// Only together with a strong word after it.
    Weak,
    /// Can start one alone.
    Strong,
}

/// A byte trie over the lowercase trigger prefixes: walking a word stops at the first byte no
/// prefix continues with, so most words cost a few steps and no allocation.
struct Trie {
    /// Per node: sorted (byte, child) edges, the trigger of the prefix ending here, and the
    /// trigger of a word ending exactly here (entries written with a final `$`).
    nodes: Vec<Node>,
}

/// A trie node: sorted (byte, child) edges, the trigger of the prefix ending here, and the
/// trigger of a whole word ending here.
type Node = (Vec<(u8, u32)>, Trigger, Trigger);

impl Trie {
    fn build() -> Trie {
        let mut trie = Trie {
            nodes: vec![(Vec::new(), Trigger::None, Trigger::None)],
        };
        for (list, kind) in [
            (WEAK_TRIGGERS, Trigger::Weak),
            (STRONG_TRIGGERS, Trigger::Strong),
        ] {
            for entry in list {
                let (word, exact) = match entry.strip_suffix('$') {
                    Some(w) => (w, true),
                    None => (*entry, false),
                };
                let mut node = 0usize;
                for &b in word.as_bytes() {
                    node = match trie.nodes[node].0.binary_search_by_key(&b, |e| e.0) {
                        Ok(i) => trie.nodes[node].0[i].1 as usize,
                        Err(i) => {
                            let next = trie.nodes.len();
                            trie.nodes.push((Vec::new(), Trigger::None, Trigger::None));
                            trie.nodes[node].0.insert(i, (b, next as u32));
                            next
                        }
                    };
                }
                if exact {
                    trie.nodes[node].2 = trie.nodes[node].2.max(kind);
                } else {
                    trie.nodes[node].1 = trie.nodes[node].1.max(kind);
                }
            }
        }
        trie
    }

    /// The trigger of the longest listed prefix of the word starting at `bytes[0]`.
    fn classify(&self, bytes: &[u8]) -> Trigger {
        if bytes.first().is_some_and(u8::is_ascii_digit) {
            return Trigger::Strong;
        }
        let mut node = 0usize;
        let mut found = Trigger::None;
        let mut i = 0;
        while i < bytes.len() {
            let mut b = bytes[i];
            if b.is_ascii_uppercase() {
                b = b.to_ascii_lowercase();
            } else if i > 0 && bytes[i - 1] == 0xC3 && (0x80..=0x9E).contains(&b) {
                // Latin-1 capitals in UTF-8 (Ä Ö Ü): the lowercase form is 0x20 further.
                b += 0x20;
            } else if !(b.is_ascii_lowercase() || b >= 0x80) {
                // The word ends here: an exact entry ending here counts too.
                return found.max(self.nodes[node].2);
            }
            match self.nodes[node].0.binary_search_by_key(&b, |e| e.0) {
                Ok(k) => node = self.nodes[node].0[k].1 as usize,
                Err(_) => return found,
            }
            if self.nodes[node].1 != Trigger::None
                && (i + 1 >= bytes.len() || bytes[i + 1] < 0x80 || bytes[i + 1] >= 0xC0)
            {
                found = self.nodes[node].1;
            }
            i += 1;
        }
        found.max(self.nodes[node].2)
    }
}

fn trie() -> &'static Trie {
    static TRIE: std::sync::OnceLock<Trie> = std::sync::OnceLock::new();
    TRIE.get_or_init(Trie::build)
}

/// How the word whose lowercase form starts `word` can begin an expression.
pub fn trigger(word: &str) -> Trigger {
    trie().classify(word.as_bytes())
}

/// Whether a word can begin an expression (weakly or strongly).
pub fn is_trigger(word: &str) -> bool {
    trigger(word) != Trigger::None
}

/// A match of the grammar: the `timex` pair and its byte offset in the scanned text.
pub struct Match<'t> {
    /// Byte offset of the pair's input start in the whole text.
    pub offset: usize,
    pub pair: Pair<'t, Rule>,
}

/// Tries the grammar at byte `at` of `text`; returns the `timex` pair on a match.
pub fn match_at(text: &str, at: usize) -> Option<Pair<'_, Rule>> {
    // `attempt` always succeeds: a text without an expression here costs no error value.
    let mut pairs = TimexParser::parse(Rule::attempt, &text[at..]).ok()?;
    pairs.next()?.into_inner().next()
}

/// Tries the elliptic-amount rule at byte `at` of `text` ("fast vier" after "Drei Stunden").
pub fn elliptic_at(text: &str, at: usize) -> Option<Pair<'_, Rule>> {
    let mut pairs = TimexParser::parse(Rule::elliptic, &text[at..]).ok()?;
    pairs.next()
}

/// The start of the next word after the word at `at`, if only spaces (and at most one
/// punctuation mark such as "." in "15." or "," in "Mittwoch,") lie between.
fn next_word(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    while i < bytes.len() && is_word_byte(bytes[i]) {
        i += 1;
    }
    let mut punct = 0;
    while i < bytes.len() && !is_word_byte(bytes[i]) {
        match bytes[i] {
            b' ' | b'\t' => {}
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => i += 1,
            b'\n' | b'\r' => return None,
            _ => {
                punct += 1;
                if punct > 1 || bytes[i] >= 0x80 {
                    return None;
                }
            }
        }
        i += 1;
    }
    (i < bytes.len()).then_some(i)
}

/// Bytes that continue a word: ASCII letters and digits, and every byte of a non-ASCII
/// character (German letters; punctuation beyond ASCII is rare inside expressions).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || (b >= 0x80 && b != 0xE2)
}

/// Whether the grammar is worth trying at the word starting at `at`: a strong trigger, or a
/// weak one followed within three words by a strong one, with only weak ones between.
fn worth_trying(bytes: &[u8], at: usize) -> bool {
    let trie = trie();
    let mut pos = at;
    for _ in 0..4 {
        match trie.classify(&bytes[pos..]) {
            Trigger::Strong => return true,
            Trigger::None => return false,
            Trigger::Weak => match next_word(bytes, pos) {
                Some(n) => pos = n,
                None => return false,
            },
        }
    }
    false
}

/// Calls `f` with every word start of `text` where the grammar is worth trying, in order.
/// `f` returns the byte offset to resume scanning from (to skip past a match), or `None`.
pub fn scan(text: &str, mut f: impl FnMut(usize) -> Option<usize>) {
    let bytes = text.as_bytes();
    let mut prev_word = false;
    let mut resume = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let word = is_word_byte(b) && !(0x80..0xC0).contains(&b);
        let continuation = (0x80..0xC0).contains(&b);
        if word && !prev_word && i >= resume && text.is_char_boundary(i) {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() && worth_trying(bytes, i) {
                if let Some(next) = f(i) {
                    resume = next;
                }
            }
        }
        if !continuation {
            prev_word = word;
        }
        i += 1;
    }
}

/// A readable name for every rule, for error messages and explanations ("which rule").
pub fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "end of text",
        Rule::timex | Rule::core | Rule::core_prep | Rule::attempt => "temporal expression",
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
        Rule::bare_units | Rule::lasting => "unspecified duration",
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
