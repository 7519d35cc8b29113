//! Memory held by a built offer catalogue, in bytes per offer, and the time of one build, for
//! the workload of `shop/mod.rs` at 1 000 to 1 000 000 offers.
//!
//! ```sh
//! cargo bench -p comptoir-benches --bench catalogue_memory
//! ```
//!
//! The bytes are those the global allocator hands out and the catalogue still holds once
//! built (the allocator's own bookkeeping is not counted): the offers are made one by one and
//! streamed into the build, as a file load streams them, so what remains allocated
//! afterwards is the catalogue. The time printed is that of making the offers and building
//! (the build alone, from offers already made, is `catalogue/build` in `catalogue.rs`). This
//! target counts every allocation; the timing benches run without the counter.

use std::alloc::System;
use std::time::Instant;

use cap::Cap;

mod shop;

#[global_allocator]
static ALLOCATOR: Cap<System> = Cap::new(System, usize::MAX);

fn main() -> Result<(), shop::Error> {
    // `cargo bench` passes `--bench`; anything else is ignored as there is nothing to filter.
    println!(
        "{:>10}  {:>14}  {:>13}  {:>10}",
        "offers", "bytes held", "bytes/offer", "build"
    );
    for size in [1_000usize, 10_000, 100_000, 1_000_000] {
        let before = ALLOCATOR.allocated();
        let started = Instant::now();
        let catalogue = shop::catalogue(size)?;
        let took = started.elapsed();
        let held = ALLOCATOR.allocated().saturating_sub(before);
        let per_offer = u32::try_from(held / size)?;
        println!(
            "{size:>10}  {held:>14}  {per_offer:>13}  {:>8.1} ms",
            took.as_secs_f64() * 1e3
        );
        drop(catalogue);
    }
    Ok(())
}
