//! Recognise: the pest grammar (`grammar/timex.pest`, with the entry rules of
//! `grammar/dispatch.pest`) and the scanner that runs it over text.
//!
//! The scanner does not try the grammar at every byte: it walks the text word by word and
//! tries it only where a word can begin an expression (a digit, or a word whose lowercase form
//! starts with one of the trigger entries in `GROUPS`). There it runs the top level of `timex`
//! itself ([`match_at`]): a part is tried only where the word it would start with can start it,
//! and the core through the entry rule of that word's class, so "Januar" costs three
//! alternatives, not forty. [`match_full`] runs the whole grammar instead; a test holds the two
//! equal. A match is taken whole and scanning resumes after it, so matches never overlap.

use pest::iterators::Pair;
use pest::Parser;

/// The pest parser generated from `grammar/timex.pest`.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/timex.pest"]
#[grammar = "../grammar/dispatch.pest"]
pub struct TimexParser;

/// The classes of words, as bits: a word's class is the union of the classes of the trigger
/// entries it starts with. The scanner tries `core` through the entry rule of the class of the
/// word the core would start with (`grammar/dispatch.pest`).
pub mod class {
    /// "12.", "2014", "9:51".
    pub const DIGIT: u16 = 1;
    /// "Januar", "Jan.".
    pub const MONTH: u16 = 2;
    /// "Mittwoch", "Montagabend", "dienstags".
    pub const WEEKDAY: u16 = 4;
    /// Amounts and ordinals: "drei", "zweieinhalb", "einige", "ersten", "neunziger", "zweimal".
    pub const NUMBER: u16 = 8;
    /// "vergangenen", "nächste", "diesen", "selben".
    pub const RELATIVE: u16 = 16;
    /// Units and words made of them: "Jahr", "Tagen", "Jahresende", "wochenlang".
    pub const UNIT: u16 = 32;
    /// Every other word that can start an expression: "heute", "Ostern", "Herbst", "Anfang".
    pub const WORD: u16 = 64;
    /// Function words an expression's core can start with: "der" ("der vergangenen Woche"),
    /// "am"/"in" ("am Morgen um 8", "in der Nacht"), "von"/"zwischen" (clock ranges),
    /// "zur"/"zu"/"genau" ("zur Zeit", "zu dieser Zeit", "genau jetzt").
    pub const LEAD: u16 = 128;
    /// Words `mods` can start with: "fast", "mehr", "bis".
    pub const MOD: u16 = 256;
    /// Words `lead` can start with: prepositions and articles.
    pub const PREP: u16 = 512;
    /// Words a range or a span before or after now can start with: "vom", "zwischen", "vor", "in".
    pub const RANGE: u16 = 1024;
    /// Words a holiday's name can start with ("Ostern", "Jom", "orthodoxe"): other words of the
    /// class `WORD` do not try `holiday`.
    pub const HOLIDAY: u16 = 2048;
    /// The bits that say which core alternatives a word can start.
    pub const CORE: u16 = 255;
    /// Words that only continue a run of trigger words ("und", "Uhr", "Zeit"): no class.
    pub const NONE: u16 = 0;
}

/// Trigger entries of one class and strength. An entry is a lowercase prefix of the words it
/// stands for; an entry ending in `$` stands for the whole word only ("mai$" is "Mai", not
/// "Mainz"). A weak word starts an expression only together with a following word; the grammar is
/// tried at it when one of the next four words is strong and the words between are weak ("in
/// zirka einer halben Stunde"). A strong
/// word can start one alone or completes one started by weak words. Digits are always strong.
struct Group {
    strength: Trigger,
    class: u16,
    entries: &'static [&'static str],
}

use class::*;
use Trigger::{Strong, Weak};

