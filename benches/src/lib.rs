//! Benchmarks of the comptoir crates: see README.md beside this file.
