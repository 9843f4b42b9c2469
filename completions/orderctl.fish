# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_orderctl_global_optspecs
    string join \n target= data-dir= config= profile= region= endpoint-url= o/output= q/quiet v/verbose color= orders-table= inventory-table= processed-events-table= dlq-queue= h/help V/version
end

function __fish_orderctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_orderctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_orderctl_using_subcommand
    set -l cmd (__fish_orderctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c orderctl -n "__fish_orderctl_needs_command" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_needs_command" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_needs_command" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_needs_command" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_needs_command" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_needs_command" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_needs_command" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_needs_command" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_needs_command" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_needs_command" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_needs_command" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_needs_command" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_needs_command" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_needs_command" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "init" -d 'Create what the pipeline needs on the target (tables, stream, index, queue); idempotent'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "create" -d 'Create orders from flags, a file, or synthetic load'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "orders" -d 'Read, change and delete orders'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "inventory" -d 'Stock levels'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "tail" -d 'Read the stream: all shards in lineage order, from any position, with filters'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "filter" -d 'Lambda event filter patterns: test them against records, offline'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "functions" -d 'The bundled consumer functions and their subscriptions'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "invoke" -d 'Run a bundled function in-process on a Lambda event; show outcomes, response, next step, effects'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "consume" -d 'Run the consumer functions on the stream with Lambda\'s event-source-mapping semantics'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "dlq" -d 'Inspect and replay the dead-letter queue'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "lag" -d 'Iterator age per consumer over a window; --threshold sets the exit code'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "iterator-age" -d 'Iterator age per consumer over a window; --threshold sets the exit code'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "status" -d 'The pipeline on one screen: stream, subscriptions, DLQ, iterator age, item counts'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "trace" -d 'One order\'s story: its records, what each function did with each, one verdict per function'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "doctor" -d 'Lint the subscriptions for settings that lose records or block shards'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "outbox" -d 'Emails the local notification adapter sent'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "metrics" -d 'Metrics the consumers published (local table, or CloudWatch)'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "faults" -d 'Inject transient faults into the local adapters (mailer, metrics, inventory)'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "demo" -d 'An end-to-end walkthrough on a fresh local data dir'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "build" -d 'Build the functions for Lambda (provided.al2023) and zip each under target/lambda/'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "deploy" -d 'Deploy the functions, their subscriptions and alarms as a CloudFormation stack (--plan, --template)'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "destroy" -d 'Delete the deployed stack (the tables and the DLQ stay)'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "man" -d 'Print a man page (roff)'
complete -c orderctl -n "__fish_orderctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l seed-inventory -d 'Fill Inventory from a JSON array or JSON lines of {productId, stock}' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l provisioned -d 'AWS target: provisioned capacity READ,WRITE instead of on-demand billing' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l demo-stock -d 'Fill Inventory with the demo catalogue\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -l dry-run -d 'AWS target: print what would be created, create nothing'
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand init" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l customer -d 'Customer id' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l email -d 'Customer email' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l item -d 'An order line as SKU:QTY:PRICE (repeatable)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l file -d 'Orders from a file (`-` for stdin): a JSON object, a JSON array, or JSON lines of {customerId, customerEmail, items: [{productId, quantity, price}]}' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l count -d 'Create N synthetic, realistic orders (load); prints a summary, not the orders' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l concurrency -d 'With --count: orders in flight at once (aws target)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l seed -d 'With --count: seed the generator for repeatable data' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand create" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -f -a "get" -d 'Show one order'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -f -a "list" -d 'List orders, by customer (newest first) or all'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -f -a "set-status" -d 'Change an order\'s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -f -a "cancel" -d 'Cancel an order (PENDING or CONFIRMED)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -f -a "delete" -d 'Delete an order (the stream gets a REMOVE record)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and not __fish_seen_subcommand_from get list set-status cancel delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l customer -d 'Only this customer\'s orders, newest first (uses the CustomerIndex)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l status -d 'Only orders in this status' -r -f -a "PENDING\t''
CONFIRMED\t''
SHIPPED\t''
DELIVERED\t''
CANCELLED\t''"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l limit -d 'At most N orders' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -l all -d 'Every matching order (no limit)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from set-status" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one order'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "list" -d 'List orders, by customer (newest first) or all'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "set-status" -d 'Change an order\'s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel an order (PENDING or CONFIRMED)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an order (the stream gets a REMOVE record)'
complete -c orderctl -n "__fish_orderctl_using_subcommand orders; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -f -a "list" -d 'Every product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -f -a "get" -d 'One product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -f -a "set" -d 'Set a product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and not __fish_seen_subcommand_from list get set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "get" -d 'One product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l from -d 'Where to start: latest, trim-horizon, a sequence number (AT it), or an RFC 3339 time' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l after -d 'Start just after this sequence number' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l idle -d 'With --until-idle: how long nothing must arrive' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l max -d 'Stop after N records (after filtering)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l timeout -d 'Stop after this long' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l checkpoint -d 'Resume from, and keep, the last sequence number per shard in FILE (written atomically); resuming, shards the file has not seen are read from the trim horizon' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l save -d 'Also write the records seen as a Lambda event {"Records":[…]}, ready for `orderctl invoke`' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l filter -d 'Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or a FilterCriteria document); repeat to OR several, as FilterCriteria does' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l filter-profile -d 'Operators allowed in patterns' -r -f -a "lambda\t'What Lambda event source mappings accept (wildcard, cidr and anything-but with prefix/suffix are rejected)'
eventbridge\t'Everything EventBridge accepts'"
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l concurrency -d 'Shards read at once' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l follow -d 'Keep reading new records (Ctrl-C stops after the batch in flight)'
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l until-idle -d 'Exit once nothing new has arrived for --idle (for scripts and CI)'
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -l redact -d 'Mask customer email addresses in the output and the saved event'
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand tail" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -f -a "test" -d 'Test patterns against records: which match, and why the others do not'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and not __fish_seen_subcommand_from test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l pattern -d 'A Lambda filter pattern (JSON) or @FILE; repeat to OR several' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l event -d 'Records to test: a Lambda event {"Records":[…]}, a JSON array, one object, or JSON lines; `-` for stdin. Each object is matched as it is' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l filter-profile -d 'Operators allowed in patterns' -r -f -a "lambda\t'What Lambda event source mappings accept (wildcard, cidr and anything-but with prefix/suffix are rejected)'
eventbridge\t'Everything EventBridge accepts'"
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "test" -d 'Test patterns against records: which match, and why the others do not'
complete -c orderctl -n "__fish_orderctl_using_subcommand filter; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from help" -f -a "list" -d 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)'
complete -c orderctl -n "__fish_orderctl_using_subcommand functions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l event -d 'The event: {"Records":[…]}, a JSON array of records, one record, or JSON lines; `-` for stdin' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l effects -d 'Record effects (default) or apply them on the current target' -r -f -a "record\t'Capture effects without sending anything (safe with production credentials); stock is simulated from the target\'s current levels'
target\t'Apply them with the current target\'s adapters (local outbox/metrics/stock/queue, or SES/CloudWatch/DynamoDB/SQS)'"
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l attempt -d 'The attempt number written into dead-letter envelopes' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -l apply-filters -d 'Drop the records the function\'s subscription filters would drop (as Lambda does)'
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand invoke" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l function -d 'Only these functions (repeatable) [default: every enabled function]' -r -f -a "notification\t'Emails on new orders and status changes (SES)'
analytics\t'OrderCount and Revenue metrics per batch (CloudWatch)'
inventory\t'Reserves stock for new orders, restocks cancelled and deleted ones (DynamoDB transactions)'"
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l idle -d 'With --until-idle: how long nothing must arrive' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l from -d 'Start position for shards a function has no checkpoint for [default: the subscription\'s]' -r -f -a "trim-horizon\t'The oldest record kept'
latest\t'Only new records'"
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l timeout -d 'Stop after this long' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l follow -d 'Keep reading new records (Ctrl-C stops after the batch in flight)'
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -l until-idle -d 'Exit once nothing new has arrived for --idle (for scripts and CI)'
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand consume" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -f -a "list" -d 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -f -a "show" -d 'One message\'s whole body, decoded (same note on receive counts as `list`)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -f -a "stats" -d 'Depth, oldest message\'s age, counts by function and format'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -f -a "send" -d 'Put a message in (to re-inject one, or to test)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -f -a "purge" -d 'Delete every message (asks on a terminal; refuses without one unless --yes)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -f -a "replay" -d 'Replay messages into their function; delete each only after its replay succeeded'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and not __fish_seen_subcommand_from list show stats send purge replay help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l max -d 'At most N messages' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l body -d 'The body: text, or @FILE (`@-` for stdin)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from send" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l yes -d 'Delete without asking (required without a terminal)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l id -d 'Only these messages: a message id, or its start as `dlq list` shows it (repeatable). The others received while looking for them are released at once, untouched; an id that names no message is reported (exit 1)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l max -d 'At most N messages' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l concurrency -d 'Messages replayed at once (the records of one message stay in order)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l filter -d 'Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or a FilterCriteria document); repeat to OR several, as FilterCriteria does' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l filter-profile -d 'Operators allowed in patterns' -r -f -a "lambda\t'What Lambda event source mappings accept (wildcard, cidr and anything-but with prefix/suffix are rejected)'
eventbridge\t'Everything EventBridge accepts'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l function -d 'Replay into this function, whatever the message names' -r -f -a "notification\t'Emails on new orders and status changes (SES)'
analytics\t'OrderCount and Revenue metrics per batch (CloudWatch)'
inventory\t'Reserves stock for new orders, restocks cancelled and deleted ones (DynamoDB transactions)'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l via -d 'In-process (default) or the deployed Lambda' -r -f -a "in-process\t'The bundled function, in-process, with the target\'s adapters'
lambda\t'The deployed Lambda function (aws target), invoked synchronously'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l lambda-name -d 'With --via lambda: the function\'s name [default: lambda_name of its subscription]' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l visibility-timeout -d 'How long a message being replayed stays hidden (extended while its replay runs)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l journal -d 'Append one JSON line per message outcome to FILE [default with --stale skip or --unrecoverable drop: dlq-journal.jsonl in the data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l stale -d 'Messages whose order has changed since their records (replaying would revive history)' -r -f -a "keep\t'Keep it in the queue and report it (exit 1)'
skip\t'Delete it, after writing it whole to the journal'
replay\t'Replay it anyway (a stale INSERT then reserves nothing: `superseded`)'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l unrecoverable -d 'Messages whose records the stream no longer holds (past its 24 h retention)' -r -f -a "keep\t'Keep it in the queue and report it (exit 1)'
drop\t'Delete it, after writing it whole to the journal'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l dry-run -d 'Decode, resolve records and target; change nothing'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l yes -d 'Skip the confirmation (required on AWS without a terminal)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "list" -d 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "show" -d 'One message\'s whole body, decoded (same note on receive counts as `list`)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Depth, oldest message\'s age, counts by function and format'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "send" -d 'Put a message in (to re-inject one, or to test)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete every message (asks on a terminal; refuses without one unless --yes)'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Replay messages into their function; delete each only after its replay succeeded'
complete -c orderctl -n "__fish_orderctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l function -d 'Only these functions (repeatable) [default: every enabled function]' -r -f -a "notification\t'Emails on new orders and status changes (SES)'
analytics\t'OrderCount and Revenue metrics per batch (CloudWatch)'
inventory\t'Reserves stock for new orders, restocks cancelled and deleted ones (DynamoDB transactions)'"
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l since -d 'The window' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l period -d 'One datapoint (and one sparkline character) per period' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l threshold -d 'A latest value above this is OVER (exit 1)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -l watch -d 'Redraw every period (Ctrl-C to stop)'
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand lag" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l function -d 'Only these functions (repeatable) [default: every enabled function]' -r -f -a "notification\t'Emails on new orders and status changes (SES)'
analytics\t'OrderCount and Revenue metrics per batch (CloudWatch)'
inventory\t'Reserves stock for new orders, restocks cancelled and deleted ones (DynamoDB transactions)'"
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l since -d 'The window' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l period -d 'One datapoint (and one sparkline character) per period' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l threshold -d 'A latest value above this is OVER (exit 1)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -l watch -d 'Redraw every period (Ctrl-C to stop)'
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand iterator-age" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l threshold -d 'Iterator age above this is OVER' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l interval -d 'With --watch: how often' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -l watch -d 'Read it again every --interval and redraw it (Ctrl-C to stop, exit 130)'
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand status" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l event -d 'Take the order id from a stream record, Lambda event or dead-letter envelope (`-`: stdin)' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l dlq -d 'Take the order id from a dead letter (message id, or its first characters)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l since -d 'How far back the stream is read' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l dlq-peek -d 'Look at no more than N dead letters (on AWS each look raises a message\'s receive count)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -l scan-stream -d 'On AWS, also read every shard back to --since: costly on a busy stream; for small tables, or records no function has seen'
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand trace" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l limit -d 'At most N emails, newest first' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand outbox" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l namespace -d 'Only this namespace (e.g. OrderService, orderctl/Consumers)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l name -d 'Only this metric' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l since -d 'How far back' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand metrics" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -f -a "set" -d 'Make a component fail transiently'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -f -a "clear" -d 'Remove every injected fault'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -f -a "list" -d 'The faults in force'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and not __fish_seen_subcommand_from set clear list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l fail-next -d 'Fail the next N calls, then work again' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -l always -d 'Fail every call until `orderctl faults clear`'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from help" -f -a "set" -d 'Make a component fail transiently'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Remove every injected fault'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from help" -f -a "list" -d 'The faults in force'
complete -c orderctl -n "__fish_orderctl_using_subcommand faults; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l in -d 'Keep the demo\'s data here instead of a new temporary directory (must be empty or new)' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand demo" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l function -d 'Only these functions (repeatable) [default: every enabled function]' -r -f -a "notification\t'Emails on new orders and status changes (SES)'
analytics\t'OrderCount and Revenue metrics per batch (CloudWatch)'
inventory\t'Reserves stock for new orders, restocks cancelled and deleted ones (DynamoDB transactions)'"
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l arch -d 'The Lambda architecture' -r -f -a "x86_64\t'Intel and AMD (Lambda\'s default)'
arm64\t'Graviton'"
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand build" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l template -d 'Print the template and exit (needs no AWS access): json, or yaml' -r -f -a "json\t'JSON'
yaml\t'YAML'"
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l stack-name -d 'The stack [default: orderctl.toml\'s deploy.stack_name, else orderctl]' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l artifacts -d 'Where `orderctl build` wrote the zips [default: target/lambda]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -l plan -d 'Show what would change (a change set, deleted afterwards); change nothing'
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l stack-name -d 'The stack [default: orderctl.toml\'s deploy.stack_name, else orderctl]' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -l yes -d 'Really delete it'
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand destroy" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l target -d 'Where the pipeline lives' -r -f -a "local\t'An embedded SQLite database in the data dir: tables, stream, queue, metrics'
aws\t'AWS, or any AWS-compatible endpoint, through the AWS SDK for Rust'"
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l data-dir -d 'Local target: the data directory holding the SQLite database [default: the platform data dir]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l config -d 'Configuration file [default: ./orderctl.toml when present]' -r -F
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l profile -d 'AWS target: the named profile (else AWS_PROFILE, else default)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l region -d 'AWS target: the region (else AWS_REGION / the profile\'s region)' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l endpoint-url -d 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -s o -l output -d 'Output format; json and jsonl field names are stable' -r -f -a "table\t'Human-readable tables and lines'
json\t'One JSON document'
jsonl\t'One JSON object per line'"
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l color -d 'When to use colours (NO_COLOR is honoured)' -r -f -a "auto\t'When the stream is a terminal and NO_COLOR is unset'
always\t'Always'
never\t'Never'"
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l orders-table -d 'Name of the orders table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l inventory-table -d 'Name of the inventory table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l processed-events-table -d 'Name of the idempotency table' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -l dlq-queue -d 'Name of the dead-letter queue' -r
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -s q -l quiet -d 'Print only data and errors'
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -s v -l verbose -d 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orderctl -n "__fish_orderctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "init" -d 'Create what the pipeline needs on the target (tables, stream, index, queue); idempotent'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "create" -d 'Create orders from flags, a file, or synthetic load'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "orders" -d 'Read, change and delete orders'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "inventory" -d 'Stock levels'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "tail" -d 'Read the stream: all shards in lineage order, from any position, with filters'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "filter" -d 'Lambda event filter patterns: test them against records, offline'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "functions" -d 'The bundled consumer functions and their subscriptions'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "invoke" -d 'Run a bundled function in-process on a Lambda event; show outcomes, response, next step, effects'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "consume" -d 'Run the consumer functions on the stream with Lambda\'s event-source-mapping semantics'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "dlq" -d 'Inspect and replay the dead-letter queue'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "lag" -d 'Iterator age per consumer over a window; --threshold sets the exit code'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "status" -d 'The pipeline on one screen: stream, subscriptions, DLQ, iterator age, item counts'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "trace" -d 'One order\'s story: its records, what each function did with each, one verdict per function'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "doctor" -d 'Lint the subscriptions for settings that lose records or block shards'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "outbox" -d 'Emails the local notification adapter sent'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "metrics" -d 'Metrics the consumers published (local table, or CloudWatch)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "faults" -d 'Inject transient faults into the local adapters (mailer, metrics, inventory)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "demo" -d 'An end-to-end walkthrough on a fresh local data dir'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "build" -d 'Build the functions for Lambda (provided.al2023) and zip each under target/lambda/'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "deploy" -d 'Deploy the functions, their subscriptions and alarms as a CloudFormation stack (--plan, --template)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "destroy" -d 'Delete the deployed stack (the tables and the DLQ stay)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "man" -d 'Print a man page (roff)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and not __fish_seen_subcommand_from init create orders inventory tail filter functions invoke consume dlq lag status trace doctor outbox metrics faults demo build deploy destroy completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "get" -d 'Show one order'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "list" -d 'List orders, by customer (newest first) or all'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "set-status" -d 'Change an order\'s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "cancel" -d 'Cancel an order (PENDING or CONFIRMED)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from orders" -f -a "delete" -d 'Delete an order (the stream gets a REMOVE record)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "list" -d 'Every product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "get" -d 'One product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "set" -d 'Set a product\'s stock'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from filter" -f -a "test" -d 'Test patterns against records: which match, and why the others do not'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from functions" -f -a "list" -d 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "list" -d 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "show" -d 'One message\'s whole body, decoded (same note on receive counts as `list`)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "stats" -d 'Depth, oldest message\'s age, counts by function and format'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "send" -d 'Put a message in (to re-inject one, or to test)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "purge" -d 'Delete every message (asks on a terminal; refuses without one unless --yes)'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "replay" -d 'Replay messages into their function; delete each only after its replay succeeded'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from faults" -f -a "set" -d 'Make a component fail transiently'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from faults" -f -a "clear" -d 'Remove every injected fault'
complete -c orderctl -n "__fish_orderctl_using_subcommand help; and __fish_seen_subcommand_from faults" -f -a "list" -d 'The faults in force'