const GROUPS: &[Group] = &[
    // prepositions and articles: whole words only
    Group {
        strength: Weak,
        class: PREP,
        entries: &[
            "seit$",
            "ab$",
            "zum$",
            "im$",
            "um$",
            "an$",
            "gegen$",
            "für$",
            "aus$",
            "während$",
            "beim$",
            "innerhalb$",
            "binnen$",
            "nach$",
            "dem$",
            "den$",
            "des$",
            "die$",
            "das$",
        ],
    },
    Group {
        strength: Weak,
        class: PREP | RELATIVE,
        entries: &["diesem$", "dieser$"],
    },
    Group {
        strength: Weak,
        class: PREP | RANGE,
        entries: &["vom$", "vor$"],
    },
    Group {
        strength: Weak,
        class: PREP | RANGE | LEAD,
        entries: &["von$", "in$"],
    },
    Group {
        strength: Weak,
        class: PREP | LEAD,
        entries: &["am$", "der$", "zur$", "zu$"],
    },
    Group {
        strength: Weak,
        class: RANGE | LEAD,
        entries: &["zwischen$"],
    },
    // modifiers
    Group {
        strength: Weak,
        class: MOD,
        entries: &[
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
            "exakt$",
            "kurz$",
        ],
    },
    Group {
        strength: Weak,
        class: MOD | LEAD,
        entries: &["genau$"],
    },
    Group {
        strength: Weak,
        class: MOD | PREP,
        entries: &["bis$"],
    },
    // words inside runs that no expression starts with
    Group {
        strength: Weak,
        class: NONE,
        entries: &["so$", "und$", "oder$", "als$", "auf$", "paar$", "beiden$"],
    },
    Group {
        strength: Weak,
        class: WORD,
        entries: &["gerade$", "jede", "alle$", "früh", "spät", "fruhen$"],
    },
    // numbers, vague amounts, ordinals
    Group {
        strength: Weak,
        class: NUMBER,
        entries: &[
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
            "sechzehn",
            "siebzehn",
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
            "halbe",
        ],
    },
    // "letzte": an ordinal ("am letzten Montag im März") and relative ("letzte Woche")
    Group {
        strength: Weak,
        class: NUMBER | RELATIVE,
        entries: &["letzt"],
    },
    // relative adjectives
    Group {
        strength: Weak,
        class: RELATIVE,
        entries: &[
            "dies",
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
            "neue$",
            "neuen$",
        ],
    },
    // months
    Group {
        strength: Strong,
        class: MONTH,
        entries: &[
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
        ],
    },
    // weekday abbreviations ("Mo.", "Fr, 20. Sept."); "so" is an ordinary word, weak
    Group {
        strength: Strong,
        class: WEEKDAY,
        entries: &["mo$", "di$", "mi$", "do$", "fr$", "sa$"],
    },
    Group {
        strength: Weak,
        class: WEEKDAY,
        entries: &["so$"],
    },
    // "den ganzen Tag", "den Rest der Woche"
    Group {
        strength: Weak,
        class: WORD,
        entries: &["ganze$", "ganzen$", "ganzes$", "rest$"],
    },
    Group {
        strength: Strong,
        class: WEEKDAY,
        entries: &[
            "montag",
            "dienstag",
            "mittwoch",
            "donnerstag",
            "freitag",
            "samstag",
            "sonnabend",
            "sonntag",
        ],
    },
    // parts of day, seasons, parts of periods, neighbouring periods
    Group {
        strength: Strong,
        class: WORD,
        entries: &[
            "vormittag",
            "nachmittag",
            "mittag",
            "morgen",
            "abend",
            "nacht$",
            "nachts$",
            "nachtstunde",
            "früh$",
            "frühmorgen",
            "frühvormittag",
            "frühnachmittag",
            "frühabend",
            "spätmorgen",
            "spätvormittag",
            "spätnachmittag",
            "spätabend",
            "tagesanbruch",
            "frühjahr",
            "frühling",
            "sommer",
            "herbst",
            "winter",
            "saison$",
            "spielzeit$",
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
        ],
    },
    // units and words made of them
    Group {
        strength: Strong,
        class: UNIT,
        entries: &[
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
            "arbeitswoche",
            "monat",
            "quartal",
            "jahr",
            "halbjahr",
            "viertelstunde",
            "dreiviertelstunde",
            "jahres",
            "monats",
            "jahrzehnt",
            "jahrhundert",
            "jahrelang",
            "monatelang",
            "wochenlang",
            "stundenlang",
            "minutenlang",
            "jahrzehntelang",
        ],
    },
    // words that complete a run but start none: "um neun Uhr", "zur Zeit", "vor kurzem"
    Group {
        strength: Strong,
        class: NONE,
        entries: &[
            "uhr$",
            "zeit$",
            "eben$",
            "kurzem$",
            "januarwoche$",
            "februarwoche$",
            "märzwoche$",
            "aprilwoche$",
            "maiwoche$",
            "juniwoche$",
            "juliwoche$",
            "augustwoche$",
            "septemberwoche$",
            "oktoberwoche$",
            "novemberwoche$",
            "dezemberwoche$",
            "januarhälfte$",
            "februarhälfte$",
            "märzhälfte$",
            "aprilhälfte$",
            "maihälfte$",
            "junihälfte$",
            "julihälfte$",
            "augusthälfte$",
            "septemberhälfte$",
            "oktoberhälfte$",
            "novemberhälfte$",
            "dezemberhälfte$",
        ],
    },
    // calendar weeks by number ("KW 12"), "im Laufe des Tages", "tagsüber"
    Group {
        strength: Strong,
        class: WORD,
        entries: &["kalenderwoche$", "kw$", "laufe$", "tagsüber"],
    },
    // ordinal centuries, decades and counted times
    Group {
        strength: Strong,
        class: NUMBER,
        entries: &[
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
            "zweimal",
            "dreimal",
            "einmal",
            "viermal",
            "fünfmal",
            "zehnmal",
        ],
    },
    // deixis, references, sets, clock words, holidays
    Group {
        strength: Strong,
        class: WORD,
        entries: &[
            "heute",
            "mitternacht",
            "gestern",
            "vorgestern",
            "vorvorgestern",
            "übermorgen",
            "jetzt",
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
            "stündlich",
            "täglich",
            "wöchentlich",
            "vierzehntäglich",
            "monatlich",
            "vierteljährlich",
            "halbjährlich",
            "alljährlich",
            "jährlich",
            "werktags",
            "werktäglich",
            "halb$",
            "viertel$",
            "dreiviertel$",
            "q$",
            "abends",
            "morgens",
            "nachmittags",
            "vormittags",
            "mittags",
        ],
    },
    // holidays: the only words that begin `holiday` (besides ordinals and "Tag")
    Group {
        strength: Strong,
        class: WORD | HOLIDAY,
        entries: &[
            // "Nacht der Bestimmung" (Laylat al-Qadr); "Nacht" is a part of the day too
            "nacht$",
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
            "corpus$",
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
            "mardi$",
            "earth$",
            "stunde$",
            "pentecost$",
            "palmsonntag",
            "palmensonntag",
            "karsamstag",
            "volkstrauertag",
            "buß",
            "schweizer$",
            "eidgenössische",
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
            // the astronomical and meteorological starts of the seasons
            "frühlingsanfang",
            "frühjahrsanfang",
            "sommeranfang",
            "herbstanfang",
            "winteranfang",
            "meteorologisch",
            // further Christian feasts; adjectives only as the whole word
            "aschertag",
            "aschetag",
            "aschermontag",
            "trinitatis",
            "dreifaltigkeit",
            "große$",
            "grosse$",
            "fastenzeit",
            "palmdonnerstag",
            "karsonnabend",
            "hohe$",
            "hoher$",
            "hohen$",
            "heiliger$",
            "weiße$",
            "weißer$",
            "weißen$",
            "stille$",
            "stiller$",
            "stillen$",
            "reine$",
            "reiner$",
            "reinen$",
            "saubere$",
            "sauberer$",
            "sauberen$",
            "lazarus",
            "orthodox",
            // Jewish holidays
            "rosch$",
            "rosh$",
            "jom$",
            "yom$",
            "versöhnungs",
            "sukko",
            "laubhüttenfest",
            "schmini$",
            "schemini$",
            "shemini$",
            "simchat$",
            "simchas$",
            "simhat$",
            "chanuk",
            "hanuk",
            "tu$",
            "purim",
            "pessach",
            "pesach",
            "passa",
            "schawuot",
            "shavuot",
            "wochenfest",
            "lag$",
            "tischa$",
            "tisha$",
            "holocaust",
            // Islamic holidays
            "ramadan",
            "ramadhan",
            "ramazan",
            "eid$",
            "id$",
            "zuckerfest",
            "opferfest",
            "bakr$",
            "islamische",
            "aschura",
            "ashura",
            "mawlid",
            "maulid",
            "mevlid",
            "laylat$",
            "lailat$",
            "isra$",
            "nachtreise",
            "aufstieg$",
            "amun$",
            "jumu",
            "jamat$",
            // Chinese New Year
            "chinesische",
            "persische",
            "iranische",
            "nowruz",
            "nouruz",
            "nauruz",
            "norooz",
            "newroz",
            // Hindu and Sikh festivals of the solar year
            "makar",
            "mesha$",
            "thai$",
            "pongal",
            "bhogi",
            "bogi$",
            "maattu$",
            "mattu$",
            "kaanum$",
            "kanum$",
            "kanni$",
            "maghi$",
            "vaisakhi",
            "baisakhi",
            "vaishakhi",
            "vasakhi",
            // Hindu, Jain, Sikh and Buddhist festivals of the lunisolar year; first words of
            // two-word names only as the whole word
            "diwali$",
            "deepavali$",
            "dipavali$",
            "lakshmi$",
            "laxmi$",
            "dhanteras$",
            "dhanatrayodashi$",
            "dhantrayodashi$",
            "choti$",
            "chhoti$",
            "kali$",
            "narak$",
            "naraka$",
            "govardhan$",
            "annakut$",
            "bhai$",
            "bhaiya$",
            "chhath$",
            "surya$",
            "dala$",
            "navaratri$",
            "navratri$",
            "durga$",
            "maha$",
            "mahashivaratri$",
            "mahashivratri$",
            "dussehra$",
            "dussera$",
            "dasara$",
            "vijayadashami$",
            "vijayadasami$",
            "karva$",
            "karwa$",
            "raksha$",
            "rakhi$",
            "krishna$",
            "janmashtami$",
            "gokulashtami$",
            "holika$",
            "kamudu$",
            "holi$",
            "dhulandi$",
            "phagwah$",
            "vasant$",
            "basant$",
            "saraswati$",
            "mahavir$",
            "mahaveer$",
            "thiru$",
            "thiruvonam$",
            "onam$",
            "buddha$",
            "vesak$",
            "wesak$",
            "wesakfest$",
            "guru$",
            "valmiki$",
            "maharishi$",
            "pargat$",
            "rabindra$",
            "rabindranath$",
            "parsi$",
            "jamshedi$",
            "koningsdag$",
            "königstag$",
            "jüdische",
            "muslimische",
        ],
    },
];

/// How a word can take part in starting an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Trigger {
    /// Cannot start one.
    #[default]
    None,
    /// Only together with a strong word after it.
    Weak,
    /// Can start one alone.
    Strong,
}

/// A trie over the lowercase trigger entries, as a table: one row of [`SYMBOLS`] children per
/// node, so walking a word costs one load a byte and stops at the first byte no entry continues
/// with.
struct Trie {
    /// `children[node * SYMBOLS + symbol]`: the child node, 0 for none (the root is no child).
    children: Vec<u32>,
    /// Strength and class of the entry whose prefix ends at a node (`prefix`) and of the
    /// whole-word entry ending there (`word`).
    prefix: Vec<(Trigger, u16)>,
    word: Vec<(Trigger, u16)>,
    /// `first[symbol]`: the union of the classes of the entries starting with that symbol, for
    /// look-aheads that pass over most words without walking the trie.
    first: [u16; SYMBOLS],
    /// One bit for each run of [`FILTER`] first symbols a trigger word can begin with (a
    /// shorter whole-word entry followed by symbol 0, "am" or "der" and the end of the word; a
    /// shorter prefix by any): most words of a text ("mit", "sagte", "dass", "bei") fail this
    /// test and are passed over without walking the trie.
    filter: Vec<u64>,
}

/// How many first symbols of a word the trie's filter looks at: 33^4 bits, 145 KB.
const FILTER: usize = 4;

/// Symbols of the trie's alphabet: 0 ends a word (ASCII that is no letter, and the lead bytes
/// 0xC2 and 0xE2 of the no-break spaces, dashes, quotes and signs of U+0080-U+00BF and
/// U+2000-U+2FFF), 1-26 are the letters in either case, 27 is 0xC3 (the lead byte of ä ö ü ß
/// and their capitals), 28-31 the second bytes of ä, ö, ü (either case) and ß, and 32 every
/// other byte of a non-ASCII character.
const SYMBOLS: usize = 33;

