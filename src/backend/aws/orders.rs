//! Orders on DynamoDB: conditional writes so an id is never silently overwritten, the
//! CustomerIndex query newest first, a paginated scan, and status changes conditioned on the
//! status read (a concurrent change is reported, not overwritten). A write whose response was
//! lost and whose SDK retry then failed its own condition is recognised as ours, not reported
//! as a conflict (aws-semantics §7.4).

use std::collections::HashMap;

use aws_sdk_dynamodb::operation::put_item::PutItemError;
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::operation::update_item::UpdateItemError;
use aws_sdk_dynamodb::types::{
    AttributeValue as Av, Put, ReturnValue, ReturnValuesOnConditionCheckFailure as OnFailure,
    TransactWriteItem,
};
use orders_core::attr::Item;
use orders_core::{Order, Status};

use super::attrs::ddb::{item_from_sdk, item_to_sdk};
use super::lost_response::LostResponse;
use super::{AwsTarget, build_error};
use crate::backend::{OrderQuery, OrderStore, StatusChange, TResult, TargetError};

/// TransactWriteItems takes at most 100 actions (aws-semantics §7.3).
const TRANSACTION_MAX: usize = 100;
/// The GSI `orderctl init` creates.
pub const CUSTOMER_INDEX: &str = "CustomerIndex";

/// `orders list --status`: the filter expression a Query or a Scan carries, if any.
struct StatusFilter {
    expression: Option<String>,
    names: Option<HashMap<String, String>>,
    values: HashMap<String, Av>,
}

impl StatusFilter {
    fn of(status: Option<Status>) -> StatusFilter {
        match status {
            Some(status) => StatusFilter {
                expression: Some("#s = :s".into()),
                names: Some(HashMap::from([("#s".into(), "status".into())])),
                values: HashMap::from([(":s".into(), Av::S(status.as_str().to_owned()))]),
            },
            None => StatusFilter {
                expression: None,
                names: None,
                values: HashMap::new(),
            },
        }
    }
}

pub(super) fn decode(item: &HashMap<String, Av>) -> TResult<Order> {
    let item: Item = item_from_sdk(item);
    Order::from_item(&item)
        .map_err(|e| TargetError::other("an item in the orders table is not an order", e))
}

impl AwsTarget {
    pub(super) fn table(&self) -> &str {
        &self.resources.orders_table
    }

    async fn put_one(&self, order: &Order) -> TResult<()> {
        let lost = LostResponse::default();
        let result = self
            .ddb
            .put_item()
            .table_name(self.table())
            .set_item(Some(item_to_sdk(&order.to_item())))
            .condition_expression("attribute_not_exists(orderId)")
            .return_values_on_condition_check_failure(OnFailure::AllOld)
            .customize()
            .interceptor(lost.clone())
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(e) if is_condition_failed(&e) => {
                // aws-semantics §7.4: the retry of our own applied put finds what we put.
                let found = match e.as_service_error() {
                    Some(PutItemError::ConditionalCheckFailedException(c)) => found(c.item()),
                    _ => None,
                };
                if lost.may_have_applied() && found.as_ref() == Some(order) {
                    return Ok(());
                }
                Err(TargetError::Conflict(format!(
                    "order {} already exists; nothing was written",
                    order.order_id
                )))
            }
            Err(e) => {
                let err = self.err(e, "dynamodb:PutItem", "table", self.table());
                let ours = |now: Option<Order>| (now.as_ref() == Some(order)).then_some(());
                self.unless_applied(&lost, &order.order_id, err, ours).await
            }
        }
    }

    /// A write that failed for good (throttled or failing past its retries) after an attempt
    /// whose answer was lost may still have been applied (aws-semantics §7.4): read the order
    /// back, consistently, and when it is exactly what the write would leave (`ours` says so),
    /// report success. Otherwise the error stands; when the read fails too, it says the outcome
    /// is unknown, so a script is never told "not written" about an order that was.
    async fn unless_applied<T>(
        &self,
        lost: &LostResponse,
        id: &str,
        err: TargetError,
        ours: impl FnOnce(Option<Order>) -> Option<T>,
    ) -> TResult<T> {
        if !lost.may_have_applied() {
            return Err(err);
        }
        match self.get_order(id).await {
            Ok(now) => ours(now).ok_or(err),
            Err(_) => Err(unknown_outcome(err, id)),
        }
    }

    async fn put_transaction(&self, orders: &[Order]) -> TResult<()> {
        let mut items = Vec::with_capacity(orders.len());
        for order in orders {
            let put = Put::builder()
                .table_name(self.table())
                .set_item(Some(item_to_sdk(&order.to_item())))
                .condition_expression("attribute_not_exists(orderId)")
                .build()
                .map_err(build_error)?;
            items.push(TransactWriteItem::builder().put(put).build());
        }
        let result = self
            .ddb
            .transact_write_items()
            .set_transact_items(Some(items))
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(e) => {
                // CancellationReasons come in request order (aws-semantics §7.3).
                if let Some(TransactWriteItemsError::TransactionCanceledException(t)) =
                    e.as_service_error()
                    && let Some(reasons) = t.cancellation_reasons.as_ref()
                    && let Some(i) = reasons
                        .iter()
                        .position(|r| r.code() == Some("ConditionalCheckFailed"))
                {
                    return Err(TargetError::Conflict(format!(
                        "order {} already exists; none of this batch of {} orders was written",
                        orders[i].order_id,
                        orders.len()
                    )));
                }
                Err(self.err(e, "dynamodb:TransactWriteItems", "table", self.table()))
            }
        }
    }

    async fn current(&self, id: &str) -> TResult<Order> {
        self.get_order(id)
            .await?
            .ok_or_else(|| TargetError::NotFound(format!("order {id} not found")))
    }
}

