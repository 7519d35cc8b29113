//! The shop's offers, checked once and indexed so that evaluating a cart costs what the cart
//! touches, not what the shop sells.

use core::hash::{BuildHasher, Hash};
use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use hashbrown::hash_table::Entry;
use hashbrown::{DefaultHashBuilder, HashMap, HashSet, HashTable};

use crate::offer::Terms;
use crate::{CategoryId, Code, Combinable, Line, Offer, OfferId, ProductId, PromoError, Selection};

/// The shop's offers, checked and indexed, built once and shared read-only by every cart
/// evaluation ([`evaluate`](crate::evaluate)).
///
/// Building checks the whole catalogue (ids and codes unique, every offer named in a
/// [`Combinable::OnlyWith`] present), so evaluations never check it again. The indexes make
/// an evaluation touch only:
///
/// - the offers whose code was entered, found by their normalised code (PROMO-1);
/// - the automatic offers bound to no product that are valid at the cart's instant, found in
///   an index of validity windows (an offer outside its window costs nothing);
/// - the automatic offers bound to products or categories (they require some, or take their
///   discount from some) that the cart holds, found by product and category.
///
/// An automatic offer that cannot apply to the cart for those reasons (outside its window,
/// none of its products in the cart) is not considered at all, so it is not listed among the
/// offers not applied: a shop with hundreds of seasonal offers does not show the customer why
/// each one does not apply. An offer whose code was entered is always considered and,
/// refused, says why (PROMO-1).
///
/// Offers made from one template ([`Offer::for_code`]) or with equal terms share one copy of
/// those terms in the catalogue: a batch of a million single-use codes costs little more
/// than their ids and codes.
///
/// # Example
///
/// ```
/// use comptoir_promo::{Catalogue, Code, Effect, Offer, PromoError, Target};
///
/// let ten = Effect::PercentOff { percent: "10".parse()?, on: Target::Order };
/// let hiver = Offer::builder("hiver".parse()?, "Soldes d'hiver -10 %", ten.clone())
///     .code(Code::new("HIVER10")?)
///     .build()?;
/// let port = Offer::builder("port".parse()?, "Livraison offerte dès 60 €", Effect::FreeShipping)
///     .minimum_amount("60".parse()?)
///     .build()?;
/// let catalogue = Catalogue::new([hiver.clone(), port])?;
/// assert_eq!(catalogue.offer_by_code(&Code::new(" hiver10 ")?), Some(&hiver));
///
/// // A second offer under an existing code is refused, naming both offers.
/// let copy = Offer::builder("hiver-bis".parse()?, "Copie", ten).code(Code::new("hiver10")?).build()?;
/// assert_eq!(
///     Catalogue::new([hiver, copy]).err(),
///     Some(PromoError::DuplicateCode {
///         code: "HIVER10".into(),
///         first: "hiver".into(),
///         second: "hiver-bis".into(),
///     })
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default)]
pub struct Catalogue {
    offers: Vec<Offer>,
    // Positions in `offers`, hashed by the offer's id or code: 4 bytes an entry, the key
    // staying in the offer.
    by_id: HashTable<u32>,
    by_code: HashTable<u32>,
    hasher: DefaultHashBuilder,
    unbound: WindowIndex,
    by_product: HashMap<ProductId, Box<[u32]>>,
    by_category: HashMap<CategoryId, Box<[u32]>>,
}

impl Catalogue {
    /// The largest number of offers a catalogue holds: positions are 32-bit.
    pub const MAX_OFFERS: usize = u32::MAX as usize;