/// The symbol of each byte (see [`SYMBOLS`]).
const SYMBOL: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0x80;
    while b < 256 {
        t[b] = 32;
        b += 1;
    }
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = 1 + c as u8;
        t[b'A' as usize + c] = 1 + c as u8;
        c += 1;
    }
    t[0xC2] = 0;
    t[0xE2] = 0;
    t[0xC3] = 27;
    t[0xA4] = 28; // ä
    t[0x84] = 28; // Ä
    t[0xB6] = 29; // ö
    t[0x96] = 29; // Ö
    t[0xBC] = 30; // ü
    t[0x9C] = 30; // Ü
    t[0x9F] = 31; // ß
    t
};

/// How a word can start an expression: its strength and its class (a union of `class` bits).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordKind {
    pub trigger: Trigger,
    pub class: u16,
}

fn merge(a: (Trigger, u16), b: (Trigger, u16)) -> (Trigger, u16) {
    (a.0.max(b.0), a.1 | b.1)
}

impl Trie {
    fn build() -> Trie {
        let mut trie = Trie {
            children: vec![0; SYMBOLS],
            prefix: vec![(Trigger::None, 0)],
            word: vec![(Trigger::None, 0)],
            first: [0; SYMBOLS],
            filter: vec![0; SYMBOLS.pow(FILTER as u32) / 64 + 1],
        };
        for group in GROUPS {
            for entry in group.entries {
                let (word, exact) = match entry.strip_suffix('$') {
                    Some(w) => (w, true),
                    None => (*entry, false),
                };
                let mut node = 0usize;
                for &b in word.as_bytes() {
                    let slot = node * SYMBOLS + SYMBOL[b as usize] as usize;
                    node = match trie.children[slot] {
                        0 => {
                            let next = trie.prefix.len();
                            trie.children[slot] = next as u32;
                            trie.children.extend([0; SYMBOLS]);
                            trie.prefix.push((Trigger::None, 0));
                            trie.word.push((Trigger::None, 0));
                            next
                        }
                        child => child as usize,
                    };
                }
                let kind = (group.strength, group.class);
                if let Some(&b) = word.as_bytes().first() {
                    trie.first[SYMBOL[b as usize] as usize] |= group.class;
                }
                let symbols: Vec<usize> =
                    word.bytes().map(|b| SYMBOL[b as usize] as usize).collect();
                // The first FILTER symbols a word must begin with to start with this entry: a
                // whole word shorter than that is followed by no letter (symbol 0), then by
                // anything (the next word); a shorter prefix by anything.
                let mut pattern = [None; FILTER];
                for (i, slot) in pattern.iter_mut().enumerate() {
                    *slot = match symbols.get(i) {
                        Some(&s) => Some(s),
                        None if exact && i == symbols.len() => Some(0),
                        None => None,
                    };
                }
                if !symbols.is_empty() {
                    trie.mark(&pattern, 0, 0);
                }
                let end = if exact {
                    &mut trie.word[node]
                } else {
                    &mut trie.prefix[node]
                };
                *end = merge(*end, kind);
            }
        }
        trie
    }

    /// Sets the filter bits of every run of symbols `pattern` allows (`None`: any symbol),
    /// from position `at` on, `bit` holding the positions before.
    fn mark(&mut self, pattern: &[Option<usize>; FILTER], at: usize, bit: usize) {
        if at == FILTER {
            self.filter[bit / 64] |= 1 << (bit % 64);
            return;
        }
        match pattern[at] {
            Some(s) => self.mark(pattern, at + 1, bit * SYMBOLS + s),
            None => (0..SYMBOLS).for_each(|s| self.mark(pattern, at + 1, bit * SYMBOLS + s)),
        }
    }

    /// Whether the word at `bytes[0]` (not a digit) may be a trigger: false for most words,
    /// which share no [`FILTER`] first symbols with one.
    fn may_trigger(&self, bytes: &[u8]) -> bool {
        let bit = (0..FILTER).fold(0, |bit, i| {
            bit * SYMBOLS + bytes.get(i).map_or(0, |&b| SYMBOL[b as usize] as usize)
        });
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The kind of the word starting at `bytes[0]`: the strength of the longest listed prefix
    /// (or whole word) it starts with, and the union of the classes of all of them.
    fn classify(&self, bytes: &[u8]) -> WordKind {
        if bytes.first().is_some_and(u8::is_ascii_digit) {
            return WordKind {
                trigger: Trigger::Strong,
                class: class::DIGIT,
            };
        }
        let mut node = 0usize;
        let mut trigger = Trigger::None;
        let mut class = 0u16;
        for (i, &b) in bytes.iter().enumerate() {
            let symbol = SYMBOL[b as usize];
            if symbol == 0 {
                // The word ends here: a whole-word entry ending here counts too.
                break;
            }
            node = self.children[node * SYMBOLS + symbol as usize] as usize;
            if node == 0 {
                return WordKind { trigger, class };
            }
            let prefix = self.prefix[node];
            if prefix.0 != Trigger::None
                && bytes.get(i + 1).is_none_or(|n| !(0x80..0xC0).contains(n))
            {
                trigger = prefix.0;
                class |= prefix.1;
            }
        }
        let word = self.word[node];
        WordKind {
            trigger: trigger.max(word.0),
            class: class | word.1,
        }
    }
}

fn trie() -> &'static Trie {
    static TRIE: std::sync::OnceLock<Trie> = std::sync::OnceLock::new();
    TRIE.get_or_init(Trie::build)
}

/// How the word whose lowercase form starts `word` can begin an expression.
pub fn trigger(word: &str) -> Trigger {
    trie().classify(word.as_bytes()).trigger
}

/// The kind (strength and class) of the word at the start of `word`.
pub fn word_kind(word: &str) -> WordKind {
    trie().classify(word.as_bytes())
}

/// Whether a word can begin an expression (weakly or strongly).
pub fn is_trigger(word: &str) -> bool {
    trigger(word) != Trigger::None
}

/// One part of a match (modifiers, preposition and article, or the expression's core): a pair
/// and the byte offset in the text that its positions count from.
#[derive(Clone, Debug)]
pub struct Part<'t> {
    pub pair: Pair<'t, Rule>,
    pub base: usize,
}

impl Part<'_> {
    /// Byte offset of the part's start in the text.
    pub fn start(&self) -> usize {
        self.base + self.pair.as_span().start()
    }

    /// Byte offset of the part's end in the text.
    pub fn end(&self) -> usize {
        self.base + self.pair.as_span().end()
    }
}

/// The preposition and article in front of a core ("seit dem", "im"; `lead` in the grammar),
/// outside the expression's span; only its first word carries meaning (see `expr`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lead<'t> {
    pub text: &'t str,
    /// Byte offset of its start in the text.
    pub start: usize,
}

impl Lead<'_> {
    /// Byte offset of its end in the text.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// A match of the grammar at one place: the lead words, if any, and the other parts in text
/// order (modifiers, the core); the last part is the core.
#[derive(Clone, Debug)]
pub struct Match<'t> {
    pub lead: Option<Lead<'t>>,
    pub parts: Vec<Part<'t>>,
}

impl<'t> Match<'t> {
    /// The core of the expression: the rule that says what it is (`datetime`, `month`, ...).
    pub fn core(&self) -> &Part<'t> {
        // A match is only made with a core (see `match_at`).
        &self.parts[self.parts.len() - 1]
    }

    /// Byte offset of the match's end in the text.
    pub fn end(&self) -> usize {
        self.core().end()
    }
}

/// Runs an entry rule (one that always succeeds) at byte `at`; returns its inner pair, if any.
fn entry(rule: Rule, text: &str, at: usize) -> Option<Part<'_>> {
    let mut pairs = TimexParser::parse(rule, &text[at..]).ok()?;
    let pair = pairs.next()?.into_inner().next()?;
    Some(Part { pair, base: at })
}

/// The class of the word at byte `at` (none for a place that starts no word).
fn class_at(text: &str, at: usize) -> u16 {
    trie().classify(&text.as_bytes()[at..]).class
}

