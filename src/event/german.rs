//! German for event titles: tokens and clauses, word classes, noun phrases, the genitive and
//! the nominalisation of verbs.

use super::lexicon::*;
use crate::tag::with_lower;

pub(super) fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// The word lists below look up every word of a sentence in lower case, through
/// [`with_lower`], which lowercases the common short words without allocating.
pub(super) fn is_in(list: &[&str], w: &str) -> bool {
    with_lower(w, |l| list.contains(&l))
}

/// Capitalised, or a product name in camel case ("iPhone", "eBay").
pub(super) fn is_capitalised(w: &str) -> bool {
    let mut c = w.chars();
    match c.next() {
        Some(f) if f.is_uppercase() => true,
        Some(f) if f.is_lowercase() => {
            w.chars().count() > 2 && c.clone().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Whether `w` is a word at all (not punctuation or a number).
pub(super) fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_alphabetic)
}

/// Whether token `k` is an adjective in attributive position: adjective-shaped, and after an
/// article, a preposition, a number, another adjective or a clause boundary (a finite verb
/// after a first constituent is not: "Damals regierte Helmut Kohl").
pub(super) fn is_attributive(toks: &[Tok<'_>], k: usize) -> bool {
    is_adjective_like(toks[k].text)
        && (k == 0 || {
            let p = toks[k - 1].text;
            is_in(ARTICLES, p)
                || is_in(PREPOSITIONS, p)
                || is_adjective_like(p)
                || p.starts_with(|c: char| c.is_ascii_digit())
                || is_boundary(p)
        })
}

/// A capitalised word that is not a function word: a noun or a name.
pub(super) fn is_noun_word(w: &str) -> bool {
    is_capitalised(w) && !is_function_word(w)
}

pub(super) fn is_function_word(w: &str) -> bool {
    with_lower(w, |l| function_words().contains(l))
}

/// The numbers, articles, prepositions, pronouns, auxiliaries, conjunctions and particles in
/// one set: every word of every sentence with an event is looked up.
fn function_words() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        [
            NUMBERS,
            ARTICLES,
            PREPOSITIONS,
            PRONOUNS,
            AUXILIARIES,
            CONJUNCTIONS,
            PARTICLES,
        ]
        .concat()
        .into_iter()
        .collect()
    })
}

/// Speech verbs and relative pronouns in one set (see [`is_stop_word`]).
fn speech_and_relatives() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| [SPEECH_VERBS, RELATIVES].concat().into_iter().collect())
}

/// Whether a lower-case word looks like an inflected adjective or participle used as one.
pub(super) fn is_adjective_like(w: &str) -> bool {
    // "34-jährigen": a number joined to an adjective.
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return w
            .rsplit_once('-')
            .is_some_and(|(_, a)| !a.is_empty() && is_adjective_like(a));
    }
    !is_capitalised(w)
        && is_word(w)
        && !is_function_word(w)
        && ["e", "en", "er", "es", "em"].iter().any(|s| w.ends_with(s))
        && w.chars().count() > 3
}

/// Whether a capitalised word is a noun naming an event.
pub fn is_event_noun(w: &str) -> bool {
    if !is_capitalised(w) {
        return false;
    }
    let l = lower(w.trim_end_matches(['.', ',']));
    let last = l.rsplit('-').next().unwrap_or(&l);
    if NOT_EVENTS.iter().any(|n| last.ends_with(n)) || is_in(TIME_WORDS, last) {
        return false;
    }
    if EVENT_NOUNS.iter().any(|n| last.ends_with(n)) {
        return true;
    }
    (last.ends_with("ung") || last.ends_with("ion") || last.ends_with("ungen"))
        && last.chars().count() > 5
}

/// Whether a word carries no content for comparing sentences: function words, time words,
/// particles and verbs of saying.
pub fn is_stop_word(w: &str) -> bool {
    with_lower(w, |l| {
        function_words().contains(l)
            || is_time_word_lower(w, l)
            || speech_and_relatives().contains(l)
    })
}

pub(super) fn is_time_word(w: &str) -> bool {
    with_lower(w, |l| is_time_word_lower(w, l))
}