    /// Checks `offers` and indexes them.
    ///
    /// # Errors
    ///
    /// - [`PromoError::DuplicateOffer`] when two offers share an id;
    /// - [`PromoError::DuplicateCode`] when two offers share a code (compared normalised, so
    ///   `" port "` and `"PORT"` are one code), naming both;
    /// - [`PromoError::UnknownCombinableOffer`] when an offer combines only with an offer the
    ///   catalogue does not hold;
    /// - [`PromoError::CatalogueTooLarge`] beyond [`Catalogue::MAX_OFFERS`] offers.
    ///
    /// Nothing is kept of a catalogue that fails.
    pub fn new(offers: impl IntoIterator<Item = Offer>) -> Result<Catalogue, PromoError> {
        let offers = offers.into_iter();
        let mut building = Building::with_capacity(offers.size_hint().0);
        for offer in offers {
            building.push(offer)?;
        }
        building.finish()
    }

    fn check_combinations(&self) -> Result<(), PromoError> {
        for offer in &self.offers {
            if let Combinable::OnlyWith(ids) = offer.combinable()
                && let Some(unknown) = ids.iter().find(|id| self.offer(id).is_none())
            {
                return Err(PromoError::UnknownCombinableOffer {
                    offer: offer.id().to_string(),
                    unknown: unknown.to_string(),
                });
            }
        }
        Ok(())
    }

    fn index_automatic_offers(&mut self) {
        let mut windows = Vec::new();
        let mut by_product: HashMap<ProductId, Vec<u32>> = HashMap::new();
        let mut by_category: HashMap<CategoryId, Vec<u32>> = HashMap::new();
        for (position, offer) in (0u32..).zip(&self.offers) {
            if !offer.is_automatic() {
                continue;
            }
            // Every product selection must be met; indexing under the smallest is enough.
            let bound = offer
                .product_selections()
                .min_by_key(|s| s.products.len().saturating_add(s.categories.len()));
            match bound {
                Some(selection) => {
                    for product in &selection.products {
                        by_product
                            .entry(product.clone())
                            .or_default()
                            .push(position);
                    }
                    for category in &selection.categories {
                        by_category
                            .entry(category.clone())
                            .or_default()
                            .push(position);
                    }
                }
                None => windows.push((*offer.window(), position)),
            }
        }
        self.unbound = WindowIndex::new(windows);
        let seal = |mut list: Vec<u32>| {
            list.dedup();
            list.into_boxed_slice()
        };
        self.by_product = by_product.into_iter().map(|(k, v)| (k, seal(v))).collect();
        self.by_category = by_category.into_iter().map(|(k, v)| (k, seal(v))).collect();
    }

    /// The number of offers.
    pub fn len(&self) -> usize {
        self.offers.len()
    }

    /// True for a catalogue without offers.
    pub fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }

    /// The offers, in the order they were given.
    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    /// The offer with id `id`.
    pub fn offer(&self, id: &OfferId) -> Option<&Offer> {
        self.find(&self.by_id, id, id_of)
    }

    /// The offer triggered by `code` (PROMO-1: `code` is normalised when made).
    pub fn offer_by_code(&self, code: &Code) -> Option<&Offer> {
        self.find(&self.by_code, code, code_of)
    }

    fn find<K: Hash + Eq + ?Sized>(
        &self,
        table: &HashTable<u32>,
        key: &K,
        key_of: fn(&Offer) -> Option<&K>,
    ) -> Option<&Offer> {
        let offer = |p: &u32| self.offers.get(*p as usize);
        table
            .find(self.hasher.hash_one(key), |p| {
                offer(p).and_then(key_of) == Some(key)
            })
            .and_then(offer)
    }

    /// The offers an evaluation of `lines` with `codes` at `at` considers, and the codes no
    /// offer has. Offers come in no particular order.
    pub(crate) fn candidates<'a>(
        &'a self,
        codes: &BTreeSet<Code>,
        lines: &[Line],
        at: DateTime<Utc>,
    ) -> (Vec<&'a Offer>, Vec<Code>) {
        let mut unknown = Vec::new();
        let mut candidates = Vec::new();
        for code in codes {
            match self.offer_by_code(code) {
                Some(offer) => candidates.push(offer),
                None => unknown.push(code.clone()),
            }
        }
        self.unbound.valid_at(at, |position| {
            if let Some(offer) = self.offers.get(position as usize)
                && offer.window().contains(at)
            {
                candidates.push(offer);
            }
        });
        let any_bound = !self.by_product.is_empty() || !self.by_category.is_empty();
        if any_bound && !lines.is_empty() {
            let mut bound: Vec<u32> = Vec::new();
            for line in lines {
                if let Some(found) = self.by_product.get(line.product()) {
                    bound.extend_from_slice(found);
                }
                for category in line.categories() {
                    if let Some(found) = self.by_category.get(category) {
                        bound.extend_from_slice(found);
                    }
                }
            }
            bound.sort_unstable();
            bound.dedup();
            candidates.extend(
                bound
                    .into_iter()
                    .filter_map(|p| self.offers.get(p as usize))
                    .filter(|o| o.window().contains(at) && meets_products(o, lines)),
            );
        }
        (candidates, unknown)
    }
}

