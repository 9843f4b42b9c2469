//! Opening the local backend for what exists only there (the outbox, injected faults, the
//! demo): one clear refusal when `--target aws` was asked for.

use anyhow::Context as _;

use super::LocalTarget;
use crate::settings::{Settings, TargetKind};

/// The local target of `settings`; `why_not` is the whole error when the target is AWS.
pub fn local_only(settings: &Settings, why_not: &str) -> anyhow::Result<LocalTarget> {
    if settings.target == TargetKind::Aws {
        anyhow::bail!("{why_not}");
    }
    LocalTarget::open(settings).context("local target")
}
