use std::sync::Arc;

use comptoir_money::Eur;

use crate::{CategoryId, LineId, ProductId, PromoError, Quantity};

/// A line of a cart as the promotion engine sees it: a product, its categories, its unit
/// price incl. VAT and a quantity.
///
/// A `Line` that exists is valid: its price is not negative and has at most two decimals
/// (an [`Eur`] never has more), its quantity is at least one.
///
/// # Example
///
/// ```
/// use comptoir_promo::{Line, Quantity};
///
/// let line = Line::new("l1".parse()?, "book-42".parse()?, "12.50".parse()?, Quantity::new(2)?)?
///     .with_categories(["books".parse()?]);
/// assert_eq!(line.amount()?, "25.00".parse()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "LineData", into = "LineData"))]
pub struct Line {
    id: LineId,
    product: ProductId,
    // Shared: a cart copies its lines on every change, and a copy should not allocate.
    categories: Arc<[CategoryId]>,
    unit_price: Eur,
    quantity: Quantity,
    on_sale: bool,
}

impl Line {
    /// `quantity` units of `product` at `unit_price`, without categories.
    ///
    /// # Errors
    ///
    /// [`PromoError::NegativeAmount`] when `unit_price` is below zero.
    pub fn new(
        id: LineId,
        product: ProductId,
        unit_price: Eur,
        quantity: Quantity,
    ) -> Result<Line, PromoError> {
        if unit_price.is_negative() {
            return Err(PromoError::NegativeAmount {
                what: "unit price",
                amount: unit_price,
            });
        }
        Ok(Line {
            id,
            product,
            categories: Arc::from([]),
            unit_price,
            quantity,
            on_sale: false,
        })
    }

    /// The same line, in `categories` (used by offers that select categories).
    #[must_use]
    pub fn with_categories(mut self, categories: impl IntoIterator<Item = CategoryId>) -> Line {
        let mut categories: Vec<CategoryId> = categories.into_iter().collect();
        categories.sort();
        categories.dedup();
        self.categories = Arc::from(categories);
        self
    }

    /// The same line, marked as already on sale or not: its unit price carries a catalogue
    /// markdown, which offers may exclude ([`OnSale`](crate::OnSale)).
    #[must_use]
    pub fn with_on_sale(mut self, on_sale: bool) -> Line {
        self.on_sale = on_sale;
        self
    }

    /// True when the product is already on sale (a catalogue markdown).
    pub fn is_on_sale(&self) -> bool {
        self.on_sale
    }

    /// The same line with another quantity.
    #[must_use]
    pub fn with_quantity(mut self, quantity: Quantity) -> Line {
        self.quantity = quantity;
        self
    }

    /// The line's id.
    pub fn id(&self) -> &LineId {
        &self.id
    }

    /// The product.
    pub fn product(&self) -> &ProductId {
        &self.product
    }

    /// The product's categories, sorted.
    pub fn categories(&self) -> &[CategoryId] {
        &self.categories
    }

    /// The unit price incl. VAT.
    pub fn unit_price(&self) -> Eur {
        self.unit_price
    }

    /// The number of units.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Unit price times quantity, before any discount.
    ///
    /// # Errors
    ///
    /// [`PromoError::Money`] on overflow.
    pub fn amount(&self) -> Result<Eur, PromoError> {
        Ok(self.unit_price.times(self.quantity.get())?)
    }
}

/// The serialised form of a [`Line`], checked on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
struct LineData {
    id: LineId,
    product: ProductId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    categories: Vec<CategoryId>,
    unit_price: Eur,
    quantity: Quantity,
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    on_sale: bool,
}

#[cfg(feature = "serde")]
impl TryFrom<LineData> for Line {
    type Error = PromoError;

    fn try_from(d: LineData) -> Result<Line, PromoError> {
        Ok(Line::new(d.id, d.product, d.unit_price, d.quantity)?
            .with_categories(d.categories)
            .with_on_sale(d.on_sale))
    }
}

#[cfg(feature = "serde")]
impl From<Line> for LineData {
    fn from(l: Line) -> LineData {
        LineData {
            id: l.id,
            product: l.product,
            categories: l.categories.to_vec(),
            unit_price: l.unit_price,
            quantity: l.quantity,
            on_sale: l.on_sale,
        }
    }
}
