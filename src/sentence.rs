//! Sentence splitting for German news text.
//!
//! The rules, in the order they are applied:
//!
//! - A blank line always ends a sentence (paragraphs, headlines, bylines).
//! - A single line break ends a sentence unless the line plainly continues: it ends in a comma,
//!   hyphen or dash, or the next line starts with a lower-case letter (hard-wrapped text).
//!   So a headline without a full stop is a sentence of its own.
//! - `!`, `?` and `…` end a sentence when whitespace follows; closing quotes and brackets
//!   right after them belong to the sentence they close.
//! - `.` ends a sentence only when whitespace follows and the next word starts with an
//!   upper-case letter, a digit or an opening quote, and the word before it is
//!   - not a known abbreviation (`Nr.`, `bzw.`, `Dr.`, `Jan.`, ...) nor a single letter
//!     (`z. B.`, `u. a.`, `John F. Kennedy`);
//!   - not an ordinal number of up to three digits (`12. Januar`, `2. Weltkrieg`), unless the
//!     next word is one that opens sentences (`Die`, `Er`, `Am`, ...).
//!
//! A dot with no space after it (`12.01.2022`, `3.000`, `bzw.X`) never ends a sentence.
//! Ranges are trimmed of surrounding whitespace and cover every non-blank part of the text.

/// The bytes that can end a sentence: a line break, "!", "?", "." and 0xE2 (the lead byte of
/// "…"), as a table: [`next_end`] tests them eight bytes at a time and takes the table for the
/// last few bytes (a test checks the two agree).
const ENDS: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'.' as usize] = true;
    t[0xE2] = true;
    t
};

/// The offset of the first byte of `bytes` in [`ENDS`]. Eight bytes are tested at a time:
/// `x - 0x01..01 & !x & 0x80..80` marks a zero byte of `x`, exactly at the lowest mark (those
/// above a zero may be false), so the lowest mark over the five bytes sought is the first.
fn next_end(bytes: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let marks = |w: u64, b: u8| {
        let x = w ^ (LO * u64::from(b));
        x.wrapping_sub(LO) & !x & HI
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let m = marks(w, b'\n') | marks(w, b'!') | marks(w, b'?') | marks(w, b'.') | marks(w, 0xE2);
        if m != 0 {
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = chunks.remainder();
    rest.iter().position(|&b| ENDS[b as usize]).map(|p| at + p)
}

/// Byte ranges `(start, end)` of the sentences of `text`, in order, covering every non-blank part.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let bytes = text.as_bytes();
    let next_char = |at: usize| text[at..].chars().next();
    let mut i = 0;
    while i < bytes.len() {
        // Only these bytes can end a sentence: skip to the next one.
        match next_end(&bytes[i..]) {
            Some(skip) => i += skip,
            None => break,
        }
        let c = match bytes[i] {
            b'\n' => {
                if line_break_ends(text, i) {
                    cuts.push(i);
                }
                i += 1;
                continue;
            }
            b'!' => '!',
            b'?' => '?',
            b'.' => '.',
            0xE2 if text[i..].starts_with('…') => '…',
            _ => {
                i += 1;
                continue;
            }
        };
        // Swallow runs like "?!" or "..." and closing quotes or brackets.
        let mut j = i + c.len_utf8();
        while let Some(d) = next_char(j).filter(|d| matches!(d, '!' | '?' | '.' | '…')) {
            j += d.len_utf8();
        }
        while let Some(d) = next_char(j).filter(|d| is_closing(*d)) {
            j += d.len_utf8();
        }
        if next_char(j).is_none_or(char::is_whitespace) {
            let ends = if c == '.' && j == i + 1 {
                dot_ends(text, i, j)
            } else {
                true
            };
            if ends {
                cuts.push(j);
            }
        }
        i = j;
    }
    cuts.push(text.len());
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        if cut < start {
            continue;
        }
        if let Some(r) = trimmed(text, start, cut) {
            out.push(r);
        }
        start = cut;
    }
    out
}