/// The entry rule that tries, in the order of `core`, the alternatives that can start with a
/// word of the class `c` (without those holding a clock time unless `clock`); None where none
/// can.
fn core_rule(c: u16, ordinal: bool, clock_near: bool, unit_near: bool) -> Option<Rule> {
    use Rule as R;
    // With clock forms and the forms that need a unit word, without clock forms, without
    // the unit forms, without both.
    let (all, no_clock, no_unit, neither) = match c & class::CORE {
        class::NONE => return None,
        class::MONTH => two(R::start_month, R::start_month_plain),
        class::UNIT => return Some(R::start_unit),
        class::DIGIT => (
            R::start_digit,
            R::start_digit_plain,
            R::start_digit_nounit,
            R::start_digit_bare,
        ),
        class::NUMBER if !ordinal => (
            R::start_amount,
            R::start_amount_plain,
            R::start_amount_nounit,
            R::start_amount_bare,
        ),
        class::NUMBER => (
            R::start_number,
            R::start_number_plain,
            R::start_number_nounit,
            R::start_number_bare,
        ),
        class::WEEKDAY => two(R::start_weekday, R::start_weekday_plain),
        class::RELATIVE => two(R::start_relative, R::start_relative_plain),
        class::WORD if c & class::HOLIDAY != 0 => two(R::start_word, R::start_word_plain),
        class::WORD => two(R::start_word_common, R::start_word_common_plain),
        class::LEAD => two(R::start_lead, R::start_lead_plain),
        u if u == class::UNIT | class::WORD && c & class::HOLIDAY != 0 => {
            two(R::start_unit_holiday, R::start_unit_holiday_plain)
        }
        u if u == class::UNIT | class::WORD => two(R::start_unit_word, R::start_unit_word_plain),
        u if u == class::NUMBER | class::RELATIVE => {
            two(R::start_number_relative, R::start_number_relative_plain)
        }
        _ => two(R::start_any, R::start_any_plain),
    };
    Some(match (clock_near, unit_near) {
        (true, true) => all,
        (false, true) => no_clock,
        (true, false) => no_unit,
        (false, false) => neither,
    })
}

/// The entry rules of a class whose forms need no unit word: the same with a unit or without.
fn two(all: Rule, no_clock: Rule) -> (Rule, Rule, Rule, Rule) {
    (all, no_clock, all, no_clock)
}

/// `core` at byte `at`, through the entry rule of the class of the word there.
fn core_at(text: &str, at: usize) -> Option<Part<'_>> {
    let c = class_at(text, at);
    // Only amounts look for a unit: the other classes have the same rule either way.
    let amount = c & class::CORE & !(class::DIGIT | class::NUMBER) == 0;
    let unit = !amount || unit_ahead(text, at);
    let ordinal = c & class::CORE == class::NUMBER && ordinal_at(text, at);
    let clock = clock_ahead(text, at);
    let mut rule = core_rule(c, ordinal, clock, unit)?;
    if c & class::CORE == class::DIGIT {
        if let Some(year) = amount_number(text.as_bytes(), at) {
            // Only the forms that begin with an `amount` (they need a unit) and a year are left.
            return match (unit, year) {
                (true, _) if shift_ahead(text, at) => entry(Rule::start_digit_amount, text, at),
                (true, _) => entry(Rule::start_digit_amount_noshift, text, at),
                (false, true) => entry(Rule::start_year, text, at),
                (false, false) => None,
            };
        }
    }
    if matches!(rule, Rule::start_digit | Rule::start_digit_nounit) && uhr_without_day(text, at) {
        rule = Rule::start_digit_uhr;
    }
    if matches!(rule, Rule::start_digit_bare | Rule::start_digit_plain) {
        match plain_number(text, at) {
            Number::Nothing => return None,
            Number::Year => rule = Rule::start_year,
            Number::Other => {}
        }
    }
    let noshift = match rule {
        Rule::start_digit => Rule::start_digit_noshift,
        Rule::start_digit_plain => Rule::start_digit_plain_noshift,
        Rule::start_number => Rule::start_number_noshift,
        Rule::start_number_plain => Rule::start_number_plain_noshift,
        Rule::start_amount => Rule::start_amount_noshift,
        Rule::start_amount_plain => Rule::start_amount_plain_noshift,
        _ => rule,
    };
    if noshift != rule && !shift_ahead(text, at) {
        rule = noshift;
    }
    entry(rule, text, at)
}

/// Words (lowercase) by whose beginnings the clock time "17 Uhr" can go on: minutes ("17 Uhr
/// und 30") or a part of the day (`clock_part`: "abends", "in der Nacht", "am Morgen"), or
/// `datetime` with "am"/"an" before the day ("17 Uhr am Mittwoch").
const AFTER_UHR: [&str; 11] = [
    "und",
    "morgens",
    "vormittags",
    "mittags",
    "nachmittags",
    "abends",
    "nachts",
    "früh",
    "in",
    "am",
    "an",
];

/// Whether the digits at byte `at` are followed by "Uhr" (`sp?`, only spaces and tabs) and then
/// by no word that could begin a day. Of the forms of `datetime` only the last can begin so (a
/// clock time, then a day; `full_date` needs a separator, an ordinal ending or a month after the
/// digits): it needs a space after the clock time and then one of [`AFTER_UHR`] or the first
/// word of a day: a number in digits, a weekday abbreviation ("Fr.", "Sa,") or a word of a class
/// (a day or month name, an ordinal, "heute", "der vergangenen Woche Dienstag").
fn uhr_without_day(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let mut i = at
        + bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    if !bytes
        .get(i..i + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"uhr"))
    {
        return false;
    }
    let after = i + 3;
    if bytes
        .get(after)
        .is_some_and(|&b| is_word_byte(b) || b == b'-')
    {
        return false;
    }
    let Some(next) = spaces(text, after) else {
        return true;
    };
    let Some(&first) = bytes.get(next) else {
        return true;
    };
    let rest = &bytes[next..];
    let may_go_on = first.is_ascii_digit()
        || rest.get(2).is_some_and(|b| matches!(b, b'.' | b','))
        || class_at(text, next) != 0
        || AFTER_UHR.iter().any(|w| {
            rest.get(..w.len())
                .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
        });
    !may_go_on
}

/// Words (lowercase) that can follow the unit of `holiday_shift` ("nach", "vor": "zwei Wochen
/// nach Ostern") or of `anaphor` (`anaphor_dir`: "zuvor", "vorher", "davor", "früher",
/// "später", "danach", "darauf", "nachher"), by their beginnings.
const SHIFT_WORDS: [&str; 8] = [
    "nach", "vor", "zuvor", "davor", "danach", "darauf", "früher", "später",
];

/// Whether a word of [`SHIFT_WORDS`] starts after a space within [`UNIT_REACH`] bytes that are
/// not spaces, and 20 more for the unit ("Jahrhunderten") and its space, after byte `at`. Both
/// `holiday_shift` and `anaphor` are an amount, a space, a unit, a space and such a word: where
/// none stands, neither can match and they are not tried.
fn shift_ahead(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    within_reach(bytes, at, UNIT_REACH + 20, |i| {
        // The last byte of a space of `sp`: " ", tab, U+00A0, U+202F.
        i > 0
            && matches!(bytes[i - 1], b' ' | b'\t' | 0xA0 | 0xAF)
            && matches!(bytes[i] | 0x20, b'n' | b'v' | b'z' | b'd' | b'f' | b's')
            && SHIFT_WORDS.iter().any(|w| {
                bytes
                    .get(i..i + w.len())
                    .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            })
    })
}

