//! Whether an earlier attempt of one SDK call may have been applied although its response was
//! lost: the SDK retries a write after a 5xx, a timeout or a reset, and the retry of a write
//! that was applied fails its own condition (aws-semantics §7.4). A conditional write that
//! fails is then ours only if an earlier attempt's outcome is unknown; a condition that fails
//! on the first attempt, or after attempts that were refused (throttled, a 4xx), is someone
//! else's.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::FinalizerInterceptorContextRef;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;

/// Watches the attempts of one call: give a clone to `.customize().interceptor(…)`, then ask.
#[derive(Debug, Clone, Default)]
pub(crate) struct LostResponse(Arc<AtomicBool>);

impl LostResponse {
    /// Whether some attempt failed with an outcome the client cannot know: no response at all
    /// (a timeout, a reset — counted even when the request may never have left, since the
    /// client cannot tell), a 5xx, or a success it could not read.
    pub(crate) fn may_have_applied(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl Intercept for LostResponse {
    fn name(&self) -> &'static str {
        "LostResponse"
    }

    fn read_after_attempt(
        &self,
        context: &FinalizerInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let failed = matches!(context.output_or_error(), Some(Err(_)));
        let unknown = context
            .response()
            .is_none_or(|r| r.status().is_server_error() || r.status().is_success());
        if failed && unknown {
            self.0.store(true, Ordering::SeqCst);
        }
        Ok(())
    }
}