fn id_of(offer: &Offer) -> Option<&OfferId> {
    Some(offer.id())
}

fn code_of(offer: &Offer) -> Option<&Code> {
    offer.code()
}

/// Adds `position` under `key` to `table`, or gives the position already there.
fn insert<K: Hash + Eq + ?Sized>(
    table: &mut HashTable<u32>,
    hasher: &DefaultHashBuilder,
    offers: &[Offer],
    key: &K,
    key_of: fn(&Offer) -> Option<&K>,
    position: u32,
) -> Result<(), u32> {
    let key_at = |p: &u32| offers.get(*p as usize).and_then(key_of);
    let entry = table.entry(
        hasher.hash_one(key),
        |p| key_at(p) == Some(key),
        |p| key_at(p).map_or(0, |k| hasher.hash_one(k)),
    );
    match entry {
        Entry::Occupied(first) => Err(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(position);
            Ok(())
        }
    }
}

/// A catalogue being built, one offer at a time: each offer is checked against those before
/// it and its terms shared as it arrives, so a catalogue read from a file never holds a
/// second copy of the offers.
struct Building {
    catalogue: Catalogue,
    shared: HashSet<Arc<Terms>>,
}

impl Building {
    fn with_capacity(offers: usize) -> Building {
        let mut catalogue = Catalogue::default();
        catalogue.offers.reserve(offers);
        // Empty tables: nothing to hash again while growing.
        catalogue.by_id.reserve(offers, |_| 0);
        catalogue.by_code.reserve(offers, |_| 0);
        Building {
            catalogue,
            shared: HashSet::new(),
        }
    }

    fn push(&mut self, mut offer: Offer) -> Result<(), PromoError> {
        let catalogue = &mut self.catalogue;
        let position = position(catalogue.offers.len())?;
        let (offers, hasher) = (&catalogue.offers, &catalogue.hasher);
        if insert(
            &mut catalogue.by_id,
            hasher,
            offers,
            offer.id(),
            id_of,
            position,
        )
        .is_err()
        {
            return Err(PromoError::DuplicateOffer {
                id: offer.id().to_string(),
            });
        }
        if let Some(code) = offer.code()
            && let Err(first) = insert(
                &mut catalogue.by_code,
                hasher,
                offers,
                code,
                code_of,
                position,
            )
        {
            return Err(PromoError::DuplicateCode {
                code: code.to_string(),
                first: offers
                    .get(first as usize)
                    .map(|o| o.id().to_string())
                    .unwrap_or_default(),
                second: offer.id().to_string(),
            });
        }
        match self.shared.get(offer.terms()) {
            Some(terms) => {
                if !Arc::ptr_eq(terms, offer.terms()) {
                    offer.share_terms(Arc::clone(terms));
                }
            }
            None => {
                self.shared.insert(Arc::clone(offer.terms()));
            }
        }
        catalogue.offers.push(offer);
        Ok(())
    }

    fn finish(self) -> Result<Catalogue, PromoError> {
        let mut catalogue = self.catalogue;
        catalogue.check_combinations()?;
        catalogue.index_automatic_offers();
        Ok(catalogue)
    }
}