/// Whether the digits at byte `at` begin a decimal ("2,1 Prozent") or a number with a
/// thousands separator ("7.846 Beschäftigte", at most three digits, a dot and three digits),
/// and if so, whether they are four digits of a year (`year_expr` matches "2022" in "2022,5").
/// Every form of `core` that starts with digits but those that begin with an `amount`
/// (`holiday_shift`, `anaphor`, `duration`, where `decimal` reads such a number) and
/// `year_expr` needs, right after the digits: ".", ":", "/", "-", a space, a letter (an
/// ordinal ending, "er", "h", "mal") or the end of the number ("um 3", `clock_bare`, which
/// refuses "," or "." before a digit). After "." only a day, month or minutes of one or two
/// digits go on (`numeric_date`, `clock_bare`, `clock_digits`), or a year of four
/// (`numeric_date`), never three followed by no digit; an ordinal ("7.") needs no digit next
/// (`day_alone`, `ord_num ~ sp`, `day_month_name`, `day_pair`).
fn amount_number(bytes: &[u8], at: usize) -> Option<bool> {
    let run = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if run == 0 {
        return None;
    }
    let after = at + run;
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    match bytes.get(after) {
        Some(b',') if digit(after + 1) => Some(run == 4 && matches!(bytes[at], b'1' | b'2')),
        Some(b'.')
            if run <= 3
                && digit(after + 1)
                && digit(after + 2)
                && digit(after + 3)
                && !digit(after + 4) =>
        {
            Some(false)
        }
        _ => None,
    }
}

/// What a number in digits can begin where no clock time follows (see [`plain_number`]).
enum Number {
    /// Nothing: "100 Soldaten", "30 Nato-Staaten".
    Nothing,
    /// A year alone ("2014, als", "2018 hatte"): `year_expr` only.
    Year,
    /// Anything the entry rule holds: try it.
    Other,
}

/// Word beginnings (lowercase) after a number and a space that some form starting with the
/// number may go on with: "Uhr", "Minuten nach/vor" and the months (`full_date`), "mal"
/// (`times`), "und eine halbe"/"ein halb" (`amount_and_half`), "bis" (ranges), and the parts of
/// the day of `clock_part` ("um 3 am Nachmittag", "in der Nacht"). Any other word, unless it is
/// a unit ("30 Jahre"), ends every form but a year. (An "h" of its own, "14 h", goes on too;
/// [`plain_number`] checks it apart, as "2014 hat" does not.)
const AFTER_NUMBER: &[&[u8]] = &[
    b"uhr",
    b"min",
    b"nach",
    b"vor",
    b"mal",
    b"und",
    b"ein",
    b"bis",
    b"morgen",
    b"mittag",
    b"abend",
    b"fr\xc3\xbch",
    b"in",
    b"am",
    b"jan",
    b"j\xc3\xa4n",
    b"feb",
    b"m\xc3\xa4r",
    b"mar",
    b"mrz",
    b"apr",
    b"mai",
    b"jun",
    b"jul",
    b"aug",
    b"sep",
    b"okt",
    b"nov",
    b"dez",
];

/// Sorts a number in digits at byte `at` where no clock time follows, from the bytes after its
/// digits alone, so that the entry rule need not try a dozen forms that cannot match. Every
/// form of `start_digit_plain` that starts with digits needs one of: a separator or letter
/// right after them (".", ":", "/", "-", ",5", "3ten", "90er", "3mal"), a word of
/// [`AFTER_NUMBER`] or a unit after a space, or four digits of a year (`year_expr`); an hour
/// ("um 3,", "um 3") also stands alone (`clock_bare`). What is not sure is [`Number::Other`].
fn plain_number(text: &str, at: usize) -> Number {
    let bytes = text.as_bytes();
    let run = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let digits = &bytes[at..at + run];
    let year = run == 4 && matches!(digits[0], b'1' | b'2');
    let hour = run <= 2;
    let after = at + run;
    match bytes.get(after) {
        None | Some(b',' | b';' | b')' | b'"' | b'!' | b'?' | b'\n' | b'\r') => {
            let decimal = bytes.get(after) == Some(&b',')
                && bytes.get(after + 1).is_some_and(u8::is_ascii_digit);
            if hour || decimal {
                Number::Other
            } else if year {
                Number::Year
            } else {
                Number::Nothing
            }
        }
        Some(b' ' | b'\t') => {
            let word = after
                + bytes[after..]
                    .iter()
                    .take_while(|b| matches!(b, b' ' | b'\t'))
                    .count();
            let rest = &bytes[word..];
            // "14 h" (an hour), but not "2014 hat".
            let hour_h = rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'h'))
                && !rest.get(1).is_some_and(|&b| is_letter_byte(b));
            let goes_on = !rest.first().is_some_and(u8::is_ascii_alphabetic)
                || hour_h
                || AFTER_NUMBER
                    .iter()
                    .any(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w))
                || class_at(text, word) & class::UNIT != 0;
            if goes_on {
                Number::Other
            } else if year {
                Number::Year
            } else {
                Number::Nothing
            }
        }
        _ => Number::Other,
    }
}

/// Whether the word at byte `at` ends like an ordinal (`ord_word`, `century_word`): in -te,
/// -ten, -ter, -tes or -tem ("ersten", "achte", "zwanzigster").
fn ordinal_at(text: &str, at: usize) -> bool {
    let len = text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len() - at, |(i, _)| i);
    let word = text.as_bytes()[at..at + len].to_ascii_lowercase();
    [&b"te"[..], b"ten", b"ter", b"tes", b"tem"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// How many bytes other than spaces may stand between the start of an amount and its unit at
/// most ("fünfundzwanzig und eine halbe Stunden", "einer dreiviertel Stunde"), with room to
/// spare.
const UNIT_REACH: usize = 60;

/// Whether a unit word (class `UNIT`: "Jahre", "Std.", "Viertelstunde") starts within
/// [`UNIT_REACH`] bytes that are not spaces after byte `at`, at a word start or right after a
/// digit ("5Jahre"). Where none does, `anaphor`, `duration` and `century` cannot match.
fn unit_ahead(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    within_reach(bytes, at, UNIT_REACH, |i| {
        let b = bytes[i];
        (b.is_ascii_alphabetic() || b == 0xC3)
            && (!after_word(bytes, i) || bytes[i - 1].is_ascii_digit())
            && trie().first[SYMBOL[b as usize] as usize] & class::UNIT != 0
            && class_at(text, i) & class::UNIT != 0
    })
}

/// Whether `hit` holds at a byte from `at` on, within `reach` bytes that are not spaces. Past
/// 16 × `reach` bytes (long runs of spaces) before the end of the text, the answer is "maybe":
/// true.
fn within_reach(bytes: &[u8], at: usize, reach: usize, hit: impl Fn(usize) -> bool) -> bool {
    let end = (at + 16 * reach).min(bytes.len());
    let mut counted = 0;
    let mut i = at;
    while i < end && counted < reach {
        if hit(i) {
            return true;
        }
        if !bytes[i].is_ascii_whitespace() {
            counted += 1;
        }
        i += 1;
    }
    i >= end && end < bytes.len()
}

/// Whether a dash (hyphen, en or em dash) starts at byte `i`.
fn dash_at(bytes: &[u8], i: usize) -> bool {
    dash_len(bytes, i).is_some()
}

/// The length in bytes of the dash at byte `i` ([`dash_at`]): 1 for "-", 3 for "–" and "—".
fn dash_len(bytes: &[u8], i: usize) -> Option<usize> {
    if bytes[i] == b'-' {
        Some(1)
    } else if bytes[i] == 0xE2 && matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])) {
        Some(3)
    } else {
        None
    }
}

/// Whether one of `words` (three lowercase ASCII letters) starts a word at byte `i`.
fn word3_at(bytes: &[u8], i: usize, words: &[&[u8; 3]]) -> bool {
    !after_word(bytes, i)
        && bytes
            .get(i..i + 3)
            .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(&x[..])))
}

/// Word beginnings (lowercase) that every clock time holds one of, unless it holds ":", an
/// "h" after a number, "nach"/"vor" after a number or "Minuten" ("zehn nach acht"), or "bis"
/// after a number (`hour_range`: "heute von fünf bis sieben"): "Uhr",
/// "halb", "Viertel", "dreiviertel", and the parts of the day of `clock_part` and
/// `daypart_adverb` ("abends", "nachts", "am Morgen", "Vormittag", "früh", "spätabends"), by
/// their first letter (lowercase).
fn clock_words(initial: u8) -> &'static [&'static [u8]] {
    match initial {
        b'u' => &[b"uhr"],
        b'h' => &[b"halb"],
        b'v' => &[b"viertel", b"vormittag"],
        b'd' => &[b"dreiviertel"],
        b'n' => &[b"nachmittag", b"nacht"],
        b'm' => &[b"morgen", b"mittag"],
        b'a' => &[b"abend"],
        b'f' => &[b"fr\xc3\xbch"],
        b's' => &[b"sp\xc3\xa4t"],
        _ => &[],
    }
}

