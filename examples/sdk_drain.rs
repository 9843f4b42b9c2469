//! The minimal AWS SDK for Rust stream drain that `scripts/bench aws_tail` compares
//! `orderctl tail` with: DescribeTable, DescribeStream, then GetRecords per shard from the
//! trim horizon until an empty page. Usage: `sdk_drain ENDPOINT TABLE` (prints the count).

use aws_sdk_dynamodbstreams::types::ShardIteratorType;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (endpoint, table) = match (args.next(), args.next()) {
        (Some(e), Some(t)) => (e, t),
        _ => return Err("usage: sdk_drain ENDPOINT TABLE".into()),
    };
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(endpoint)
        .load()
        .await;
    let ddb = aws_sdk_dynamodb::Client::new(&config);
    let streams = aws_sdk_dynamodbstreams::Client::new(&config);
    let arn = ddb
        .describe_table()
        .table_name(table)
        .send()
        .await?
        .table
        .and_then(|t| t.latest_stream_arn)
        .ok_or("no stream")?;
    let desc = streams
        .describe_stream()
        .stream_arn(&arn)
        .send()
        .await?
        .stream_description
        .ok_or("no description")?;
    let mut count = 0usize;
    for shard in desc.shards() {
        let mut it = streams
            .get_shard_iterator()
            .stream_arn(&arn)
            .shard_id(shard.shard_id().unwrap_or_default())
            .shard_iterator_type(ShardIteratorType::TrimHorizon)
            .send()
            .await?
            .shard_iterator;
        while let Some(i) = it {
            let page = streams.get_records().shard_iterator(i).send().await?;
            let n = page.records().len();
            count += n;
            it = if n == 0 {
                None
            } else {
                page.next_shard_iterator
            };
        }
    }
    println!("{count}");
    Ok(())
}
