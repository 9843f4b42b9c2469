
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'orderctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'orderctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'orderctl' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create what the pipeline needs on the target (tables, stream, index, queue); idempotent')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create orders from flags, a file, or synthetic load')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'Read, change and delete orders')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Stock levels')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read the stream: all shards in lineage order, from any position, with filters')
            [CompletionResult]::new('filter', 'filter', [CompletionResultType]::ParameterValue, 'Lambda event filter patterns: test them against records, offline')
            [CompletionResult]::new('functions', 'functions', [CompletionResultType]::ParameterValue, 'The bundled consumer functions and their subscriptions')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Run a bundled function in-process on a Lambda event; show outcomes, response, next step, effects')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Run the consumer functions on the stream with Lambda''s event-source-mapping semantics')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Inspect and replay the dead-letter queue')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Iterator age per consumer over a window; --threshold sets the exit code')
            [CompletionResult]::new('iterator-age', 'iterator-age', [CompletionResultType]::ParameterValue, 'Iterator age per consumer over a window; --threshold sets the exit code')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The pipeline on one screen: stream, subscriptions, DLQ, iterator age, item counts')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'One order''s story: its records, what each function did with each, one verdict per function')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Lint the subscriptions for settings that lose records or block shards')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Emails the local notification adapter sent')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Metrics the consumers published (local table, or CloudWatch)')
            [CompletionResult]::new('faults', 'faults', [CompletionResultType]::ParameterValue, 'Inject transient faults into the local adapters (mailer, metrics, inventory)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'An end-to-end walkthrough on a fresh local data dir')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Build the functions for Lambda (provided.al2023) and zip each under target/lambda/')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Deploy the functions, their subscriptions and alarms as a CloudFormation stack (--plan, --template)')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Delete the deployed stack (the tables and the DLQ stay)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;init' {
            [CompletionResult]::new('--seed-inventory', '--seed-inventory', [CompletionResultType]::ParameterName, 'Fill Inventory from a JSON array or JSON lines of {productId, stock}')
            [CompletionResult]::new('--provisioned', '--provisioned', [CompletionResultType]::ParameterName, 'AWS target: provisioned capacity READ,WRITE instead of on-demand billing')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--demo-stock', '--demo-stock', [CompletionResultType]::ParameterName, 'Fill Inventory with the demo catalogue''s stock')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'AWS target: print what would be created, create nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;create' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Customer id')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Customer email')
            [CompletionResult]::new('--item', '--item', [CompletionResultType]::ParameterName, 'An order line as SKU:QTY:PRICE (repeatable)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Orders from a file (`-` for stdin): a JSON object, a JSON array, or JSON lines of {customerId, customerEmail, items: [{productId, quantity, price}]}')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Create N synthetic, realistic orders (load); prints a summary, not the orders')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'With --count: orders in flight at once (aws target)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'With --count: seed the generator for repeatable data')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;orders' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one order')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List orders, by customer (newest first) or all')
            [CompletionResult]::new('set-status', 'set-status', [CompletionResultType]::ParameterValue, 'Change an order''s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an order (PENDING or CONFIRMED)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an order (the stream gets a REMOVE record)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;orders;get' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;orders;list' {
            [CompletionResult]::new('--customer', '--customer', [CompletionResultType]::ParameterName, 'Only this customer''s orders, newest first (uses the CustomerIndex)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only orders in this status')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N orders')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching order (no limit)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;orders;set-status' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;orders;cancel' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;orders;delete' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;orders;help' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one order')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List orders, by customer (newest first) or all')
            [CompletionResult]::new('set-status', 'set-status', [CompletionResultType]::ParameterValue, 'Change an order''s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an order (PENDING or CONFIRMED)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an order (the stream gets a REMOVE record)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;orders;help;get' {
            break
        }
        'orderctl;orders;help;list' {
            break
        }
        'orderctl;orders;help;set-status' {
            break
        }
        'orderctl;orders;help;cancel' {
            break
        }
        'orderctl;orders;help;delete' {
            break
        }
        'orderctl;orders;help;help' {
            break
        }
        'orderctl;inventory' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every product''s stock')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One product''s stock')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a product''s stock')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;inventory;list' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;inventory;get' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;inventory;set' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;inventory;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every product''s stock')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One product''s stock')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a product''s stock')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;inventory;help;list' {
            break
        }
        'orderctl;inventory;help;get' {
            break
        }
        'orderctl;inventory;help;set' {
            break
        }
        'orderctl;inventory;help;help' {
            break
        }
        'orderctl;tail' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start: latest, trim-horizon, a sequence number (AT it), or an RFC 3339 time')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Start just after this sequence number')
            [CompletionResult]::new('--idle', '--idle', [CompletionResultType]::ParameterName, 'With --until-idle: how long nothing must arrive')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Stop after N records (after filtering)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop after this long')
            [CompletionResult]::new('--checkpoint', '--checkpoint', [CompletionResultType]::ParameterName, 'Resume from, and keep, the last sequence number per shard in FILE (written atomically); resuming, shards the file has not seen are read from the trim horizon')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Also write the records seen as a Lambda event {"Records":[…]}, ready for `orderctl invoke`')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or a FilterCriteria document); repeat to OR several, as FilterCriteria does')
            [CompletionResult]::new('--filter-profile', '--filter-profile', [CompletionResultType]::ParameterName, 'Operators allowed in patterns')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Shards read at once')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep reading new records (Ctrl-C stops after the batch in flight)')
            [CompletionResult]::new('--until-idle', '--until-idle', [CompletionResultType]::ParameterName, 'Exit once nothing new has arrived for --idle (for scripts and CI)')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask customer email addresses in the output and the saved event')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;filter' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Test patterns against records: which match, and why the others do not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;filter;test' {
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'A Lambda filter pattern (JSON) or @FILE; repeat to OR several')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Records to test: a Lambda event {"Records":[…]}, a JSON array, one object, or JSON lines; `-` for stdin. Each object is matched as it is')
            [CompletionResult]::new('--filter-profile', '--filter-profile', [CompletionResultType]::ParameterName, 'Operators allowed in patterns')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;filter;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Test patterns against records: which match, and why the others do not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;filter;help;test' {
            break
        }
        'orderctl;filter;help;help' {
            break
        }
        'orderctl;functions' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;functions;list' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;functions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;functions;help;list' {
            break
        }
        'orderctl;functions;help;help' {
            break
        }
        'orderctl;invoke' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The event: {"Records":[…]}, a JSON array of records, one record, or JSON lines; `-` for stdin')
            [CompletionResult]::new('--effects', '--effects', [CompletionResultType]::ParameterName, 'Record effects (default) or apply them on the current target')
            [CompletionResult]::new('--attempt', '--attempt', [CompletionResultType]::ParameterName, 'The attempt number written into dead-letter envelopes')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--apply-filters', '--apply-filters', [CompletionResultType]::ParameterName, 'Drop the records the function''s subscription filters would drop (as Lambda does)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;consume' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only these functions (repeatable) [default: every enabled function]')
            [CompletionResult]::new('--idle', '--idle', [CompletionResultType]::ParameterName, 'With --until-idle: how long nothing must arrive')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start position for shards a function has no checkpoint for [default: the subscription''s]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop after this long')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep reading new records (Ctrl-C stops after the batch in flight)')
            [CompletionResult]::new('--until-idle', '--until-idle', [CompletionResultType]::ParameterName, 'Exit once nothing new has arrived for --idle (for scripts and CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;dlq' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One message''s whole body, decoded (same note on receive counts as `list`)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Depth, oldest message''s age, counts by function and format')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Put a message in (to re-inject one, or to test)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every message (asks on a terminal; refuses without one unless --yes)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Replay messages into their function; delete each only after its replay succeeded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;dlq;list' {
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'At most N messages')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;dlq;show' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;dlq;stats' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;dlq;send' {
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The body: text, or @FILE (`@-` for stdin)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;dlq;purge' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking (required without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;dlq;replay' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Only these messages: a message id, or its start as `dlq list` shows it (repeatable). The others received while looking for them are released at once, untouched; an id that names no message is reported (exit 1)')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'At most N messages')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Messages replayed at once (the records of one message stay in order)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or a FilterCriteria document); repeat to OR several, as FilterCriteria does')
            [CompletionResult]::new('--filter-profile', '--filter-profile', [CompletionResultType]::ParameterName, 'Operators allowed in patterns')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Replay into this function, whatever the message names')
            [CompletionResult]::new('--via', '--via', [CompletionResultType]::ParameterName, 'In-process (default) or the deployed Lambda')
            [CompletionResult]::new('--lambda-name', '--lambda-name', [CompletionResultType]::ParameterName, 'With --via lambda: the function''s name [default: lambda_name of its subscription]')
            [CompletionResult]::new('--visibility-timeout', '--visibility-timeout', [CompletionResultType]::ParameterName, 'How long a message being replayed stays hidden (extended while its replay runs)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Append one JSON line per message outcome to FILE [default with --stale skip or --unrecoverable drop: dlq-journal.jsonl in the data dir]')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Messages whose order has changed since their records (replaying would revive history)')
            [CompletionResult]::new('--unrecoverable', '--unrecoverable', [CompletionResultType]::ParameterName, 'Messages whose records the stream no longer holds (past its 24 h retention)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Decode, resolve records and target; change nothing')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Skip the confirmation (required on AWS without a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;dlq;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One message''s whole body, decoded (same note on receive counts as `list`)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Depth, oldest message''s age, counts by function and format')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Put a message in (to re-inject one, or to test)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every message (asks on a terminal; refuses without one unless --yes)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Replay messages into their function; delete each only after its replay succeeded')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;dlq;help;list' {
            break
        }
        'orderctl;dlq;help;show' {
            break
        }
        'orderctl;dlq;help;stats' {
            break
        }
        'orderctl;dlq;help;send' {
            break
        }
        'orderctl;dlq;help;purge' {
            break
        }
        'orderctl;dlq;help;replay' {
            break
        }
        'orderctl;dlq;help;help' {
            break
        }
        'orderctl;lag' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only these functions (repeatable) [default: every enabled function]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The window')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'One datapoint (and one sparkline character) per period')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'A latest value above this is OVER (exit 1)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every period (Ctrl-C to stop)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;iterator-age' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only these functions (repeatable) [default: every enabled function]')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The window')
            [CompletionResult]::new('--period', '--period', [CompletionResultType]::ParameterName, 'One datapoint (and one sparkline character) per period')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'A latest value above this is OVER (exit 1)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every period (Ctrl-C to stop)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;status' {
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Iterator age above this is OVER')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: how often')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Read it again every --interval and redraw it (Ctrl-C to stop, exit 130)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;trace' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Take the order id from a stream record, Lambda event or dead-letter envelope (`-`: stdin)')
            [CompletionResult]::new('--dlq', '--dlq', [CompletionResultType]::ParameterName, 'Take the order id from a dead letter (message id, or its first characters)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back the stream is read')
            [CompletionResult]::new('--dlq-peek', '--dlq-peek', [CompletionResultType]::ParameterName, 'Look at no more than N dead letters (on AWS each look raises a message''s receive count)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--scan-stream', '--scan-stream', [CompletionResultType]::ParameterName, 'On AWS, also read every shard back to --since: costly on a busy stream; for small tables, or records no function has seen')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;doctor' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;outbox' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N emails, newest first')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;metrics' {
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Only this namespace (e.g. OrderService, orderctl/Consumers)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only this metric')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;faults' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Make a component fail transiently')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every injected fault')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The faults in force')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;faults;set' {
            [CompletionResult]::new('--fail-next', '--fail-next', [CompletionResultType]::ParameterName, 'Fail the next N calls, then work again')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--always', '--always', [CompletionResultType]::ParameterName, 'Fail every call until `orderctl faults clear`')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;faults;clear' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;faults;list' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;faults;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Make a component fail transiently')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every injected fault')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The faults in force')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;faults;help;set' {
            break
        }
        'orderctl;faults;help;clear' {
            break
        }
        'orderctl;faults;help;list' {
            break
        }
        'orderctl;faults;help;help' {
            break
        }
        'orderctl;demo' {
            [CompletionResult]::new('--in', '--in', [CompletionResultType]::ParameterName, 'Keep the demo''s data here instead of a new temporary directory (must be empty or new)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;build' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only these functions (repeatable) [default: every enabled function]')
            [CompletionResult]::new('--arch', '--arch', [CompletionResultType]::ParameterName, 'The Lambda architecture')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;deploy' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Print the template and exit (needs no AWS access): json, or yaml')
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'The stack [default: orderctl.toml''s deploy.stack_name, else orderctl]')
            [CompletionResult]::new('--artifacts', '--artifacts', [CompletionResultType]::ParameterName, 'Where `orderctl build` wrote the zips [default: target/lambda]')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Show what would change (a change set, deleted afterwards); change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;destroy' {
            [CompletionResult]::new('--stack-name', '--stack-name', [CompletionResultType]::ParameterName, 'The stack [default: orderctl.toml''s deploy.stack_name, else orderctl]')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Really delete it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;completions' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;man' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Where the pipeline lives')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Local target: the data directory holding the SQLite database [default: the platform data dir]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: ./orderctl.toml when present]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS target: the named profile (else AWS_PROFILE, else default)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS target: the region (else AWS_REGION / the profile''s region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format; json and jsonl field names are stable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured)')
            [CompletionResult]::new('--orders-table', '--orders-table', [CompletionResultType]::ParameterName, 'Name of the orders table')
            [CompletionResult]::new('--inventory-table', '--inventory-table', [CompletionResultType]::ParameterName, 'Name of the inventory table')
            [CompletionResult]::new('--processed-events-table', '--processed-events-table', [CompletionResultType]::ParameterName, 'Name of the idempotency table')
            [CompletionResult]::new('--dlq-queue', '--dlq-queue', [CompletionResultType]::ParameterName, 'Name of the dead-letter queue')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'orderctl;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create what the pipeline needs on the target (tables, stream, index, queue); idempotent')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create orders from flags, a file, or synthetic load')
            [CompletionResult]::new('orders', 'orders', [CompletionResultType]::ParameterValue, 'Read, change and delete orders')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Stock levels')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read the stream: all shards in lineage order, from any position, with filters')
            [CompletionResult]::new('filter', 'filter', [CompletionResultType]::ParameterValue, 'Lambda event filter patterns: test them against records, offline')
            [CompletionResult]::new('functions', 'functions', [CompletionResultType]::ParameterValue, 'The bundled consumer functions and their subscriptions')
            [CompletionResult]::new('invoke', 'invoke', [CompletionResultType]::ParameterValue, 'Run a bundled function in-process on a Lambda event; show outcomes, response, next step, effects')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Run the consumer functions on the stream with Lambda''s event-source-mapping semantics')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Inspect and replay the dead-letter queue')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Iterator age per consumer over a window; --threshold sets the exit code')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The pipeline on one screen: stream, subscriptions, DLQ, iterator age, item counts')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'One order''s story: its records, what each function did with each, one verdict per function')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Lint the subscriptions for settings that lose records or block shards')
            [CompletionResult]::new('outbox', 'outbox', [CompletionResultType]::ParameterValue, 'Emails the local notification adapter sent')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Metrics the consumers published (local table, or CloudWatch)')
            [CompletionResult]::new('faults', 'faults', [CompletionResultType]::ParameterValue, 'Inject transient faults into the local adapters (mailer, metrics, inventory)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'An end-to-end walkthrough on a fresh local data dir')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Build the functions for Lambda (provided.al2023) and zip each under target/lambda/')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Deploy the functions, their subscriptions and alarms as a CloudFormation stack (--plan, --template)')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Delete the deployed stack (the tables and the DLQ stay)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orderctl;help;init' {
            break
        }
        'orderctl;help;create' {
            break
        }
        'orderctl;help;orders' {
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one order')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List orders, by customer (newest first) or all')
            [CompletionResult]::new('set-status', 'set-status', [CompletionResultType]::ParameterValue, 'Change an order''s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel an order (PENDING or CONFIRMED)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an order (the stream gets a REMOVE record)')
            break
        }
        'orderctl;help;orders;get' {
            break
        }
        'orderctl;help;orders;list' {
            break
        }
        'orderctl;help;orders;set-status' {
            break
        }
        'orderctl;help;orders;cancel' {
            break
        }
        'orderctl;help;orders;delete' {
            break
        }
        'orderctl;help;inventory' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every product''s stock')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'One product''s stock')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a product''s stock')
            break
        }
        'orderctl;help;inventory;list' {
            break
        }
        'orderctl;help;inventory;get' {
            break
        }
        'orderctl;help;inventory;set' {
            break
        }
        'orderctl;help;tail' {
            break
        }
        'orderctl;help;filter' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Test patterns against records: which match, and why the others do not')
            break
        }
        'orderctl;help;filter;test' {
            break
        }
        'orderctl;help;functions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)')
            break
        }
        'orderctl;help;functions;list' {
            break
        }
        'orderctl;help;invoke' {
            break
        }
        'orderctl;help;consume' {
            break
        }
        'orderctl;help;dlq' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One message''s whole body, decoded (same note on receive counts as `list`)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Depth, oldest message''s age, counts by function and format')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Put a message in (to re-inject one, or to test)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every message (asks on a terminal; refuses without one unless --yes)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Replay messages into their function; delete each only after its replay succeeded')
            break
        }
        'orderctl;help;dlq;list' {
            break
        }
        'orderctl;help;dlq;show' {
            break
        }
        'orderctl;help;dlq;stats' {
            break
        }
        'orderctl;help;dlq;send' {
            break
        }
        'orderctl;help;dlq;purge' {
            break
        }
        'orderctl;help;dlq;replay' {
            break
        }
        'orderctl;help;lag' {
            break
        }
        'orderctl;help;status' {
            break
        }
        'orderctl;help;trace' {
            break
        }
        'orderctl;help;doctor' {
            break
        }
        'orderctl;help;outbox' {
            break
        }
        'orderctl;help;metrics' {
            break
        }
        'orderctl;help;faults' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Make a component fail transiently')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Remove every injected fault')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The faults in force')
            break
        }
        'orderctl;help;faults;set' {
            break
        }
        'orderctl;help;faults;clear' {
            break
        }
        'orderctl;help;faults;list' {
            break
        }
        'orderctl;help;demo' {
            break
        }
        'orderctl;help;build' {
            break
        }
        'orderctl;help;deploy' {
            break
        }
        'orderctl;help;destroy' {
            break
        }
        'orderctl;help;completions' {
            break
        }
        'orderctl;help;man' {
            break
        }
        'orderctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