/// [`is_time_word`] of `w` and its lower case `l`.
fn is_time_word_lower(w: &str, l: &str) -> bool {
    TIME_WORDS
        .iter()
        .any(|t| l == *t || l.ends_with(t) && l.len() > t.len() + 3 && !l.contains('-'))
        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A word or punctuation mark with its byte range in the sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    fn push<'a>(s: &'a str, out: &mut Vec<Tok<'a>>, a: usize, b: usize) {
        out.push(Tok {
            text: &s[a..b],
            start: a,
            end: b,
        })
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|p| p.1);
        let prev_word = start.is_some();
        let digits = c == ','
            && k > 0
            && chars[k - 1].1.is_ascii_digit()
            && next.is_some_and(|n| n.is_ascii_digit());
        let inner = (c == '-' || c == '.' || c == ':' || c == '\'' || c == '/')
            && prev_word
            && next.is_some_and(char::is_alphanumeric)
            || digits && prev_word;
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(a) = start.take() {
                push(s, &mut out, a, i);
            }
            if !c.is_whitespace() {
                push(s, &mut out, i, i + c.len_utf8());
            }
        }
    }
    if let Some(a) = start {
        push(s, &mut out, a, s.len());
    }
    out
}

pub(super) fn is_boundary(t: &str) -> bool {
    matches!(
        t,
        "," | ";"
            | ":"
            | "–"
            | "—"
            | "-"
            | "("
            | ")"
            | "\""
            | "„"
            | "“"
            | "”"
            | "»"
            | "«"
            | "."
            | "!"
            | "?"
    )
}

/// The clause `[a, b)` (token indices) around token range `[ts, te)`.
pub(super) fn clause_of(toks: &[Tok<'_>], ts: usize, te: usize) -> (usize, usize) {
    let te = te.min(toks.len());
    let ts = ts.min(te);
    let mut a = ts;
    while a > 0 && !is_boundary(toks[a - 1].text) {
        a -= 1;
    }
    let mut b = te;
    while b < toks.len() && !is_boundary(toks[b].text) {
        b += 1;
    }
    (a, b)
}

/// Drops leading function words and trailing prepositions/articles from a word list.
pub(super) fn trim_words(words: &mut Vec<String>) {
    while words.first().is_some_and(|w| {
        is_in(ARTICLES, w)
            || is_in(PREPOSITIONS, w)
            || is_in(PARTICLES, w)
            || is_in(CONJUNCTIONS, w)
            || is_in(AUXILIARIES, w)
    }) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| {
        is_in(ARTICLES, w)
            || is_in(PREPOSITIONS, w)
            || is_in(CONJUNCTIONS, w)
            || is_in(PARTICLES, w)
            || is_in(AUXILIARIES, w)
    }) {
        words.pop();
    }
}

/// Shortens a noun phrase: at most `max` words; a trailing locative "in X" goes first.
pub(super) fn shorten(mut words: Vec<String>, max: usize) -> Vec<String> {
    if words.len() > 4 {
        if let Some(i) = words
            .iter()
            .rposition(|w| w == "in" || w == "im" || w == "bei")
        {
            if i >= 2 {
                words.truncate(i);
            }
        }
    }
    if words.len() > max {
        words.truncate(max);
        // End on a noun, not on a dangling article, preposition or adjective.
        if let Some(last) = words.iter().rposition(|w| is_noun_word(w)) {
            words.truncate(last + 1);
        }
        while words.last().is_some_and(|w| is_function_word(w)) {
            words.pop();
        }
    }
    words
}

pub(super) fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(super) fn join(words: &[String]) -> String {
    capitalise_first(&words.join(" "))
}

