//! Issue 18, item 1: a claim whose PutItem was applied but whose response was lost. The SDK
//! retries the identical request, which then fails its own condition; the item it finds is our
//! own claim and must count as claimed, not as another attempt in flight (aws-semantics §7.4).
//! An interceptor turns the first claim's response into a 500 after moto applied the write.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use aws_sdk_dynamodb::types::AttributeValue as Av;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeDeserializationInterceptorContextMut;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;
use orders_aws::{AwsEffects, Clients};
use orders_core::caps::{Applied, Mailer, Metrics};

use super::support::{World, mail_to, mark, marks};
use super::{email, order_share, verified_sender};

/// Replaces the response of the first `lose` PutItem calls with a 500, after the write was
/// applied: what a reset or a gateway error looks like to the client.
#[derive(Debug, Clone)]
struct LoseFirstPutItems {
    lose: usize,
    seen: Arc<AtomicUsize>,
}

impl LoseFirstPutItems {
    fn new(lose: usize) -> LoseFirstPutItems {
        LoseFirstPutItems {
            lose,
            seen: Arc::default(),
        }
    }

    /// How many responses were lost.
    fn lost(&self) -> usize {
        self.seen.load(Ordering::SeqCst).min(self.lose)
    }
}

impl Intercept for LoseFirstPutItems {
    fn name(&self) -> &'static str {
        "LoseFirstPutItems"
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let put_item = cfg
            .load::<Metadata>()
            .is_some_and(|m| m.name() == "PutItem");
        if put_item && self.seen.fetch_add(1, Ordering::SeqCst) < self.lose {
            let response = context.response_mut();
            *response.status_mut() = StatusCode::try_from(500).unwrap();
            response.headers_mut().remove("x-amz-crc32");
            *response.body_mut() = SdkBody::from(
                r#"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"response lost"}"#,
            );
        }
        Ok(())
    }
}

/// The world's adapters, with the DynamoDB client behind `interceptor`.
fn effects_losing(world: &World, interceptor: &LoseFirstPutItems) -> AwsEffects {
    let mut clients = Clients::new(&world.sdk);
    let config = aws_sdk_dynamodb::config::Builder::from(&world.sdk)
        .interceptor(interceptor.clone())
        .build();
    clients.ddb = aws_sdk_dynamodb::Client::from_conf(config);
    AwsEffects::with_clients(&clients, world.names.clone())
}

#[tokio::test]
async fn issue_18_an_email_claim_whose_response_was_lost_is_still_ours() {
    let world = World::new().await;
    let sender = verified_sender(&world).await;
    let to = format!("cy-{}@example.com", world.id);
    let mail = email(&sender, &to, &world.id);
    let lose = LoseFirstPutItems::new(1);
    let effects = effects_losing(&world, &lose);

    assert_eq!(
        effects.send_once(&mark("notification#lost"), &mail).await,
        Ok(Applied::Done)
    );
    assert_eq!(lose.lost(), 1, "the claim's first response was lost");
    assert_eq!(mail_to(&to).len(), 1);
    assert_eq!(
        world.event_item("notification#lost").await.unwrap()["state"],
        Av::S("sent".into())
    );
    // And it stays once.
    assert_eq!(
        effects.send_once(&mark("notification#lost"), &mail).await,
        Ok(Applied::Duplicate)
    );
    assert_eq!(mail_to(&to).len(), 1);
}

#[tokio::test]
async fn issue_18_a_metrics_claim_whose_response_was_lost_is_still_ours() {
    let world = World::new().await;
    let namespace = format!("OrderService-{}", world.id);
    let lose = LoseFirstPutItems::new(1);
    let effects = effects_losing(&world, &lose);
    let keys = vec!["analytics#lost".to_owned()];

    assert_eq!(
        effects
            .put_once(&namespace, &marks(&keys), &[order_share("2.50")])
            .await,
        Ok(vec![Applied::Done])
    );
    assert_eq!(lose.lost(), 1, "the claim's first response was lost");
    assert_eq!(
        world.event_item("analytics#lost").await.unwrap()["state"],
        Av::S("sent".into())
    );
}