/// Whether a word that begins with the clock word `w` can be one where the grammar uses it:
/// "halb", "Viertel" and "dreiviertel" only alone ("halb zehn", not "halbe", "Viertelfinale"),
/// "früh" and "spät" alone, as "frühe", or run into a part of the day ("frühmorgens",
/// "Spätabend"), not "später", "früher", "Frühjahr", "spätestens". The others start words of
/// any ending ("Uhr", "Abends", "Nachmittagsstunde").
fn clock_word_goes_on(w: &[u8], rest: &[u8]) -> bool {
    let alone = |r: &[u8]| !r.first().is_some_and(|&b| is_letter_byte(b));
    match w {
        b"halb" | b"viertel" | b"dreiviertel" => alone(rest),
        b"fr\xc3\xbch" | b"sp\xc3\xa4t" => {
            alone(rest)
                || (rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'e'))
                    && alone(&rest[1..]))
                || [
                    &b"morgen"[..],
                    b"vormittag",
                    b"nachmittag",
                    b"mittag",
                    b"abend",
                    b"nacht",
                ]
                .iter()
                .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
        }
        _ => true,
    }
}

/// How many bytes other than spaces and digits a clock time can stand after the start of a
/// `datetime` ("Donnerstagnachmittag der übernächsten Woche, so ungefähr gegen ...") at most,
/// with room to spare.
const CLOCK_REACH: usize = 200;

/// Whether a clock time can follow byte `at`: a hint of one within [`CLOCK_REACH`] bytes that
/// are not spaces or digits. Where there is none, `datetime`, `clock_range` and `clock` cannot
/// match and are not tried.
fn clock_ahead(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    // Past this many bytes (long runs of spaces or digits) the answer is "maybe": try all.
    let end = (at + 16 * CLOCK_REACH).min(bytes.len());
    let mut counted = 0;
    let mut i = at;
    while i < end && counted < CLOCK_REACH {
        let b = bytes[i];
        if b == b':' {
            return true;
        }
        if b.is_ascii_digit() {
            // "8h", "8 h", "8h30"
            let mut j = i + 1;
            while j < end && (bytes[j].is_ascii_digit() || bytes[j] == b' ') {
                j += 1;
            }
            if matches!(bytes.get(j), Some(b'h' | b'H'))
                && !bytes.get(j + 1).is_some_and(|&n| is_letter_byte(n))
            {
                return true;
            }
            i = j;
            continue;
        }
        if !b.is_ascii_whitespace() {
            let word_start = !after_word(bytes, i) || bytes[i - 1].is_ascii_digit();
            if word_start {
                let initial = b.to_ascii_lowercase();
                let rest = &bytes[i..];
                let clock_word = clock_words(initial).iter().any(|w| {
                    rest.len() >= w.len()
                        && rest[..w.len()].eq_ignore_ascii_case(w)
                        && clock_word_goes_on(w, &rest[w.len()..])
                });
                if clock_word || (matches!(initial, b'n' | b'v' | b'b') && minutes_before(text, i))
                {
                    return true;
                }
            }
            counted += 1;
        }
        i += 1;
    }
    i >= end && end < bytes.len()
}

/// Whether the word at byte `at` is "nach" or "vor" after a number or "Minuten", or "bis" after
/// "von" and an hour: the middle of "zehn nach acht", "5 Minuten vor 12", "von fünf bis sieben".
fn minutes_before(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let word_len = bytes[at..].iter().take_while(|b| is_word_byte(**b)).count();
    let word = &bytes[at..at + word_len];
    let until = word.eq_ignore_ascii_case(b"bis");
    if !(until || word.eq_ignore_ascii_case(b"nach") || word.eq_ignore_ascii_case(b"vor")) {
        return false;
    }
    let Some(start) = word_before(text, at) else {
        return false;
    };
    let prev = &text[start..at].trim_end_matches([' ', '\t', '\u{a0}', '\u{202f}']);
    let digits = prev.bytes().all(|b| b.is_ascii_digit());
    let number = digits || class_at(text, start) & class::NUMBER != 0;
    if until {
        // `hour_range`: "von" and an hour (no year: "von 2011 bis 2018") before "bis".
        return number
            && (!digits || prev.len() <= 2)
            && word_before(text, start)
                .is_some_and(|s| text[s..start].trim_end().eq_ignore_ascii_case("von"));
    }
    number || prev.eq_ignore_ascii_case("minuten")
}

/// The start of the word before byte `at` (a word start), over spaces (as `sp`: also no-break
/// spaces); `None` where no word stands there.
fn word_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end_matches([' ', '\t', '\u{a0}', '\u{202f}']);
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    Some(start)
}

/// Whether `core_prep` can match at byte `at`: at "vom", "von", "zwischen", "vor" or "in"; or
/// at the first word of a date ("3.", "Mittwoch", "ersten", "2011", "Juli 13") when a dash, a slash or
/// "bis" follows within [`RANGE_REACH`] bytes that are not spaces, as every range that starts
/// with a date holds one ("3. bis 5. Mai", "2011–2018", "12./13. Januar").
fn prep_ahead(text: &str, at: usize) -> bool {
    let c = class_at(text, at);
    let bytes = text.as_bytes();
    if c & class::RANGE != 0 {
        // "vor drei Wochen", "vor kurzem" (`ago`) and "in zwei Tagen" (`ahead`) hold a unit;
        // a range from "vom", "von" or "zwischen" holds "bis", "und", "auf den" or a dash.
        let word = &bytes[at..at + bytes[at..].iter().take_while(|b| is_word_byte(**b)).count()];
        if word.eq_ignore_ascii_case(b"vor") {
            let next = next_word(bytes, at).map_or(&b""[..], |n| &bytes[n..]);
            return unit_ahead(text, at)
                || next.len() >= 6 && next[..6].eq_ignore_ascii_case(b"kurzem");
        }
        if word.eq_ignore_ascii_case(b"in") {
            return unit_ahead(text, at);
        }
        return range_mid_ahead(bytes, at);
    }
    if c & (class::DIGIT | class::WEEKDAY | class::NUMBER | class::MONTH) == 0 {
        return false;
    }
    within_reach(bytes, at, RANGE_REACH, |i| {
        let marker = if let Some(len) = dash_len(bytes, i) {
            len
        } else if bytes[i] == b'/' {
            1
        } else if word3_at(bytes, i, &[b"bis"]) {
            3
        } else {
            return false;
        };
        date_starts(text, i + marker)
    })
}

/// Whether a date can start at byte `at`, after spaces: a digit, or a word of the classes a
/// `full_date` can begin with (a weekday, an ordinal, a month). Every range that begins with a
/// date, a day or a year goes on after its dash, "/" or "bis" with one; the hyphen of
/// "30 Nato-Staaten" is none.
fn date_starts(text: &str, at: usize) -> bool {
    let from = spaces(text, at).unwrap_or(at);
    match text.as_bytes().get(from) {
        None => false,
        Some(b) if b.is_ascii_digit() => true,
        Some(_) => class_at(text, from) & (class::WEEKDAY | class::NUMBER | class::MONTH) != 0,
    }
}

/// Whether "bis", "und", "auf" or a dash follows byte `at` within [`RANGE_REACH`] bytes that
/// are not spaces: every range that begins with "vom", "von" or "zwischen" holds one.
fn range_mid_ahead(bytes: &[u8], at: usize) -> bool {
    within_reach(bytes, at, RANGE_REACH, |i| {
        dash_at(bytes, i) || word3_at(bytes, i, &[b"bis", b"und", b"auf"])
    })
}

/// How many bytes other than spaces the first date of a range can take at most ("Donnerstag,
/// den 12. September 2022"), with room to spare.
const RANGE_REACH: usize = 120;

/// Runs `rule` at `at` if the word there has one of the classes in `can`.
fn entry_if(can: u16, rule: Rule, text: &str, at: usize) -> Option<Part<'_>> {
    if class_at(text, at) & can == 0 {
        return None;
    }
    entry(rule, text, at)
}