/// The noun phrase starting at token `i`: articles and adjectives, then nouns, with genitive
/// attributes and one prepositional attribute ("auf den Doppelagenten Sergeij Skripal").
pub(super) fn noun_phrase(toks: &[Tok<'_>], i: usize, stop: usize) -> (usize, usize) {
    let mut j = i;
    let mut seen_noun = false;
    let mut preps = 0;
    while j < stop {
        let w = toks[j].text;
        if is_boundary(w) || is_in(AUXILIARIES, w) || is_in(CONJUNCTIONS, w) && w != "und" {
            break;
        }
        if w == "und" {
            // "Nato und Russland": a coordinated noun.
            if seen_noun && toks.get(j + 1).is_some_and(|t| is_capitalised(t.text)) && j + 1 < stop
            {
                j += 1;
                continue;
            }
            break;
        }
        if is_capitalised(w) && is_word(w) && !is_function_word(w) {
            if is_time_word(w) {
                break;
            }
            // "Grundakte Schritt für Schritt": a bare noun after an event noun starts anew,
            // as does one after a prepositional phrase ("Gewitter im Süden Schäden").
            if j > i && is_event_noun(toks[j - 1].text) {
                break;
            }
            if j >= i + 2 && is_noun_word(toks[j - 1].text) && is_in(PREPOSITIONS, toks[j - 2].text)
            {
                break;
            }
            seen_noun = true;
            j += 1;
            continue;
        }
        if !seen_noun
            && (w.starts_with(|c: char| c.is_ascii_digit()) || is_in(NUMBERS, w))
            && toks
                .get(j + 1)
                .is_some_and(|n| is_noun_word(n.text) && !is_time_word(n.text))
        {
            j += 1;
            continue;
        }
        if seen_noun
            && is_in(ARTICLES, w)
            && !is_in(PREPOSITIONS, w)
            && !matches!(lower(w).as_str(), "des" | "der" | "eines" | "einer")
            && j > i
            && is_noun_word(toks[j - 1].text)
        {
            // "die Regierung den Ausstoß": a second phrase, not a genitive.
            break;
        }
        if is_in(ARTICLES, w) || is_adjective_like(w) {
            // After a noun an adjective opens a new phrase ("die Währungshüter negative
            // Zinsen"), unless an article or preposition introduces it.
            if seen_noun && is_adjective_like(w) && j > i && is_noun_word(toks[j - 1].text) {
                break;
            }
            j += 1;
            continue;
        }
        if is_in(PREPOSITIONS, w) && seen_noun && preps < 1 {
            preps += 1;
            j += 1;
            continue;
        }
        break;
    }
    // Do not end on articles, adjectives or prepositions.
    while j > i && !(is_capitalised(toks[j - 1].text) && is_word(toks[j - 1].text)) {
        j -= 1;
    }
    (i, j)
}

pub(super) fn words_of(toks: &[Tok<'_>], a: usize, b: usize) -> Vec<String> {
    let b = b.min(toks.len());
    toks[a.min(b)..b]
        .iter()
        .map(|t| t.text.to_string())
        .collect()
}

/// The number of vowel groups in a lower-case word: "mann" has one, "gremium" three.
pub(super) fn syllables(w: &str) -> usize {
    let mut n = 0;
    let mut in_vowel = false;
    for c in w.chars() {
        let v = "aeiouäöüy".contains(c);
        if v && !in_vowel {
            n += 1;
        }
        in_vowel = v;
    }
    n
}

/// The genitive of a noun phrase (first article, its adjectives and first noun inflected).
pub(super) fn genitive(words: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    let det = words.first().map(|w| lower(w)).unwrap_or_default();
    if det.starts_with(|c: char| c.is_ascii_digit()) || is_in(NUMBERS, &det) {
        // "von 230 Millionen iPhones".
        out.push("von".to_string());
        out.extend(words.iter().cloned());
        return out;
    }
    // Which case pattern: masculine/neuter singular ("des ...s"), feminine/plural ("der").
    #[derive(PartialEq)]
    enum G {
        MascNeut,
        FemPl,
        Bare,
    }
    let (g, new_det) = match det.as_str() {
        "der" | "das" | "dem" | "des" => (G::MascNeut, Some("des")),
        "den" => (G::MascNeut, Some("des")),
        "die" => (G::FemPl, Some("der")),
        "ein" | "einen" | "einem" | "eines" => (G::MascNeut, Some("eines")),
        "eine" | "einer" => (G::FemPl, Some("einer")),
        "sein" | "seinen" | "seinem" | "seines" => (G::MascNeut, Some("seines")),
        "seine" | "seiner" => (G::FemPl, Some("seiner")),
        "ihr" | "ihren" | "ihrem" | "ihres" => (G::MascNeut, Some("ihres")),
        "ihre" => (G::FemPl, Some("ihrer")),
        "diese" => (G::FemPl, Some("dieser")),
        "dieser" | "dieses" | "diesen" | "diesem" => (G::MascNeut, Some("dieses")),
        "beide" | "beiden" => (G::Bare, Some("beider")),
        "weitere" | "weiteren" => (G::Bare, Some("weiterer")),
        "alle" | "allen" => (G::Bare, Some("aller")),
        "sämtliche" | "sämtlichen" => (G::Bare, Some("sämtlicher")),
        "mehrere" | "mehreren" => (G::Bare, Some("mehrerer")),
        "einige" | "einigen" => (G::Bare, Some("einiger")),
        "viele" | "vielen" => (G::Bare, Some("vieler")),
        _ => (G::Bare, None),
    };
    if let Some(d) = new_det {
        out.push(d.to_string());
        i = 1;
    }
    // Adjectives, also capitalised ones in names ("Deutsche Wetterdienst").
    let is_adj = |k: usize| {
        let w = &words[k];
        if is_capitalised(w) {
            let l = lower(w);
            k + 1 < words.len()
                && is_noun_word(&words[k + 1])
                && ["e", "en", "er", "es"].iter().any(|e| l.ends_with(e))
                && [
                    "isch", "lich", "ig", "sch", "rot", "neu", "groß", "alt", "grün", "deutsch",
                ]
                .iter()
                .any(|a| l.trim_end_matches(['e', 'n', 'r', 's']).ends_with(a))
        } else {
            is_adjective_like(w)
        }
    };
    while i < words.len() && is_adj(i) {
        let w = &words[i];
        let stem = w
            .strip_suffix("en")
            .or_else(|| w.strip_suffix("em"))
            .or_else(|| w.strip_suffix("er"))
            .or_else(|| w.strip_suffix("es"))
            .or_else(|| w.strip_suffix('e'))
            .unwrap_or(w);
        out.push(match g {
            G::Bare => format!("{stem}er"),
            _ => format!("{stem}en"),
        });
        i += 1;
    }
    // The noun.
    if i < words.len() {
        let n = &words[i];
        let l = lower(n);
        let inflected = if g == G::MascNeut && is_capitalised(n) {
            let weak = l.ends_with("ent")
                || l.ends_with("ant")
                || l.ends_with("ist")
                || PERSONS_IN_AT.iter().any(|p| l.ends_with(p))
                || l.ends_with("oge")
                || l.ends_with("ege")
                || l.ends_with("agent");
            if l.ends_with('x') {
                // Short names and abbreviations keep their form: "des Dax".
                n.clone()
            } else if weak {
                // Weak masculines: "des Präsidenten", "des Kollegen".
                if l.ends_with('e') {
                    format!("{n}n")
                } else {
                    format!("{n}en")
                }
            } else if l.ends_with("nis") {
                format!("{n}ses")
            } else if l.ends_with('s')
                || l.ends_with('ß')
                || l.ends_with('z')
                || l.ends_with("st")
                || l.ends_with("sch")
                || syllables(&l) == 1
            {
                format!("{n}es")
            } else {
                format!("{n}s")
            }
        } else if g == G::Bare && new_det.is_none() && is_capitalised(n) && out.is_empty() {
            let names = words[i..]
                .iter()
                .take_while(|w| is_capitalised(w) && !is_function_word(w))
                .count();
            // Without an article the genitive is "von": "Tod von Jobs", "Beantragung von
            // Haftbefehl"; a plural with an attribute takes the dative -n ("von Vertretern der
            // Staaten"), a lone word in -er may be a name ("von Schröder").
            out.push("von".to_string());
            let attribute = words
                .get(i + 1)
                .is_some_and(|w| matches!(lower(w).as_str(), "der" | "des"));
            if names == 1 && attribute && (l.ends_with("er") || l.ends_with("el")) {
                format!("{n}n")
            } else {
                n.clone()
            }
        } else {
            n.clone()
        };
        out.push(inflected);
        i += 1;
    }
    out.extend(words[i..].iter().cloned());
    out
}

/// The noun for a verb form, if there is one.
pub(super) fn nominalise(verb: &str, particle: Option<&str>) -> Option<String> {
    let v = lower(verb);
    let full = match particle {
        Some(p) => format!("{}{v}", lower(p)),
        None => v.clone(),
    };
    // Finite past forms of weak verbs are looked up by their present form: "wählte" as "wählt".
    let mut forms = vec![full.clone()];
    for (suffix, with) in [("ten", "t"), ("te", "t")] {
        if let Some(stem) = full.strip_suffix(suffix) {
            if stem.chars().count() >= 3 {
                forms.push(format!("{stem}{with}"));
            }
        }
    }
    for (form, noun) in NOMINALISATIONS {
        if forms.iter().any(|f| f == form) || (particle.is_none() && *form == v) {
            return Some((*noun).to_string());
        }
    }
    // A finite weak verb with its particle: "ordnete ... an" is "Anordnung", "kündigt ... an"
    // is "Ankündigung".
    // The present in -et is weak too ("schüttet ... aus" is "Ausschüttung").
    let weak_stem = |v: &str| {
        v.strip_suffix("ete")
            .or_else(|| v.strip_suffix("eten"))
            .or_else(|| v.strip_suffix("ten"))
            .or_else(|| v.strip_suffix("te"))
            .or_else(|| v.strip_suffix("et"))
            .filter(|s| s.chars().count() >= 3)
            .map(str::to_string)
    };
    if let Some(p) = particle {
        if let Some(stem) = weak_stem(&v) {
            return Some(capitalise_first(&format!("{}{stem}ung", lower(p))));
        }
    }
    // The same joined in a verb-final clause: "wie das Ministerium mitteilte".
    if particle.is_none() {
        for p in [
            "mit", "an", "ab", "auf", "aus", "ein", "vor", "zu", "fest", "zurück",
        ] {
            if let Some(rest) = v.strip_prefix(p) {
                if rest.chars().count() >= 5 && !rest.starts_with("ge") {
                    if let Some(stem) = weak_stem(rest) {
                        return Some(capitalise_first(&format!("{p}{stem}ung")));
                    }
                }
            }
        }
    }
    // Regular participles: ge-X-t, be/ver/er/ent/zer-X-t, X-iert.
    forms.iter().find_map(|w| regular_noun(w))
}

/// The -ung noun of an infinitive with an inseparable prefix: "beantragen" is "Beantragung",
/// "verhandeln" is "Verhandlung".
pub(super) fn infinitive_noun(w: &str) -> Option<String> {
    let w = lower(w);
    let w = w.as_str();
    if let Some(stem) = w.strip_suffix("ieren").filter(|s| s.chars().count() >= 3) {
        return Some(capitalise_first(&format!("{stem}ierung")));
    }
    let insep = ["be", "ver", "er", "ent", "zer"];
    let separable = [
        "vor", "ab", "an", "auf", "aus", "ein", "fest", "zu", "mit", "nach",
    ];
    let prefixed = insep.iter().any(|p| w.starts_with(p))
        || separable
            .iter()
            .any(|p| w.starts_with(p) && w.len() > p.len() + 4);
    if !prefixed {
        return None;
    }
    let stem = if let Some(s) = w.strip_suffix("eln") {
        format!("{s}l")
    } else if let Some(s) = w.strip_suffix("ern") {
        format!("{s}er")
    } else {
        w.strip_suffix("en")?.to_string()
    };
    (stem.chars().count() >= 5).then(|| capitalise_first(&format!("{stem}ung")))
}

/// The -ung noun of a regular participle or present form: ge-X-t, be/ver/er/ent/zer-X-t, X-iert.
pub(super) fn regular_noun(w: &str) -> Option<String> {
    if let Some(stem) = w.strip_suffix("iert") {
        if stem.chars().count() >= 3 {
            return Some(capitalise_first(&format!("{stem}ierung")));
        }
    }
    if !w.ends_with('t') {
        return None;
    }
    let (prefix, rest) = split_separable(w);
    let body = rest.strip_prefix("ge").filter(|b| b.chars().count() >= 3);
    let stem = match body {
        Some(b) if prefix.is_empty() => {
            // A bare participle makes an -ung noun only for verbs known to: "gegründet" is
            // "Gründung", but "gespielt" is no "Spielung".
            let stem = b.strip_suffix("et").or_else(|| b.strip_suffix('t'))?;
            if !UNG_STEMS.contains(&stem) {
                return None;
            }
            stem
        }
        Some(b) => b.strip_suffix("et").or_else(|| b.strip_suffix('t'))?,
        None => {
            let insep = ["be", "ver", "er", "ent", "zer", "über", "unter", "miss"];
            if !insep.iter().any(|p| rest.starts_with(p)) {
                // A finite form of a simple verb known to make -ung: "leitet" is "Leitung".
                let stem = rest.strip_suffix("et").or_else(|| rest.strip_suffix('t'))?;
                return (prefix.is_empty() && UNG_STEMS.contains(&stem))
                    .then(|| capitalise_first(&format!("{stem}ung")));
            }
            rest.strip_suffix("et").or_else(|| rest.strip_suffix('t'))?
        }
    };
    if stem.chars().count() < 3 {
        return None;
    }
    Some(capitalise_first(&format!("{prefix}{stem}ung")))
}

/// Splits a separable prefix off a participle: "ausgewiesen" -> ("aus", "gewiesen").
pub(super) fn split_separable(w: &str) -> (&str, &str) {
    for p in [
        "zurück", "heraus", "herein", "voran", "vorbei", "zusammen", "auf", "aus", "ab", "an",
        "ein", "mit", "nach", "vor", "zu", "fest", "her", "hin", "los", "weg", "dar",
    ] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.starts_with("ge") && rest.chars().count() > 4 {
                return (p, rest);
            }
        }
    }
    ("", w)
}