/// The range `start..end` without surrounding whitespace, if anything is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return None;
    }
    Some((start + lead, end - trail))
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '»' | '«' | '\'' | '’' | ')' | ']')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '»' | '«' | '\'' | '‚' | '(' | '[')
}

/// Whether the line break at byte `i` ends a sentence.
fn line_break_ends(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t', '\r']);
    let after = &text[i + 1..];
    // A blank line (or the start of the text) always separates.
    let after_trim = after.trim_start_matches([' ', '\t', '\r']);
    if after_trim.starts_with('\n') || before.is_empty() || before.ends_with('\n') {
        return true;
    }
    if before.ends_with([',', '-', '–', '—', ';', '(']) {
        return false;
    }
    match after_trim.chars().next() {
        None => true,
        Some(c) => !c.is_lowercase(),
    }
}

/// Words after which a dot is part of the word, not the end of the sentence.
const ABBREVIATIONS: &[&str] = &[
    "abs", "abt", "allg", "bd", "bspw", "bzgl", "bzw", "ca", "chr", "dgl", "dipl", "dr", "ebd",
    "etc", "evtl", "exkl", "ggf", "gegr", "geb", "gest", "hl", "hrsg", "inkl", "jh", "jhd", "jr",
    "kap", "max", "min", "mio", "mrd", "nr", "od", "pkt", "prof", "rd", "s", "sog", "sr", "st",
    "std", "str", "tel", "tsd", "usw", "vgl", "vs", "zit", "zzgl", "jan", "feb", "febr", "mär",
    "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mo", "di", "mi", "do", "fr",
    "sa", "gen", "lt", "gem", "ehem", "stellv", "bzw", "urspr", "vorm", "nachm", "verh", "dt",
    "engl", "franz", "ital", "russ", "amerik", "europ", "int", "nat", "u", "z", "o", "a", "d", "i",
    "v",
];

/// Words that open sentences: after `12.` they show the number closed a sentence.
const OPENERS: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Dem",
    "Den",
    "Des",
    "Ein",
    "Eine",
    "Einer",
    "Einen",
    "Er",
    "Sie",
    "Es",
    "Wir",
    "Ich",
    "Ihr",
    "Man",
    "Am",
    "Im",
    "In",
    "Auf",
    "Aus",
    "Bei",
    "Mit",
    "Nach",
    "Vor",
    "Seit",
    "Um",
    "Zum",
    "Zur",
    "Und",
    "Aber",
    "Doch",
    "Dann",
    "Danach",
    "Damit",
    "Dabei",
    "Dort",
    "Hier",
    "Heute",
    "So",
    "Auch",
    "Nun",
    "Jetzt",
    "Wie",
    "Was",
    "Wer",
    "Wo",
    "Wann",
    "Als",
    "Wenn",
    "Ob",
    "Dies",
    "Diese",
    "Dieser",
    "Dieses",
    "Laut",
    "Zudem",
    "Außerdem",
    "Denn",
    "Deshalb",
    "Daher",
];