/// True when every product selection of `offer` matches a line: an automatic offer that
/// fails this is not considered.
pub(crate) fn meets_products(offer: &Offer, lines: &[Line]) -> bool {
    offer
        .product_selections()
        .all(|s: &Selection| lines.iter().any(|l| s.matches(l)))
}

/// A position in the catalogue.
fn position(len: usize) -> Result<u32, PromoError> {
    u32::try_from(len)
        .ok()
        .filter(|_| len < Catalogue::MAX_OFFERS)
        .ok_or(PromoError::CatalogueTooLarge {
            offers: len.saturating_add(1),
            max: Catalogue::MAX_OFFERS,
        })
}

impl TryFrom<Vec<Offer>> for Catalogue {
    type Error = PromoError;

    fn try_from(offers: Vec<Offer>) -> Result<Catalogue, PromoError> {
        Catalogue::new(offers)
    }
}

impl From<Catalogue> for Vec<Offer> {
    fn from(catalogue: Catalogue) -> Vec<Offer> {
        catalogue.offers
    }
}

impl core::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Catalogue")
            .field("offers", &self.offers)
            .finish_non_exhaustive()
    }
}

impl PartialEq for Catalogue {
    /// Two catalogues are equal when they hold the same offers in the same order.
    fn eq(&self, other: &Catalogue) -> bool {
        self.offers == other.offers
    }
}

impl Eq for Catalogue {}

/// Validity windows of the automatic offers bound to no product, sorted by start, with the
/// latest end of each subtree of positions, so that the windows open at an instant are
/// found without reading the closed ones (a segment tree over the sorted starts).
#[derive(Clone, Debug, Default)]
struct WindowIndex {
    starts: Vec<DateTime<Utc>>,
    positions: Vec<u32>,
    /// `latest_end[1]` is the root; the leaves start at `leaves`. An open end is the last
    /// instant chrono knows.
    latest_end: Vec<DateTime<Utc>>,
    leaves: usize,
}

impl WindowIndex {
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "at most 2^32 windows (the catalogue's limit): nodes are below 2^34"
    )]
    fn new(mut windows: Vec<(crate::ValidityWindow, u32)>) -> WindowIndex {
        let start = |w: &crate::ValidityWindow| w.starts().unwrap_or(DateTime::<Utc>::MIN_UTC);
        let end = |w: &crate::ValidityWindow| w.ends().unwrap_or(DateTime::<Utc>::MAX_UTC);
        windows.sort_by_key(|(w, p)| (start(w), *p));
        let leaves = windows.len().next_power_of_two();
        let mut latest_end = vec![DateTime::<Utc>::MIN_UTC; 2 * leaves];
        for (slot, (w, _)) in latest_end.iter_mut().skip(leaves).zip(&windows) {
            *slot = end(w);
        }
        for node in (1..leaves).rev() {
            let left = latest_end.get(2 * node).copied();
            let right = latest_end.get(2 * node + 1).copied();
            if let (Some(slot), Some(l), Some(r)) = (latest_end.get_mut(node), left, right) {
                *slot = l.max(r);
            }
        }
        WindowIndex {
            starts: windows.iter().map(|(w, _)| start(w)).collect(),
            positions: windows.iter().map(|(_, p)| *p).collect(),
            latest_end,
            leaves,
        }
    }

    /// Calls `found` with the position of every window that starts at or before `at` and
    /// ends at or after it: the windows containing `at`, and those ending exactly then
    /// (the caller checks each window exactly).
    fn valid_at(&self, at: DateTime<Utc>, mut found: impl FnMut(u32)) {
        let started = self.starts.partition_point(|s| *s <= at);
        if started > 0 {
            self.visit(1, 0, self.leaves, started, at, &mut found);
        }
    }

    /// Visits the subtree `node`, which covers positions `first..end`: its depth is the
    /// tree's, at most 33 for 32-bit positions, so recursion needs no heap.
    #[allow(
        clippy::arithmetic_side_effects,
        reason = "nodes are below 2 × leaves (at most 2^34) and first <= end within them"
    )]
    fn visit(
        &self,
        node: usize,
        first: usize,
        end: usize,
        started: usize,
        at: DateTime<Utc>,
        found: &mut impl FnMut(u32),
    ) {
        if first >= started || self.latest_end.get(node).is_none_or(|e| *e < at) {
            return;
        }
        if node >= self.leaves {
            if let Some(position) = self.positions.get(first) {
                found(*position);
            }
            return;
        }
        let middle = first + (end - first) / 2;
        self.visit(2 * node, first, middle, started, at, found);
        self.visit(2 * node + 1, middle, end, started, at, found);
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Catalogue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.offers)
    }
}

