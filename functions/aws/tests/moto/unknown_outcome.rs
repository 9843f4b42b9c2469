//! Issue 18, item 2: SendEmail and PutMetricData have no idempotency key (aws-semantics §7.4).
//! Through the fault-injecting proxy of orderctl's tests: a call moto applied but answered 500
//! must not be repeated by the SDK, and leaves the claim `sending` (outcome unknown) so a
//! redelivery within 5 minutes waits instead of sending again; a call refused without reaching
//! moto (a 400 throttle) settles the claim `failed`, so a retry sends at once.

use aws_sdk_dynamodb::types::AttributeValue as Av;
use orders_aws::AwsEffects;
use orders_core::caps::{Applied, Mailer, Metrics, Severity};
use orders_core::clock;

use super::support::{World, endpoint, mail_to, mark, marks};
use super::{email, order_share, statistics, verified_sender};

#[allow(dead_code)]
#[path = "../../../../tests/support/proxy.rs"]
mod proxy;

use proxy::{Action, AwsError, Proxy, Rule, Trigger};

/// SES v2 SendEmail as the proxy names it: the signing name and the REST request line.
const SEND_EMAIL: (&str, &str) = ("ses", "POST /v2/email/outbound-emails HTTP/1.1");
/// CloudWatch PutMetricData (query protocol).
const PUT_METRIC_DATA: (&str, &str) = ("monitoring", "PutMetricData");

/// A proxy in front of moto doing `action` to the first call of `op`.
fn proxy_first(op: (&str, &str), action: Action) -> Proxy {
    Proxy::start(
        &endpoint(),
        18,
        vec![Rule::new(op.0, op.1, Trigger::Nth(1), action)],
    )
}

/// The world's adapters, every client through `proxy`.
fn effects_via(world: &World, proxy: &Proxy) -> AwsEffects {
    let sdk = world.sdk.to_builder().endpoint_url(proxy.url()).build();
    AwsEffects::new(&sdk, world.names.clone())
}

/// Calls of `op` that reached the proxy.
fn calls(proxy: &Proxy, op: (&str, &str)) -> u64 {
    proxy
        .all_calls()
        .get(&format!("{}.{}", op.0, op.1))
        .copied()
        .unwrap_or(0)
}

fn state(world_item: Option<std::collections::HashMap<String, Av>>) -> String {
    world_item.unwrap()["state"].as_s().unwrap().clone()
}

#[tokio::test]
async fn issue_18_an_email_sent_but_answered_500_is_sent_once_and_not_again_within_5_minutes() {
    let world = World::new().await;
    let sender = verified_sender(&world).await;
    let to = format!("dee-{}@example.com", world.id);
    let mail = email(&sender, &to, &world.id);
    let proxy = proxy_first(SEND_EMAIL, Action::ForwardThen500);
    let effects = effects_via(&world, &proxy);

    let unknown = effects
        .send_once(&mark("notification#lost"), &mail)
        .await
        .unwrap_err();
    assert_eq!(unknown.severity, Severity::Transient, "{unknown}");
    assert!(
        unknown.message.contains("may have been applied"),
        "{unknown}"
    );
    assert_eq!(mail_to(&to).len(), 1, "{}", proxy.describe());
    assert_eq!(calls(&proxy, SEND_EMAIL), 1, "{}", proxy.describe());
    assert_eq!(
        state(world.event_item("notification#lost").await),
        "sending",
        "an unknown outcome is not a failure"
    );

    // Redelivered within 5 minutes: it waits, it does not send again.
    let waiting = effects
        .send_once(&mark("notification#lost"), &mail)
        .await
        .unwrap_err();
    assert_eq!(waiting.severity, Severity::Transient, "{waiting}");
    assert_eq!(mail_to(&to).len(), 1);
    assert_eq!(calls(&proxy, SEND_EMAIL), 1, "{}", proxy.describe());

    // Once the claim is 5 minutes old the mail is sent again: at least once, by choice.
    let mut stale = world.event_item("notification#lost").await.unwrap();
    stale.insert(
        "startedAt".into(),
        Av::N((clock::now_ms() - 6 * 60 * 1000).to_string()),
    );
    world.put_event_item(stale).await;
    assert_eq!(
        effects.send_once(&mark("notification#lost"), &mail).await,
        Ok(Applied::Done)
    );
    assert_eq!(mail_to(&to).len(), 2);
}