/// `err`, saying that the write may have been applied all the same.
fn unknown_outcome(err: TargetError, id: &str) -> TargetError {
    let note = format!(
        "; an earlier attempt's answer was lost, so it may have been applied: check with `orderctl orders get {id}`"
    );
    match err {
        TargetError::Throttled(m) => TargetError::Throttled(m + &note),
        TargetError::Unavailable(m) => TargetError::Unavailable(m + &note),
        TargetError::Unreachable(m) => TargetError::Unreachable(m + &note),
        other => other,
    }
}

/// The order a failed condition found (`ReturnValuesOnConditionCheckFailure=ALL_OLD`), if the
/// item is one.
fn found(item: Option<&HashMap<String, Av>>) -> Option<Order> {
    item.and_then(|item| decode(item).ok())
}

fn is_condition_failed<E: aws_smithy_types::error::metadata::ProvideErrorMetadata, R>(
    e: &aws_smithy_runtime_api::client::result::SdkError<E, R>,
) -> bool {
    e.as_service_error().and_then(|s| s.code()) == Some("ConditionalCheckFailedException")
}

impl OrderStore for AwsTarget {
    /// One order: a conditional PutItem. Several: transactions of up to 100 conditional puts,
    /// each all or nothing.
    async fn put_orders(&self, orders: &[Order]) -> TResult<()> {
        match orders {
            [] => Ok(()),
            [one] => self.put_one(one).await,
            many => {
                for chunk in many.chunks(TRANSACTION_MAX) {
                    self.put_transaction(chunk).await?;
                }
                Ok(())
            }
        }
    }