pub(super) fn is_participle(w: &str) -> bool {
    let l = lower(w);
    if is_capitalised(w) || !is_word(w) || is_function_word(w) {
        return false;
    }
    if NOMINALISATIONS.iter().any(|(f, _)| *f == l) {
        return true;
    }
    let (_, rest) = split_separable(&l);
    (rest.starts_with("ge") && (rest.ends_with('t') || rest.ends_with("en")) && rest.len() > 4)
        || l.ends_with("iert")
        || ["be", "ver", "er", "ent", "zer"]
            .iter()
            .any(|p| l.starts_with(p) && l.ends_with('t') && l.len() > 5)
}

/// A noun phrase as a title in the nominative: the article stays where an adjective needs it
/// ("Die Olympischen Spiele", not "Olympischen Spiele"), else it goes ("Wahl").
pub(super) fn nominative(words: &[String]) -> Vec<String> {
    let head = strip_to_head(words);
    let start = words.len() - head.len();
    let adjective_before = start >= 1
        && (is_adjective_like(&words[start - 1])
            || start >= 2 && head.len() >= 2 && is_capitalised(&words[start]) && {
                let l = lower(&words[start]);
                (l.ends_with("en") || l.ends_with('e')) && is_noun_word(&words[start + 1])
            });
    let article = words
        .iter()
        .position(|w| matches!(lower(w).as_str(), "der" | "die" | "das" | "ein" | "eine"));
    match article {
        Some(a)
            if a < start
                && (adjective_before
                    || start == a + 1 && head.len() >= 2 && {
                        let l = lower(&head[0]);
                        (l.ends_with("en") || l.ends_with('e')) && is_noun_word(&head[1])
                    }) =>
        {
            words[a..].to_vec()
        }
        _ => head,
    }
}