/// Tries the grammar at byte `at` of `text`: the top level of `timex`
/// (`mods? ~ core_prep | mods ~ lead? ~ core | lead ~ mods? ~ core | core`), run here in the
/// same order and with the same meaning: a rule is run only where the word it would start with
/// can start it, and each `core` is tried through the entry rule of its first word's class.
pub fn match_at(text: &str, at: usize) -> Option<Match<'_>> {
    match_at_with(text, at, &mut Memo::default())
}

/// Places of one text where `core` was tried, and what it found: the scanner tries "für die
/// nächste Zeit", then "die nächste Zeit", then "nächste Zeit", and each try asks for a core at
/// "nächste"; a core found after a lead that gives it no meaning ("die Stunde", "seit" missing)
/// is asked for again at its own word. Tries come in text order, so the last few places are
/// enough.
#[derive(Debug)]
pub struct Memo<'t> {
    failed: [usize; 8],
    next: usize,
    found: [Option<Part<'t>>; 4],
    next_found: usize,
}

impl Default for Memo<'_> {
    fn default() -> Self {
        Memo {
            failed: [usize::MAX; 8],
            next: 0,
            found: [None, None, None, None],
            next_found: 0,
        }
    }
}

impl<'t> Memo<'t> {
    /// `core_at`, unless it was tried at `at` before.
    fn core_at(&mut self, text: &'t str, at: usize) -> Option<Part<'t>> {
        if self.failed.contains(&at) {
            return None;
        }
        if let Some(part) = self.found.iter().flatten().find(|p| p.base == at) {
            return Some(part.clone());
        }
        let core = core_at(text, at);
        match &core {
            None => {
                self.failed[self.next] = at;
                self.next = (self.next + 1) % self.failed.len();
            }
            Some(part) => {
                self.found[self.next_found] = Some(part.clone());
                self.next_found = (self.next_found + 1) % self.found.len();
            }
        }
        core
    }
}

/// [`match_at`] with a memo of the places where `core` was tried, kept across the tries of one
/// text (in text order).
pub fn match_at_with<'t>(text: &'t str, at: usize, memo: &mut Memo<'t>) -> Option<Match<'t>> {
    // mods? ~ core_prep
    let mods = entry_if(class::MOD, Rule::start_mods, text, at);
    let after_mods = mods.as_ref().map_or(at, Part::end);
    if prep_ahead(text, after_mods) {
        if let Some(core) = entry(Rule::start_prep, text, after_mods) {
            return Some(join(None, [mods, Some(core)]));
        }
    }
    // mods ~ lead? ~ core
    if let Some(mods) = mods {
        let lead = lead_at(text, after_mods);
        let from = lead.as_ref().map_or(after_mods, Lead::end);
        if let Some(core) = memo.core_at(text, from) {
            return Some(join(lead, [Some(mods), Some(core)]));
        }
    }
    // lead ~ mods? ~ core
    if let Some(lead) = lead_at(text, at) {
        let mods = entry_if(class::MOD, Rule::start_mods, text, lead.end());
        let from = mods.as_ref().map_or(lead.end(), Part::end);
        if let Some(core) = memo.core_at(text, from) {
            return Some(join(Some(lead), [mods, Some(core)]));
        }
    }
    // core
    memo.core_at(text, at)
        .map(|core| join(None, [None, Some(core)]))
}

/// A match of the lead and the parts found (in text order).
fn join<'t>(lead: Option<Lead<'t>>, parts: [Option<Part<'t>>; 2]) -> Match<'t> {
    Match {
        lead,
        parts: parts.into_iter().flatten().collect(),
    }
}

/// `prep` of the grammar, in its order: the first of these that the text starts with (ignoring
/// ASCII case) is the one tried, so a longer word comes before its prefix ("innerhalb" before
/// "in").
const PREPOSITIONS: [&str; 22] = [
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
    "innerhalb",
    "in",
    "gegen",
    "f\u{fc}r",
    "aus",
    "w\u{e4}hrend",
    "beim",
    "zu",
    "binnen",
    "nach",
    "vor",
];

/// `art` of the grammar, in its order ("die" before "diesem").
const ARTICLES: [&str; 8] = ["dem", "den", "der", "des", "die", "das", "diesem", "dieser"];

/// The end of the first word of `words` that the text at `at` starts with (ignoring ASCII
/// case, as pest's `^"..."`): an ordered choice of literals.
fn first_of(text: &str, at: usize, words: &[&str]) -> Option<usize> {
    let rest = &text.as_bytes()[at..];
    words
        .iter()
        .find(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
        .map(|w| at + w.len())
}

/// `wb` of the grammar at byte `at`: no letter or number follows, nor a hyphen and a letter.
fn word_ends(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars();
    match rest.next() {
        Some(c) if pest::unicode::LETTER(c) || pest::unicode::NUMBER(c) => false,
        Some('-') => !rest.next().is_some_and(pest::unicode::LETTER),
        _ => true,
    }
}

/// `sp` of the grammar at byte `at`: the end of a run of spaces, tabs and no-break spaces.
fn spaces(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let len = rest.len()
        - rest
            .trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}'])
            .len();
    (len > 0).then_some(at + len)
}

/// A word of `words` (an atomic `@{ !ASCII_DIGIT ~ (...) ~ wb }` rule) at byte `at`: its end.
fn word_of(text: &str, at: usize, words: &[&str]) -> Option<usize> {
    first_of(text, at, words).filter(|&end| word_ends(text, end))
}

/// `lead` of the grammar at byte `at`, run in Rust: a parse of its few words with pest costs
/// more than the rest of most matches.
///
/// `lead = { (^"vor" | ^"nach") ~ sp ~ art ~ sp | prep ~ sp ~ (prep ~ sp)? ~ (art ~ sp)? | art ~ sp }`
fn lead_at(text: &str, at: usize) -> Option<Lead<'_>> {
    let art_sp = |from: usize| word_of(text, from, &ARTICLES).and_then(|e| spaces(text, e));
    let before_article = first_of(text, at, &["vor", "nach"])
        .and_then(|e| spaces(text, e))
        .and_then(art_sp);
    let end = before_article
        .or_else(|| {
            let first = word_of(text, at, &PREPOSITIONS).and_then(|e| spaces(text, e))?;
            let second = word_of(text, first, &PREPOSITIONS)
                .and_then(|e| spaces(text, e))
                .unwrap_or(first);
            Some(art_sp(second).unwrap_or(second))
        })
        .or_else(|| art_sp(at))?;
    Some(Lead {
        text: &text[at..end],
        start: at,
    })
}

/// Tries the whole grammar (`timex`) at byte `at`, without the dispatch: the reference
/// `match_at` must agree with.
pub fn match_full(text: &str, at: usize) -> Option<Match<'_>> {
    let mut pairs = TimexParser::parse(Rule::attempt, &text[at..]).ok()?;
    let timex = pairs.next()?.into_inner().next()?;
    let mut lead = None;
    let mut parts = Vec::new();
    for pair in timex.into_inner() {
        if pair.as_rule() == Rule::lead {
            lead = Some(Lead {
                text: pair.as_str(),
                start: at + pair.as_span().start(),
            });
        } else {
            parts.push(Part { pair, base: at });
        }
    }
    (!parts.is_empty()).then_some(Match { lead, parts })
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
            // The no-break spaces of `sp`: U+00A0, U+202F.
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => i += 1,
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xAF]) => i += 2,
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
/// character but the lead bytes 0xC2 and 0xE2 (German letters; 0xC2 begins the no-break space,
/// the soft hyphen, "§" and "«", 0xE2 the narrow no-break space, dashes and quotes).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || (b >= 0x80 && b != 0xC2 && b != 0xE2)
}

/// Whether the character before byte `i` (a character boundary) is of a word
/// ([`is_word_byte`] of its first byte): not after a no-break space or a dash, whose last
/// bytes are continuation bytes like those of "ä".
fn after_word(bytes: &[u8], i: usize) -> bool {
    let mut lead = i;
    while lead > 0 && i - lead < 3 && (0x80..0xC0).contains(&bytes[lead - 1]) {
        lead -= 1;
    }
    lead > 0 && is_word_byte(bytes[lead - 1])
}

/// A [`is_word_byte`] that is no digit: a letter goes on after "h" ("hat", not "14 h") or after
/// "halb" ("halbe").
fn is_letter_byte(b: u8) -> bool {
    is_word_byte(b) && !b.is_ascii_digit()
}

