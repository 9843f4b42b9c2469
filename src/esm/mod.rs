//! Lambda's event-source-mapping semantics for DynamoDB streams (aws-semantics §3): what a
//! function's response means for the checkpoint, and (for `consume`) batching, retries,
//! bisection and on-failure records.

pub mod engine;
pub mod handler;
pub mod onfailure;
pub mod response;
pub mod run;
pub mod shard;
pub mod stats;

#[cfg(test)]
mod tests;

// Where progress and telemetry are kept is the backend's business; the engine uses them.
pub use crate::backend::{checkpoints, telemetry};