/// Drops articles, adjectives and function words before the first noun.
pub(super) fn strip_to_head(words: &[String]) -> Vec<String> {
    let head = words
        .iter()
        .position(|w| is_capitalised(w) && is_word(w) && !is_function_word(w) && !is_time_word(w));
    match head {
        Some(h) => words[h..].to_vec(),
        None => Vec::new(),
    }
}

/// The clause without the expression and its preposition: token indices, and for each whether
/// the token before it is its neighbour (not the removed expression).
pub(super) fn clause_words(ca: usize, cb: usize, before: usize, te: usize) -> Vec<(usize, bool)> {
    (ca..cb)
        .filter(|i| *i < before || *i >= te)
        .map(|i| (i, i > ca && i != te))
        .collect()
}

/// Whether token `i` starts a noun phrase that is not inside a prepositional phrase.
pub(super) fn np_start(toks: &[Tok<'_>], i: usize, joined: bool) -> bool {
    let w = toks[i].text;
    let is_noun =
        |x: &str| is_capitalised(x) && is_word(x) && !is_function_word(x) && !is_time_word(x);
    // "230 Millionen iPhones": a number before a noun opens a phrase too.
    let number = (w
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && w.starts_with(|c: char| c.is_ascii_digit())
        || is_in(NUMBERS, w))
        && toks.get(i + 1).is_some_and(|n| is_noun(n.text));
    // "die Währungshüter negative Zinsen", "erneut kräftige Gewitter": an adjective before a
    // noun, not after an article, preposition or adjective, opens a new phrase.
    let adjective = joined
        && is_adjective_like(w)
        && toks.get(i + 1).is_some_and(|n| is_noun(n.text))        && {
            let p = toks[i - 1].text;
            !(is_in(ARTICLES, p)
                || is_in(PREPOSITIONS, p)
                || is_adjective_like(p)
                || p.starts_with(|c: char| c.is_ascii_digit()))
        }
        // Not inside a prepositional phrase: "vor voll besetztem Saal".
        && !(1..=3).any(|d| {
            i >= d
                && is_in(PREPOSITIONS, toks[i - d].text)
                && (i - d + 1..i).all(|k| {
                    !is_capitalised(toks[k].text) && is_word(toks[k].text)
                        || is_in(ARTICLES, toks[k].text)
                })
        });
    if adjective {
        return true;
    }
    if !(is_in(ARTICLES, w) && !is_in(PREPOSITIONS, w) || is_noun(w) || number) {
        return false;
    }
    if !joined {
        return true;
    }
    let p = toks[i - 1].text;
    if (p == "und" || p == "oder")
        && i >= 2
        && is_capitalised(toks[i - 2].text)
        && !is_function_word(toks[i - 2].text)
    {
        return false;
    }
    if is_in(PREPOSITIONS, p)
        || is_in(ARTICLES, p)
        || is_adjective_like(p)
            && !is_in(ARTICLES, w)
            && (is_attributive(toks, i - 1) || i >= 2 && is_noun(toks[i - 2].text))
        || p.starts_with(|c: char| c.is_ascii_digit())
        || is_in(NUMBERS, p)
    {
        return false;
    }
    let before_verb = toks.get(i + 1).is_some_and(|n| {
        n.text == "und" || !is_capitalised(n.text) && is_word(n.text) && !is_function_word(n.text)
    });
    if is_noun(p) && is_noun(w) && pp_noun(toks, i - 1) && !w.ends_with('s') && before_verb {
        // "Gewitter im Süden Schäden", "in mehreren Gemeinden Dächer": a noun after a
        // prepositional phrase.
        return true;
    }
    if is_noun(p) {
        // "ein Bote die Antwort": a new phrase; "die Antwort der Mitglieder": a genitive.
        return is_in(ARTICLES, w)
            && !matches!(lower(w).as_str(), "des" | "der" | "eines" | "einer");
    }
    true
}

/// Whether the noun at `k` ends a prepositional phrase: articles, adjectives and numbers back to
/// a preposition.
pub(super) fn pp_noun(toks: &[Tok<'_>], k: usize) -> bool {
    let mut j = k;
    while j > 0 {
        let w = toks[j - 1].text;
        if is_in(PREPOSITIONS, w) {
            return true;
        }
        if is_in(ARTICLES, w) || is_adjective_like(w) || w.starts_with(|c: char| c.is_ascii_digit())
        {
            j -= 1;
            continue;
        }
        return false;
    }
    false
}
