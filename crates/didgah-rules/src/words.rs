//! The tables the engine looks words up in: [`WordMap`] and [`WordSet`], open-addressing hash
//! tables over one string of keys, and [`Word`], a token's text that carries its hash and the
//! set of `Data` lexicons holding it, so that the dozen lookups of each word of a comment hash it
//! once and mostly end without a probe.

use std::borrow::Cow;

use crate::lexicon::data;

/// The hash of a word for [`WordMap`]: eight bytes at a time (a Persian word is about ten bytes,
/// so one or two rounds; a short tail is read as overlapping whole words, never byte by byte),
/// then mixed so that the low bits, which pick the slot, depend on all of them. Not
/// flooding-resistant; the tables are the engine's own data and one article's words.
pub fn word_hash(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let u64_at = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let u32_at = |i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[i..i + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    let round = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(31);
    let n = b.len();
    let mut h = (n as u64).wrapping_mul(K);
    if n >= 8 {
        let mut i = 0;
        while i + 8 <= n {
            h = round(h, u64_at(i));
            i += 8;
        }
        if i < n {
            // The last eight bytes, overlapping the round before.
            h = round(h, u64_at(n - 8));
        }
    } else if n >= 4 {
        h = round(h, u32_at(0) | (u32_at(n - 4) << 32));
    } else if n > 0 {
        let w = u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16);
        h = round(h, w);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    h ^ (h >> 32)
}

/// `a == b` for short byte strings, a word (or two overlapping ones) at a time: `==` on slices
/// calls `memcmp`, which costs more than the comparison itself for a ten-byte word.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let u64_at = |s: &[u8], i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let u32_at = |s: &[u8], i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&s[i..i + 4]);
        u32::from_le_bytes(w)
    };
    if n >= 8 {
        let mut i = 0;
        while i + 8 <= n {
            if u64_at(a, i) != u64_at(b, i) {
                return false;
            }
            i += 8;
        }
        // The last eight bytes, overlapping the word before.
        u64_at(a, n - 8) == u64_at(b, n - 8)
    } else if n >= 4 {
        u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4)
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// A token's text with its [`word_hash`] and the set of `Data` lexicons that hold it, both
/// found once when the token is made: each word of a comment is looked up in a dozen lexicons,
/// and most of those lookups are misses, answered from the set without a probe. Reads as a
/// `&str`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    text: Cow<'a, str>,
    hash: u64,
    /// The bits ([`WordMap::bit`]) of the lexicons holding `text`.
    lexicons: u64,
}

impl<'a> Word<'a> {
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        let text = text.into();
        let hash = word_hash(text.as_bytes());
        let lexicons = data()
            .lexicons
            .get_hashed(&text, hash)
            .copied()
            .unwrap_or(0);
        Word {
            text,
            hash,
            lexicons,
        }
    }

    /// The same word owning its text.
    pub fn into_owned(self) -> Word<'static> {
        Word {
            text: Cow::Owned(self.text.into_owned()),
            ..self
        }
    }
}

impl Word<'_> {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::ops::Deref for Word<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl std::fmt::Display for Word<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq<str> for Word<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.text == *other
    }
}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.text == **other
    }
}

impl PartialEq<String> for Word<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.text == **other
    }
}

/// What the lexicons are looked up by: any string, hashed on the spot, or a [`Word`], hashed
/// once.
pub trait Key {
    fn text(&self) -> &str;
    fn key_hash(&self) -> u64 {
        word_hash(self.text().as_bytes())
    }
    /// The bits of the `Data` lexicons that may hold this key (all of them unless known).
    fn lexicons(&self) -> u64 {
        u64::MAX
    }
}

impl Key for str {
    fn text(&self) -> &str {
        self
    }
}

impl Key for String {
    fn text(&self) -> &str {
        self
    }
}

impl Key for Word<'_> {
    fn text(&self) -> &str {
        &self.text
    }
    fn key_hash(&self) -> u64 {
        self.hash
    }
    fn lexicons(&self) -> u64 {
        self.lexicons
    }
}

/// A hash map from words to `V`: the engine's lexicons, looked up by `&str` dozens of times per
/// word of a comment. Open addressing over one string holding every key (no allocation per key,
/// compact in the browser); entries keep their insertion order.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    /// Every key, one after another.
    keys: String,
    /// (key's byte range in `keys`, value), in insertion order.
    entries: Vec<(usize, usize, V)>,
    /// Open-addressing table, a power of two long and at most half full: (entry index + 1, high
    /// bits of the hash) with 0 for an empty slot.
    slots: Vec<(usize, u32)>,
    /// This map's bit in [`Word::lexicons`] when it is one of `Data`'s lexicons (0 otherwise):
    /// a [`Word`] without the bit is not in it, and is answered without a probe.
    bit: u64,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            keys: String::new(),
            entries: Vec::new(),
            slots: Vec::new(),
            bit: 0,
        }
    }
}

