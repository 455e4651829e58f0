import { normalizeWord } from "./tokenize";

/**
 * A small hand-written lexicon of what software projects are for, so that two descriptions that
 * share a purpose but no word ("HTTP client" / "library for making web requests"; "unit test
 * runner" / "mocking and fixtures") still overlap. Written from general knowledge of the fields an
 * open-source ecosystem covers in every language (the section headings of curated lists such as
 * awesome-go, awesome-rust, awesome-javascript and awesome-python are all drawn from the same
 * pool), not fitted to any one list: each concept names a purpose, and its words are the ones people
 * use to describe that purpose. A word may belong to several concepts. Words are normalised with
 * the same tokenizer as the text, so "tests", "testing" and "tester" all trigger `testing`.
 *
 * The lexicon is a signal of its own (the "keyword" signal) and also feeds the text vectors as
 * extra features, weighted below real words (see vectorize.ts).
 */
const lexicon: Record<string, string> = {
  testing:
    "test tests testing tester unittest pytest assert assertion mock mocking stub fixture fixtures coverage fuzz fuzzing spec specs bdd tdd runner e2e selenium",
  web_framework:
    "web framework frameworks microframework wsgi asgi routing router routes middleware mvc django flask rails express fastapi endpoint endpoints handler handlers",
  http: "http https request requests client curl fetch rest api apis url urls session cookie cookies proxy headers",
  web_server: "server servers wsgi asgi uwsgi gunicorn nginx apache serve serving daemon reverse proxy http2",
  realtime: "websocket realtime socket sockets push pubsub channels streaming live sse",
  rpc: "rpc grpc protobuf thrift remote procedure call calls",
  graphql: "graphql schema resolver resolvers query queries",
  api_design: "api rest openapi swagger endpoint endpoints spec schema hypermedia jsonapi",
  database:
    "database databases sql nosql query queries table tables schema postgres mysql sqlite oracle mssql driver drivers connector neo4j graphdb",
  orm: "orm model models mapper mapping migration migrations sqlalchemy activerecord entity entities relational",
  keyvalue: "keyvalue redis memcached cache caching cached store storage kv lmdb leveldb rocksdb",
  document_store: "mongodb couchdb nosql elasticsearch dynamodb firestore json",
  search:
    "search searching indexing index indexer fulltext lucene elasticsearch solr query ranking retrieval",
  queue:
    "queue queues task tasks job jobs worker workers broker celery rabbitmq kafka amqp background scheduler scheduling distributed",
  scheduling: "cron schedule scheduler scheduling periodic timer job jobs recurring",
  concurrency:
    "async concurrency concurrent parallel parallelism thread threads threading coroutine coroutines event loop greenlet actor actors futures asyncio multiprocessing",
  networking:
    "network networking tcp udp socket sockets packet packets protocol protocols dns ip ssh ftp telnet snmp",
  email: "email smtp imap pop3 inbox mailbox newsletter mail",
  messaging:
    "chat messaging message messages bot bots slack telegram discord irc xmpp sms notification notifications",
  authentication:
    "auth authentication login logout oauth oauth2 openid saml sso jwt token tokens password passwords session sessions credential credentials",
  authorization: "authz permission permissions role roles acl rbac access policy policies",
  security:
    "security secure vulnerability vulnerabilities exploit penetration pentest attack attacks malware threat audit scanner hardening",
  cryptography:
    "crypto cryptography cryptographic encryption encrypt decrypt cipher ciphers hash hashing signature signatures tls ssl certificate certificates key keys",
  cli: "cli terminal console shell command commands argument arguments argparse options flags prompt tty",
  terminal_ui:
    "terminal console tui curses ncurses color colors colour progress bar bars table tables prompt",
  gui: "gui desktop window windows widget widgets qt gtk tk tkinter wx toolkit native",
  configuration: "config settings environ dotenv ini toml yaml options preferences",
  logging: "log logging logger logs structured tracing trace traces",
  monitoring:
    "monitoring monitor metrics metric observability alerting alert alerts dashboard dashboards prometheus apm health uptime",
  debugging: "debug debugger debugging breakpoint breakpoints inspect inspector traceback stack repl",
  profiling:
    "profile profiler profiling benchmark benchmarks benchmarking performance memory leak flamegraph",
  code_quality:
    "lint linter linting static analysis style checker formatter formatting format pep8 complexity smell smells refactor refactoring type checker",
  type_system: "type types typing typed annotations annotation static checker hints generic generics",
  documentation: "documentat api reference sphinx docstring docstrings generator site manual manuals",
  static_site: "static site generator blog blogs markdown pages jekyll hugo theme themes",
  templating: "template templates templating engine jinja mustache handlebars render rendering",
  markup: "markdown html xml rst restructuredtext markup sgml latex",
  parsing: "parse parser parsing parsers grammar lexer tokenizer peg ast syntax",
  serialization:
    "serialization serialize deserialize marshal marshalling pickle json msgpack protobuf yaml toml encode decode encoding",
  data_formats: "json yaml toml xml csv ini excel spreadsheet xlsx pdf docx office format formats file files",
  validation:
    "validation validate validator validators schema schemas constraint constraints sanitize form forms",
  forms: "form forms input inputs widget widgets field fields",
  date_time: "date dates time times datetime timezone timezones calendar duration clock parse humanize",
  text: "text string strings unicode slug slugify fuzzy diff similarity encoding spelling transliteration",
  nlp: "nlp language languages linguistic text corpus corpora tokenization tokenize sentiment translation word words embedding embeddings topic named entity lemmatization stemming",
  ml: "ml learning model models training classifier classification regression clustering predictive prediction dataset datasets feature features scikit estimator",
  deep_learning:
    "deeplearning neural network networks tensor tensors gpu cuda pytorch tensorflow keras training inference transformer transformers",
  ai_agents: "ai llm llms gpt agent agents prompt prompts chatbot openai generative",
  computer_vision:
    "computervision image images vision detection recognition face faces ocr camera opencv segmentation",
  image:
    "image images imag picture pictures photo photos pixel pixels thumbnail thumbnails resize png jpeg gif svg graphics bitmap",
  graphics: "graphics drawing draw render rendering opengl vulkan 3d 2d svg canvas shader shaders vector",
  audio: "audio sound music mp3 wav midi speech voice synthesizer playback record recording signal",
  video: "video videos movie movies ffmpeg stream streaming frame frames codec subtitles youtube media",
  game: "game games gaming engine sprite sprites physics pygame multiplayer level levels player",
  data_analysis: "data analysis analytics dataframe pandas statistic statistical numeric numerical",
  science:
    "science scientific math mathematics mathematical numeric numerical algebra linear symbolic physics chemistry biology astronomy simulation equation equations",
  visualization:
    "visual plot plots plotting chart charts graph graphs dashboard dashboards diagram diagrams interactive",
  geo: "geo geographic geospatial gis map maps mapping location locations coordinates gps spatial geocoding latitude",
  finance:
    "finance financial trading stock stocks market markets price prices money currency payment payments invoice accounting",
  ecommerce: "ecommerce shop shopping store cart checkout payment payments product products order orders",
  cms: "cms content management blog blogs page pages publishing editor wiki",
  admin: "admin administrat dashboard panel panels backoffice management interface",
  files: "file files filesystem directory directories path paths folder folders watch storage upload uploads",
  compression: "compression compress decompress archive archives zip gzip tar bz2 lzma zstd",
  packaging:
    "package packages packaging pip wheel wheels dependency dependencies installer install registry distribution bundle bundler version versioning",
  build: "build builds builder compile compiler compilation make makefile task tasks automation pipeline",
  devops:
    "deploy deployment deployments devops infrastructure provisioning ansible terraform kubernetes docker container containers cloud orchestration ci cd",
  containers: "docker container containers image images kubernetes pod pods compose registry",
  cloud: "cloud aws azure gcp s3 lambda serverless saas",
  environment: "environ virtualenv venv version versions manager interpreter interpreters sandbox isolation",
  vcs: "git vcs version control commit commits branch branches repository diff merge mercurial",
  editor:
    "editor editors ide vim emacs vscode plugin plugins extension extensions notebook notebooks jupyter",
  interpreter:
    "interpreter compiler compilers runtime jit bytecode vm virtual machine implementation language transpiler",
  functional:
    "functional immutable immutability lambda monad monads curry currying pipe composition iterator iterators lazy",
  data_structures:
    "data structure structures algorithm algorithms collection collections tree trees graph graphs list lists queue heap sorted set sets dict dictionary array arrays",
  design_patterns: "pattern patterns design dependency injection singleton factory observer state machine",
  crawling: "crawl crawler crawling scrape scraper scraping spider spiders harvest extraction extract",
  html_extraction:
    "html extract extraction article articles content readability boilerplate dom selector selectors xpath css",
  browser: "browser browsers headless automation selenium playwright puppeteer webdriver chrome firefox",
  distributed: "distributed cluster clusters computing parallel scale scaling consensus",
  big_data: "bigdata spark hadoop mapreduce pipeline pipelines etl workflow workflows batch stream streaming",
  workflow: "workflow workflows pipeline pipelines dag orchestration orchestrator airflow etl",
  hardware:
    "hardware embedded microcontroller microcontrollers arduino raspberry gpio iot sensor sensors serial usb firmware robot robotics",
  robotics: "robot robots robotics drone drones ros autonomous",
  mobile: "mobile android ios phone phones app apps",
  i18n: "i18n l10n translation translations internationalization localization locale locales language languages gettext",
  cli_output: "color colors colour output print printing pretty format formatting table tables",
  identifiers: "uuid id ids identifier identifiers unique slug",
  regex: "regex pattern patterns match matching",
  pdf_docs: "pdf pdfs report reports docx office latex",
  spreadsheet: "excel spreadsheet spreadsheets xlsx xls csv sheet sheets workbook",
  blockchain:
    "blockchain crypto cryptocurrency bitcoin ethereum wallet wallets smart contract contracts token tokens",
  dependency_injection: "dependency injection container inversion ioc",
  asset_management:
    "asset assets static css javascript minify minification bundle bundling compress frontend",
  css_frontend: "css sass less style styles stylesheet frontend ui component components react vue",
  dns: "dns domain domains hostname resolver",
  permissions: "permission permissions role roles acl access",
  caching: "cache caching cached memoize memoization lru ttl",
  rate_limiting: "rate limit limiting throttle throttling retry retries backoff circuit breaker",
  feature_flags: "feature flag flags toggle toggles rollout experiment experiments",
  recommender: "recommend recommendation recommender collaborative filtering ranking",
  probability:
    "probabilistic probability bayesian inference sampling mcmc statistic distribution distributions",
  optimization: "optimization optimize optimizer solver solvers linear programming constraint hyperparameter",
  time_series: "time series timeseries forecast forecasting temporal sequence",
  shell_scripting: "shell bash script scripts scripting subprocess command commands pipe pipes",
  system: "system process processes os kernel memory cpu disk daemon daemons service services",
  virtualization: "virtualization virtual machine vm vms hypervisor emulator emulation",
  wiki_knowledge: "wiki wikis knowledge notebook notetaking",
  email_templates: "newsletter campaign campaigns",
  accessibility: "accessibility a11y screen reader aria",
  social: "social twitter facebook reddit instagram linkedin mastodon feed feeds rss",
  third_party_api: "wrapper wrappers sdk binding bindings client clients api",
  downloader: "download downloader downloads youtube torrent",
  reverse_engineering: "disassembler disassembly decompiler binary binaries reverse engineering debugger",
  sql_tools: "sql query queries builder migration migrations schema dialect",
  geometry: "geometry geometric mesh meshes polygon polygons shape shapes cad",
  bioinformatics: "biology bioinformatics dna genome genomic protein sequence sequences gene genes",
  astronomy: "astronomy astronomical astrophysics telescope star stars",
  chemistry: "chemistry chemical molecule molecules molecular",
  education: "education course courses tutorial tutorials interview interviews exercises teaching",
  interactive: "interactive repl notebook notebooks shell console",
  error_handling:
    "error errors exception exceptions panic traceback crash crashes sentry retry failure failures",
  code_generation:
    "codegen generator generators generate generated scaffold scaffolding boilerplate template templates stub stubs",
  metaprogramming:
    "metaprogramming reflection introspection decorator decorators macro macros ast bytecode patch patching",
  wasm: "wasm webassembly",
  microservices: "microservice microservices service services gateway mesh discovery registry",
  barcode: "barcode barcodes qr qrcode",
  quantum: "quantum qubit qubits circuit circuits",
  medical: "medical clinical dicom hospital patient patients healthcare imaging",
  graph_analysis: "graph graphs network networks edge edges centrality pagerank",
  emoji: "emoji emojis unicode",
  url: "url urls uri uris link links slug querystring",
  event_driven: "event events emitter listener listeners signal signals hook hooks observer pubsub dispatch",
  command_runner: "task tasks runner makefile automation invoke",
};