/// A catalogue reads from the shop's offer export, a list of offers, and is checked as it
/// loads: an offer that is malformed is refused with its id (or, when the id itself cannot
/// be read, its position in the list) and the reason, and so is a catalogue that breaks the
/// rules of [`Catalogue::new`]. Nothing is kept of a catalogue that fails.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Catalogue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Catalogue, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Catalogue;

            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a list of offers")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Catalogue, A::Error> {
                use serde::de::Error;

                // A format's length prefix is data: reserve no more than a few thousand
                // offers from it, as serde's own collections do, and grow past them.
                const RESERVED_AT_MOST: usize = 4_096;
                let reserved = seq.size_hint().unwrap_or(0).min(RESERVED_AT_MOST);
                let mut building = Building::with_capacity(reserved);
                for position in 0usize.. {
                    let spec = seq.next_element::<crate::OfferSpec>().map_err(|e| {
                        A::Error::custom(format_args!("offer at position {position}: {e}"))
                    })?;
                    let Some(spec) = spec else { break };
                    let id = spec.id.clone();
                    let offer = Offer::new(spec)
                        .map_err(|e| A::Error::custom(format_args!("offer {id}: {e}")))?;
                    building.push(offer).map_err(A::Error::custom)?;
                }
                building.finish().map_err(A::Error::custom)
            }
        }

        deserializer.deserialize_seq(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::ValidityWindow;

    fn instant(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, 0, 0, 0).unwrap()
    }

    // PROMO-3: the window index finds exactly the windows open at an instant, on every day
    // of a month, for windows of every start and end within it (and open ones).
    #[test]
    fn window_index_finds_exactly_the_open_windows() {
        let mut windows = Vec::new();
        let days: Vec<Option<DateTime<Utc>>> = std::iter::once(None)
            .chain((1..=9).map(|d| Some(instant(d * 3))))
            .collect();
        for s in &days {
            for e in &days {
                if let Ok(w) = ValidityWindow::new(*s, *e) {
                    windows.push(w);
                }
            }
        }
        let index = WindowIndex::new(
            windows
                .iter()
                .enumerate()
                .map(|(i, w)| (*w, u32::try_from(i).unwrap()))
                .collect(),
        );
        for day in 1..=31 {
            let at = instant(day);
            let mut found = Vec::new();
            index.valid_at(at, |p| found.push(p));
            let found: BTreeSet<u32> = found
                .into_iter()
                .filter(|p| windows[*p as usize].contains(at))
                .collect();
            let expected: BTreeSet<u32> = (0u32..)
                .zip(&windows)
                .filter(|(_, w)| w.contains(at))
                .map(|(p, _)| p)
                .collect();
            assert_eq!(found, expected, "day {day}");
        }
    }

    // PROMO-2: positions are 32-bit; a catalogue beyond that is refused, not truncated.
    #[test]
    fn positions_beyond_32_bits_are_refused() {
        assert_eq!(position(7), Ok(7));
        assert_eq!(position(Catalogue::MAX_OFFERS - 1), Ok(u32::MAX - 1));
        assert_eq!(
            position(Catalogue::MAX_OFFERS),
            Err(PromoError::CatalogueTooLarge {
                offers: Catalogue::MAX_OFFERS + 1,
                max: Catalogue::MAX_OFFERS,
            })
        );
    }
}