impl<V> WordMap<V> {
    fn key_at(&self, start: usize, end: usize) -> &str {
        self.keys.get(start..end).unwrap_or("")
    }

    /// The slot holding `key`, or the empty slot where it would go (`None` when the table has
    /// no slots yet).
    fn find_slot(&self, key: &str, hash: u64) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let tag = (hash >> 32) as u32;
        let mut i = hash as usize & mask;
        // At most half full, so an empty slot ends every probe; the bound is for safety only.
        for _ in 0..self.slots.len() {
            let (e, t) = self.slots[i];
            if e == 0 {
                return Some(i);
            }
            if t == tag
                && let Some(&(start, end, _)) = self.entries.get(e - 1)
                && self
                    .keys
                    .as_bytes()
                    .get(start..end)
                    .is_some_and(|k| same_bytes(k, key.as_bytes()))
            {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The value of `key`.
    pub fn get<K: Key + ?Sized>(&self, key: &K) -> Option<&V> {
        if self.entries.is_empty() || (self.bit != 0 && key.lexicons() & self.bit == 0) {
            return None;
        }
        self.get_hashed(key.text(), key.key_hash())
    }

    fn get_hashed(&self, key: &str, hash: u64) -> Option<&V> {
        let slot = self.find_slot(key, hash)?;
        let e = self.slots[slot].0.checked_sub(1)?;
        self.entries.get(e).map(|x| &x.2)
    }

    pub fn contains_key<K: Key + ?Sized>(&self, key: &K) -> bool {
        self.get(key).is_some()
    }

    /// The index of `key`'s entry, adding one made by `make()` when there is none.
    fn entry(&mut self, key: &str, make: impl FnOnce() -> V) -> usize {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let hash = word_hash(key.as_bytes());
        // After `grow` the table is at most half full, so there is a slot.
        let Some(slot) = self.find_slot(key, hash) else {
            return 0;
        };
        match self.slots[slot].0 {
            0 => {
                let start = self.keys.len();
                self.keys.push_str(key);
                self.entries.push((start, self.keys.len(), make()));
                self.slots[slot] = (self.entries.len(), (hash >> 32) as u32);
                self.entries.len() - 1
            }
            e => e - 1,
        }
    }

    /// The value of `key`, inserting `make()` first when it has none.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> Option<&mut V> {
        let e = self.entry(key, make);
        self.entries.get_mut(e).map(|x| &mut x.2)
    }

    /// Sets the value of `key`.
    pub fn insert(&mut self, key: &str, value: V)
    where
        V: Clone,
    {
        if let Some(v) = self.get_or_insert_with(key, || value.clone()) {
            *v = value;
        }
    }

    /// Doubles the table (at least 16 slots) and puts every entry back.
    fn grow(&mut self) {
        let n = (self.slots.len() * 2).max(16);
        let mut slots = vec![(0usize, 0u32); n];
        for (k, &(start, end, _)) in self.entries.iter().enumerate() {
            let hash = word_hash(&self.keys.as_bytes()[start..end]);
            let mut i = hash as usize & (n - 1);
            while slots[i].0 != 0 {
                i = (i + 1) & (n - 1);
            }
            slots[i] = (k + 1, (hash >> 32) as u32);
        }
        self.slots = slots;
    }

    /// Makes this map `Data`'s lexicon number `bit` (see [`Word`]).
    pub fn set_bit(&mut self, bit: u64) {
        self.bit = bit;
    }

    /// Every (key, value), in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries
            .iter()
            .map(|(start, end, v)| (self.key_at(*start, *end), v))
    }
}

/// A set of words: a [`WordMap`] without values.
#[derive(Debug, Clone, Default)]
pub struct WordSet(WordMap<()>);

impl WordSet {
    pub fn insert(&mut self, word: &str) {
        self.0.entry(word, || ());
    }

    pub fn contains<K: Key + ?Sized>(&self, word: &K) -> bool {
        self.0.contains_key(word)
    }

    /// Makes this set `Data`'s lexicon number `bit` (see [`Word`]).
    pub fn set_bit(&mut self, bit: u64) {
        self.0.set_bit(bit);
    }

    /// Every word, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl<S: AsRef<str>> FromIterator<S> for WordSet {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut set = WordSet::default();
        for w in iter {
            set.insert(w.as_ref());
        }
        set
    }
}

/// `s.strip_suffix(suffix)`, comparing without a `memcmp` call (see [`same_bytes`]).
pub fn strip_suffix<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(suffix.len())?;
    if same_bytes(&s.as_bytes()[cut..], suffix.as_bytes()) {
        s.get(..cut)
    } else {
        None
    }
}

/// Whether `s` holds at least `n` characters (without counting them all).
pub fn at_least_chars(s: &str, n: usize) -> bool {
    n == 0 || s.chars().nth(n - 1).is_some()
}