/// Whether the grammar is worth trying at the word starting at `at`: a strong trigger, or a
/// weak one followed within four words by a strong one, with only weak ones between ("mehr als
/// ein halbes Jahr").
fn worth_trying(bytes: &[u8], at: usize) -> bool {
    let trie = trie();
    let mut pos = at;
    for _ in 0..5 {
        if !bytes[pos].is_ascii_digit() && !trie.may_trigger(&bytes[pos..]) {
            return false;
        }
        match trie.classify(&bytes[pos..]).trigger {
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

/// Whether the word at `at` is "um", "gegen", "ab", "bis" or "nach" before a number word that
/// nothing but punctuation follows: "Wir treffen uns um drei." (`clock_bare`, an hour in chat
/// text) has no word that triggers alone, and none after it, so [`scan`] passes it over; chat
/// text looks for it apart (`tag::recognise`).
pub fn hour_alone(bytes: &[u8], at: usize) -> bool {
    if !matches!(bytes[at] | 0x20, b'u' | b'g' | b'a' | b'b' | b'n') {
        return false;
    }
    let len = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = &bytes[at..at + len];
    if !["um", "gegen", "ab", "bis", "nach"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
    {
        return false;
    }
    let mut i = at + len;
    if !matches!(bytes.get(i), Some(b' ' | b'\t')) {
        return false;
    }
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    if i >= bytes.len() || trie().classify(&bytes[i..]).class & class::NUMBER == 0 {
        return false;
    }
    let end = i + bytes[i..].iter().take_while(|&&b| is_word_byte(b)).count();
    let after = bytes[end..].iter().find(|b| !matches!(b, b' ' | b'\t'));
    !after.is_some_and(|&b| is_word_byte(b))
}

/// Calls `f` with every word start of `text` where the grammar is worth trying, in order.
/// `f` returns the byte offset to resume scanning from (to skip past a match), or `None`.
///
/// A word starts at a word byte (see [`is_word_byte`]) that is no UTF-8 continuation byte and
/// follows none; continuation bytes leave the state as it was. Runs of ASCII letters and digits
/// are skipped in one go: no word starts inside them.
pub fn scan(text: &str, mut f: impl FnMut(usize) -> Option<usize>) {
    let bytes = text.as_bytes();
    let mut prev_word = false;
    let mut resume = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let word = b.is_ascii_alphanumeric();
            if word && !prev_word && i >= resume && worth_trying(bytes, i) {
                if let Some(next) = f(i) {
                    resume = next;
                }
            }
            prev_word = word;
            i += 1;
            if word {
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
            }
            continue;
        }
        if b >= 0xC0 {
            // The lead byte of a character: a word byte unless it starts a space or punctuation
            // (0xC2, 0xE2).
            let word = b != 0xC2 && b != 0xE2;
            if word && !prev_word && i >= resume {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_alphanumeric() && worth_trying(bytes, i) {
                    if let Some(next) = f(i) {
                        resume = next;
                    }
                }
            }
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
        Rule::start_digit
        | Rule::start_month
        | Rule::start_month_plain
        | Rule::start_weekday
        | Rule::start_number
        | Rule::start_relative
        | Rule::start_unit
        | Rule::start_word
        | Rule::start_lead
        | Rule::start_any
        | Rule::start_prep
        | Rule::start_year
        | Rule::start_word_common
        | Rule::start_word_common_plain
        | Rule::start_digit_plain
        | Rule::start_weekday_plain
        | Rule::start_number_plain
        | Rule::start_relative_plain
        | Rule::start_word_plain
        | Rule::start_lead_plain
        | Rule::start_any_plain
        | Rule::start_unit_word
        | Rule::start_unit_word_plain
        | Rule::start_unit_holiday
        | Rule::start_unit_holiday_plain
        | Rule::start_number_relative
        | Rule::start_number_relative_plain
        | Rule::start_digit_nounit
        | Rule::start_digit_bare
        | Rule::start_number_nounit
        | Rule::start_number_bare
        | Rule::start_amount
        | Rule::start_amount_plain
        | Rule::start_amount_nounit
        | Rule::start_amount_bare
        | Rule::start_digit_amount
        | Rule::start_digit_noshift
        | Rule::start_digit_plain_noshift
        | Rule::start_number_noshift
        | Rule::start_number_plain_noshift
        | Rule::start_amount_noshift
        | Rule::start_amount_plain_noshift
        | Rule::start_digit_amount_noshift
        | Rule::start_digit_uhr => "temporal expression",
        Rule::start_mods => "modifier",
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
        Rule::month_name | Rule::month_abbr => "month name",
        Rule::weekday_abbr | Rule::weekday_short => "weekday abbreviation",
        Rule::weekday_day => "day picked by its weekday",
        Rule::weekday_lead => "weekday before a date",
        Rule::day_after_end | Rule::hour_end => "end of a number",
        Rule::month_day => "calendar date",
        Rule::nth_in | Rule::nth_unit | Rule::month_week => "n-th weekday, day or week of a period",
        Rule::calendar_week => "calendar week",
        Rule::week_shift => "weekday weeks away",
        Rule::after_next => "weekday after the next",
        Rule::day_deixis_part | Rule::weekday_part => "day with a part of day",
        Rule::midnight => "midnight",
        Rule::holiday_shift => "time before or after a holiday",
        Rule::whole_unit => "whole unit",
        Rule::rest_of => "rest of a period",
        Rule::weekday_name => "weekday name",
        Rule::daypart_word | Rule::daypart_suffix | Rule::daypart_adverb => "part of day",
        Rule::daypart_hours | Rule::daypart_hour_word => "hours of a part of day",
        Rule::dawn_word => "dawn",
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
        | Rule::day_slash_month
        | Rule::iso_month
        | Rule::wb_date => "calendar date",
        Rule::digit_lead => "number starting a date or clock time",
        Rule::month_year | Rule::late_year2 => "month and year",
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
        Rule::holiday
        | Rule::holiday_name
        | Rule::holiday_christian
        | Rule::holiday_jewish
        | Rule::holiday_islamic
        | Rule::holiday_chinese
        | Rule::holiday_hindu
        | Rule::holiday_lunisolar => "holiday",
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
        | Rule::clock_quarter_of
        | Rule::clock_three_quarter
        | Rule::clock_after
        | Rule::clock_before
        | Rule::time_zone
        | Rule::hour_word
        | Rule::minutes_word
        | Rule::clock_part => "clock time",
        Rule::datetime => "date with clock time",
        Rule::day_then_clock => "clock time after a day",
        Rule::rel_unit => "relative period",
        Rule::playing_season => "season of sport or theatre",
        Rule::neighbour_unit | Rule::neighbour_word => "neighbouring period",
        Rule::day_dir => "the day before or after the last date",
        Rule::year_before => "the year before",
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
        Rule::set
        | Rule::set_adverb
        | Rule::set_each
        | Rule::set_day
        | Rule::set_weekend
        | Rule::times
        | Rule::weekday_plural => "recurrence",
        Rule::range | Rule::day_only | Rule::range_point | Rule::range_mid => "range",
        Rule::clock_range | Rule::hour_range => "range of clock times",
        Rule::rel_weekday => "relative weekday",
        Rule::rel_datetime => "relative weekday with clock time",
        Rule::day_clock => "day of an unnamed month with clock time",
        Rule::clock_part_first => "clock time",
        Rule::quarter_hour | Rule::three_quarter => "quarter of an hour",
        Rule::duration_part => "duration",
        Rule::slash_fraction | Rule::amount_and_half => "fraction",
        Rule::this_daypart => "part of today",
        Rule::weekend => "weekend",
        Rule::kw_week | Rule::week_num => "calendar week by its number",
        Rule::month_half | Rule::month_half_word => "half of a month",
        Rule::new_year_part | Rule::new_year_part_word => "night or morning of the new year",
        Rule::year_turn => "turn of the year",
        Rule::new_year => "the new year",
        Rule::in_course => "course of a period",
        Rule::day_hours => "hours of a part of day",
        Rule::day_pair => "days of one month",
        Rule::day_alone | Rule::day_suffix => "day of an unnamed month",
        Rule::clock_bare => "hour without Uhr",
        Rule::rel_span => "last or next few periods",
        Rule::elliptic | Rule::elliptic_int => "amount of the unit named before",
    }
}