#[tokio::test]
async fn issue_18_metrics_published_but_answered_500_count_once_and_not_again_within_5_minutes() {
    let world = World::new().await;
    let namespace = format!("OrderService-{}", world.id);
    let proxy = proxy_first(PUT_METRIC_DATA, Action::ForwardThen500);
    let effects = effects_via(&world, &proxy);
    let keys = vec!["analytics#lost".to_owned()];

    let unknown = effects
        .put_once(&namespace, &marks(&keys), &[order_share("2.50")])
        .await
        .unwrap_err();
    assert_eq!(unknown.severity, Severity::Transient, "{unknown}");
    assert!(
        unknown.message.contains("may have been applied"),
        "{unknown}"
    );
    assert_eq!(calls(&proxy, PUT_METRIC_DATA), 1, "{}", proxy.describe());
    assert_eq!(state(world.event_item("analytics#lost").await), "sending");

    let waiting = effects
        .put_once(&namespace, &marks(&keys), &[order_share("2.50")])
        .await
        .unwrap_err();
    assert_eq!(waiting.severity, Severity::Transient, "{waiting}");
    assert_eq!(calls(&proxy, PUT_METRIC_DATA), 1, "{}", proxy.describe());

    let (count, samples, _, _) = statistics(&world, &namespace, "OrderCount").await;
    assert_eq!((count, samples), (1.0, 1.0), "one datapoint, counted once");
    let (revenue, _, _, _) = statistics(&world, &namespace, "Revenue").await;
    assert_eq!(revenue, 2.5);
}

#[tokio::test]
async fn issue_18_an_email_refused_before_moto_settles_failed_and_a_retry_sends_once() {
    let world = World::new().await;
    let sender = verified_sender(&world).await;
    let to = format!("eve-{}@example.com", world.id);
    let mail = email(&sender, &to, &world.id);
    let proxy = proxy_first(SEND_EMAIL, Action::Error(AwsError::Throttling));
    let effects = effects_via(&world, &proxy);

    let throttled = effects
        .send_once(&mark("notification#throttled"), &mail)
        .await
        .unwrap_err();
    assert_eq!(throttled.severity, Severity::Transient, "{throttled}");
    assert!(
        throttled.message.contains("ThrottlingException"),
        "{throttled}"
    );
    assert!(mail_to(&to).is_empty(), "{}", proxy.describe());
    assert_eq!(
        state(world.event_item("notification#throttled").await),
        "failed",
        "a refused send is known not to have happened"
    );

    // The retry (the next delivery) sends at once, exactly once.
    assert_eq!(
        effects
            .send_once(&mark("notification#throttled"), &mail)
            .await,
        Ok(Applied::Done)
    );
    assert_eq!(mail_to(&to).len(), 1);
    assert_eq!(calls(&proxy, SEND_EMAIL), 2, "{}", proxy.describe());
}

#[tokio::test]
async fn issue_18_metrics_refused_before_moto_settle_failed_and_a_retry_publishes_once() {
    let world = World::new().await;
    let namespace = format!("OrderService-{}", world.id);
    let proxy = proxy_first(PUT_METRIC_DATA, Action::Error(AwsError::Throttling));
    let effects = effects_via(&world, &proxy);
    let keys = vec!["analytics#throttled".to_owned()];

    let throttled = effects
        .put_once(&namespace, &marks(&keys), &[order_share("4.00")])
        .await
        .unwrap_err();
    assert_eq!(throttled.severity, Severity::Transient, "{throttled}");
    assert_eq!(
        state(world.event_item("analytics#throttled").await),
        "failed"
    );

    assert_eq!(
        effects
            .put_once(&namespace, &marks(&keys), &[order_share("4.00")])
            .await,
        Ok(vec![Applied::Done])
    );
    assert_eq!(calls(&proxy, PUT_METRIC_DATA), 2, "{}", proxy.describe());
    let (count, samples, _, _) = statistics(&world, &namespace, "OrderCount").await;
    assert_eq!((count, samples), (1.0, 1.0));
}