    async fn get_order(&self, id: &str) -> TResult<Option<Order>> {
        let out = self
            .ddb
            .get_item()
            .table_name(self.table())
            .key("orderId", Av::S(id.to_owned()))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| self.err(e, "dynamodb:GetItem", "table", self.table()))?;
        out.item().map(decode).transpose()
    }

    async fn get_orders(&self, ids: &[String]) -> TResult<HashMap<String, Order>> {
        self.batch_get_orders(ids).await
    }

    async fn list_orders<E: From<TargetError>>(
        &self,
        query: &OrderQuery,
        mut each: impl FnMut(Vec<Order>) -> Result<(), E>,
    ) -> Result<bool, E> {
        let want = query.limit.map(|l| l + 1);
        let (mut taken, mut more) = (0, false);
        let mut start: Option<HashMap<String, Av>> = None;
        loop {
            let page_limit = want.map(|w| (w - taken).clamp(1, 1000) as i32);
            let (page, next) = match &query.customer {
                Some(customer) => {
                    let filter = StatusFilter::of(query.status);
                    let mut values = filter.values;
                    values.insert(":c".into(), Av::S(customer.clone()));
                    let out = self
                        .ddb
                        .query()
                        .table_name(self.table())
                        .index_name(CUSTOMER_INDEX)
                        .key_condition_expression("customerId = :c")
                        .set_filter_expression(filter.expression)
                        .set_expression_attribute_names(filter.names)
                        .set_expression_attribute_values(Some(values))
                        .scan_index_forward(false)
                        .set_limit(page_limit)
                        .set_exclusive_start_key(start.take())
                        .send()
                        .await
                        .map_err(|e| self.err(e, "dynamodb:Query", "table", self.table()))?;
                    (out.items.unwrap_or_default(), out.last_evaluated_key)
                }
                None => {
                    let filter = StatusFilter::of(query.status);
                    let out = self
                        .ddb
                        .scan()
                        .table_name(self.table())
                        .set_filter_expression(filter.expression)
                        .set_expression_attribute_names(filter.names)
                        .set_expression_attribute_values(
                            Some(filter.values).filter(|v| !v.is_empty()),
                        )
                        .set_limit(page_limit)
                        .set_exclusive_start_key(start.take())
                        .send()
                        .await
                        .map_err(|e| self.err(e, "dynamodb:Scan", "table", self.table()))?;
                    (out.items.unwrap_or_default(), out.last_evaluated_key)
                }
            };
            // Each page is handed over as it arrives: `orders list --all` prints as it reads.
            let mut orders = Vec::with_capacity(page.len());
            for item in &page {
                if query.limit == Some(taken) {
                    more = true;
                    break;
                }
                orders.push(decode(item)?);
                taken += 1;
            }
            if !orders.is_empty() {
                each(orders)?;
            }
            match next {
                Some(key) if !more && !key.is_empty() => start = Some(key),
                _ => break,
            }
        }
        Ok(more)
    }

    async fn set_status(&self, id: &str, to: Status) -> TResult<StatusChange> {
        let old = self.current(id).await?;
        old.status
            .check_transition(to)
            .map_err(|e| TargetError::Invalid(format!("order {id}: {e}")))?;
        let lost = LostResponse::default();
        let result = self
            .ddb
            .update_item()
            .table_name(self.table())
            .key("orderId", Av::S(id.to_owned()))
            .update_expression("SET #s = :new")
            .condition_expression("#s = :old")
            .expression_attribute_names("#s", "status")
            .expression_attribute_values(":new", Av::S(to.as_str().to_owned()))
            .expression_attribute_values(":old", Av::S(old.status.as_str().to_owned()))
            .return_values(ReturnValue::AllNew)
            .return_values_on_condition_check_failure(OnFailure::AllOld)
            .customize()
            .interceptor(lost.clone())
            .send()
            .await;
        match result {
            Ok(out) => {
                let new = match out.attributes() {
                    Some(attrs) => decode(attrs)?,
                    None => Order {
                        status: to,
                        ..old.clone()
                    },
                };
                Ok(StatusChange { old, new })
            }
            Err(e) if is_condition_failed(&e) => {
                let item = match e.as_service_error() {
                    Some(UpdateItemError::ConditionalCheckFailedException(c)) => c.item(),
                    _ => None,
                };
                // aws-semantics §7.4: after a lost response, the order exactly as read with our
                // new status is our change. (Another writer making the very same change in
                // that instant cannot be told apart: the order is in the state asked for.)
                let ours = Order {
                    status: to,
                    ..old.clone()
                };
                if lost.may_have_applied() && found(item).as_ref() == Some(&ours) {
                    return Ok(StatusChange { old, new: ours });
                }
                let now = match item {
                    Some(item) => item
                        .get("status")
                        .and_then(|s| s.as_s().ok())
                        .map_or("unknown", String::as_str),
                    None => "deleted",
                };
                Err(TargetError::Conflict(format!(
                    "order {id} changed concurrently (status is now {now}); nothing was changed"
                )))
            }
            Err(e) => {
                let err = self.err(e, "dynamodb:UpdateItem", "table", self.table());
                let ours = Order {
                    status: to,
                    ..old.clone()
                };
                let applied = |now: Option<Order>| {
                    (now.as_ref() == Some(&ours)).then(|| StatusChange {
                        old: old.clone(),
                        new: ours.clone(),
                    })
                };
                self.unless_applied(&lost, id, err, applied).await
            }
        }
    }

    /// A consistent read, then a conditional delete. The retry of a delete that was applied
    /// finds nothing, and the first attempt's ALL_OLD is lost with its response, so the order
    /// is read first (aws-semantics §7.4). When an attempt's outcome is unknown and the retry
    /// finds the order gone, it was deleted: by this delete, or by another in that same
    /// instant, which cannot be told apart (no delete leaves a mark). Either way the order
    /// read is gone, and that is reported rather than "not found".
    async fn delete_order(&self, id: &str) -> TResult<Order> {
        let before = self.current(id).await?;
        let lost = LostResponse::default();
        let result = self
            .ddb
            .delete_item()
            .table_name(self.table())
            .key("orderId", Av::S(id.to_owned()))
            .condition_expression("attribute_exists(orderId)")
            .return_values(ReturnValue::AllOld)
            .customize()
            .interceptor(lost.clone())
            .send()
            .await;
        match result {
            Ok(out) => Ok(out.attributes().map(decode).transpose()?.unwrap_or(before)),
            Err(e) if is_condition_failed(&e) && lost.may_have_applied() => Ok(before),
            Err(e) if is_condition_failed(&e) => {
                Err(TargetError::NotFound(format!("order {id} not found")))
            }
            Err(e) => {
                let err = self.err(e, "dynamodb:DeleteItem", "table", self.table());
                let gone = |now: Option<Order>| now.is_none().then(|| before.clone());
                self.unless_applied(&lost, id, err, gone).await
            }
        }
    }
}