/**
 * Broader fields, each a group of concepts: two projects about an ORM and a database driver share
 * no concept but do share a field, which should rank them above two projects that share nothing.
 * The same idea as path similarity in a taxonomy, one level deep.
 */
const fields: Record<string, string> = {
  web: "wasm microservices url web_framework http web_server realtime rpc graphql api_design templating static_site cms admin forms asset_management css_frontend crawling html_extraction browser",
  storage: "database orm keyvalue document_store search sql_tools caching big_data",
  concurrent: "queue scheduling concurrency distributed workflow big_data rate_limiting",
  network: "networking http realtime rpc dns email messaging web_server",
  security: "authentication authorization permissions security cryptography blockchain reverse_engineering",
  developer_tools:
    "error_handling code_generation metaprogramming command_runner event_driven testing debugging profiling code_quality type_system documentation build packaging environment vcs editor interpreter dependency_injection design_patterns feature_flags functional data_structures",
  terminal: "cli terminal_ui cli_output shell_scripting system interactive",
  desktop: "gui graphics game accessibility",
  text_formats:
    "emoji barcode markup parsing serialization data_formats validation text regex pdf_docs spreadsheet i18n identifiers date_time",
  ai: "ml deep_learning ai_agents nlp computer_vision recommender probability optimization time_series",
  media: "image graphics audio video computer_vision downloader",
  science:
    "quantum medical graph_analysis data_analysis science visualization geo geometry bioinformatics astronomy chemistry probability optimization time_series",
  operations: "logging monitoring devops containers cloud virtualization configuration system",
  files: "files compression data_formats",
  business: "finance ecommerce cms social blockchain third_party_api email_templates",
  devices: "hardware robotics mobile",
  learning: "education wiki_knowledge",
};

/** Concept → the fields it belongs to. */
export const fieldsByConcept: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [field, concepts] of Object.entries(fields))
    for (const concept of concepts.split(/\s+/)) map.set(concept, [...(map.get(concept) ?? []), field]);
  return map;
})();

/** Normalised word → the concepts it names. */
export const conceptsByToken: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [concept, words] of Object.entries(lexicon)) {
    for (const raw of words.split(/\s+/)) {
      if (!raw) continue;
      for (const part of raw.split("-")) {
        const token = normalizeWord(part.toLowerCase());
        const list = map.get(token) ?? [];
        if (!list.includes(concept)) list.push(concept);
        map.set(token, list);
      }
    }
  }
  return map;
})();

export const conceptNames: readonly string[] = Object.keys(lexicon);