/// Whether the dot at byte `i` (followed by whitespace from `end`) ends a sentence.
fn dot_ends(text: &str, i: usize, end: usize) -> bool {
    let word_before = text[..i]
        .rsplit(|c: char| c.is_whitespace() || is_opening(c) || c == '/')
        .next()
        .unwrap_or("");
    let next = text[end..].trim_start();
    let next_word: &str = next
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';'))
        .next()
        .unwrap_or("");
    let first = match next.chars().next() {
        None => return true,
        Some(c) => c,
    };
    // German sentences begin with a capital, a digit or a quote.
    if !(first.is_uppercase() || first.is_ascii_digit() || is_opening(first)) {
        return false;
    }
    // A line break after the dot settles it.
    if text[end..].starts_with(['\n', '\r'])
        || text[end..]
            .trim_start_matches([' ', '\t'])
            .starts_with('\n')
    {
        return true;
    }
    if word_before.is_empty() {
        return true;
    }
    let wb = word_before;
    if wb.chars().count() == 1 && wb.chars().all(char::is_alphabetic) {
        return false;
    }
    // The longest abbreviation has six bytes ("stellv").
    if wb.len() <= 6 && ABBREVIATIONS.contains(&wb.to_lowercase().as_str()) {
        return false;
    }
    // Dotted abbreviations such as "z.B." or "u.a." written without spaces.
    if wb.contains('.') && wb.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return false;
    }
    if wb.len() <= 3 && wb.bytes().all(|b| b.is_ascii_digit()) {
        return OPENERS.contains(&next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{next_end, split, ENDS};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn next_end_finds_the_first_end_byte(bytes in proptest::collection::vec(
            prop_oneof![Just(b'.'), Just(b'\n'), Just(b'!'), Just(b'?'), Just(0xE2u8), Just(0xE3u8),
                Just(0x2Du8), Just(0x2Fu8), Just(0x0Bu8), Just(0x80u8), any::<u8>()],
            0..40,
        )) {
            let plain = bytes.iter().position(|&b| ENDS[b as usize]);
            prop_assert_eq!(next_end(&bytes), plain);
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn ordinal_dates_and_abbreviations_do_not_split() {
        let t = "Am 12. Januar 2022 traf sich der Rat, u. a. mit Vertretern aus Moskau. Das Treffen (Nr. 12) war z. B. kurz. Dr. Meier kam.";
        assert_eq!(
            sentences(t),
            vec![
                "Am 12. Januar 2022 traf sich der Rat, u. a. mit Vertretern aus Moskau.",
                "Das Treffen (Nr. 12) war z. B. kurz.",
                "Dr. Meier kam."
            ]
        );
    }

    #[test]
    fn year_at_the_end_splits() {
        let t = "Das geschah im Jahr 2018. Die Nato reagierte. Es war der 3. Die Zahl stimmt.";
        assert_eq!(
            sentences(t),
            vec![
                "Das geschah im Jahr 2018.",
                "Die Nato reagierte.",
                "Es war der 3.",
                "Die Zahl stimmt."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let t = "Er sagte: \"Die Stunde ist gekommen.\" Dann ging er. \"Gut\", sagte sie.";
        assert_eq!(
            sentences(t),
            vec![
                "Er sagte: \"Die Stunde ist gekommen.\"",
                "Dann ging er.",
                "\"Gut\", sagte sie."
            ]
        );
    }

    #[test]
    fn headlines_without_full_stop() {
        let t = "Geringe Erwartungen\n\nDie Nato tagt. Russland kommt.\nNeue Runde im Februar\nDer Rat tagt wieder.";
        assert_eq!(
            sentences(t),
            vec![
                "Geringe Erwartungen",
                "Die Nato tagt.",
                "Russland kommt.",
                "Neue Runde im Februar",
                "Der Rat tagt wieder."
            ]
        );
    }

    #[test]
    fn numbers_with_dots_and_wrapped_lines() {
        let t = "Am 12.01.2022 kamen 3.000 Soldaten,\nsagte er, und\nweitere folgten.";
        assert_eq!(sentences(t), vec![t]);
    }

    #[test]
    fn lower_case_after_dot_does_not_split() {
        let t = "Der Vize-Außenminister bzw. sein Stellvertreter kam ca. um neun. Er blieb.";
        assert_eq!(
            sentences(t),
            vec![
                "Der Vize-Außenminister bzw. sein Stellvertreter kam ca. um neun.",
                "Er blieb."
            ]
        );
    }

    #[test]
    fn ranges_cover_every_non_blank_part() {
        let t = "  Eins. Zwei!  Drei?\n\n Vier ";
        let r = split(t);
        assert_eq!(sentences(t), vec!["Eins.", "Zwei!", "Drei?", "Vier"]);
        let covered: usize = r.iter().map(|(s, e)| e - s).sum();
        let nonblank = t.chars().filter(|c| !c.is_whitespace()).count();
        assert!(covered >= nonblank);
    }
}
