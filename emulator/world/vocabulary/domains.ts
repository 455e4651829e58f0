/**
 * Word lists per domain for repository names, descriptions and topics. The words are the ones real
 * projects in each area use, so keyword search (`machine learning`, `kubernetes`, `game engine`)
 * finds the repositories a person would expect.
 */
export interface DomainVocabulary {
  key: string;
  /** Name stems that read like project names ("torch", "vision"). */
  stems: string[];
  /** Nouns for "A {adjective} {noun} for {purpose}". */
  nouns: string[];
  purposes: string[];
  topics: string[];
  /** How people describe the field; READMEs use them so keyword searches find the domain. */
  phrases: string[];
  /** Share of the generated world. */
  weight: number;
  /** Languages repositories of this domain are mostly written in (GlobaLLM keys, weighted). */
  languages: [string, number][];
}

// biome-ignore format: word lists read best packed
export const domains: DomainVocabulary[] = [
  {
    key: "ai_ml",
    stems: [
      "torch", "tensor", "neural", "deep", "learn", "infer", "vision", "embed", "token", "grad", "llm", "agent",
      "diffuse", "transformer", "model", "train",
    ],
    nouns: [
      "deep learning framework", "inference engine", "tokenizer", "model serving toolkit", "training library",
      "vector search library", "LLM agent framework", "autograd engine", "computer vision library",
      "speech recognition toolkit",
    ],
    purposes: [
      "training large language models", "fast inference on CPUs and GPUs", "reinforcement learning research",
      "natural language processing", "image classification and segmentation", "retrieval-augmented generation",
      "model quantization", "distributed training",
    ],
    topics: [
      "machine-learning", "deep-learning", "artificial-intelligence", "pytorch", "tensorflow", "llm", "nlp",
      "computer-vision", "neural-network", "transformers", "reinforcement-learning", "mlops",
    ],
    phrases: [
      "machine learning", "deep learning", "artificial intelligence", "neural networks", "large language models",
    ],
    weight: 18,
    languages: [
      ["python", 60], ["cplusplus", 12], ["rust", 8], ["typescript", 6], ["go", 4], ["java", 4], ["javascript", 6],
    ],
  },
  {
    key: "web_dev",
    stems: [
      "express", "route", "http", "render", "view", "form", "fetch", "serve", "react", "vue", "swift", "pixel",
      "flow", "hook", "query", "next",
    ],
    nouns: [
      "web framework", "HTTP client", "router", "UI component library", "static site generator", "templating engine",
      "state management library", "CSS toolkit", "REST API framework", "GraphQL server",
    ],
    purposes: [
      "building fast web applications", "server-side rendering", "type-safe APIs", "single-page applications",
      "accessible user interfaces", "web components", "form validation", "streaming HTTP responses",
    ],
    topics: [
      "web", "http", "framework", "react", "vue", "javascript", "frontend", "backend", "rest-api", "graphql", "css",
      "nodejs", "web-components", "ssr",
    ],
    phrases: ["web development", "web framework", "frontend", "backend", "web applications"],
    weight: 20,
    languages: [
      ["javascript", 30], ["typescript", 35], ["python", 10], ["go", 7], ["ruby", 6], ["php", 8], ["java", 4],
      ["rust", 4], ["csharp", 3],
    ],
  },
  {
    key: "data_science",
    stems: [
      "frame", "plot", "stat", "table", "array", "query", "lake", "chart", "pandas", "arrow", "sql", "notebook",
      "stream", "column", "dask", "polar",
    ],
    nouns: [
      "dataframe library", "plotting library", "statistics toolkit", "columnar query engine", "notebook extension",
      "data validation library", "ETL framework", "time series toolkit", "visualization library", "SQL engine",
    ],
    purposes: [
      "exploratory data analysis", "large-scale data processing", "interactive visualization",
      "statistical modelling", "data pipelines", "time series forecasting", "reproducible notebooks",
      "analytics on Parquet files",
    ],
    topics: [
      "data-science", "pandas", "data-analysis", "visualization", "statistics", "jupyter", "dataframe", "sql", "etl",
      "data-engineering", "analytics", "big-data",
    ],
    phrases: ["data science", "data analysis", "data visualization", "statistics", "dataframes"],
    weight: 14,
    languages: [
      ["python", 55], ["rust", 10], ["java", 8], ["cplusplus", 8], ["javascript", 5], ["go", 5], ["typescript", 4],
      ["c", 5],
    ],
  },
  {
    key: "cloud_devops",
    stems: [
      "kube", "cloud", "deploy", "helm", "ops", "cluster", "terra", "pod", "mesh", "log", "metric", "trace", "vault",
      "ship", "dock", "infra",
    ],
    nouns: [
      "Kubernetes operator", "container runtime", "infrastructure as code tool", "CI/CD toolkit", "service mesh",
      "observability agent", "log shipper", "secrets manager", "deployment tool", "metrics exporter",
    ],
    purposes: [
      "running workloads on Kubernetes", "declarative infrastructure", "zero-downtime deployments",
      "distributed tracing", "multi-cloud provisioning", "monitoring and alerting", "GitOps workflows",
      "container image builds",
    ],
    topics: [
      "kubernetes", "devops", "docker", "cloud", "terraform", "observability", "prometheus", "ci-cd",
      "infrastructure-as-code", "containers", "aws", "monitoring", "gitops",
    ],
    phrases: ["devops", "kubernetes", "cloud native", "infrastructure", "continuous delivery"],
    weight: 16,
    languages: [
      ["go", 50], ["python", 15], ["rust", 8], ["shell", 7], ["typescript", 6], ["java", 6], ["ruby", 4], ["c", 4],
    ],
  },
  {
    key: "mobile",
    stems: [
      "swift", "droid", "mobile", "tap", "touch", "native", "flutter", "kit", "gesture", "camera", "push", "sheet",
      "nav", "pocket", "app", "screen",
    ],
    nouns: [
      "mobile UI toolkit", "React Native module", "Android library", "iOS framework", "cross-platform SDK",
      "navigation library", "image loading library", "offline sync engine", "push notification SDK",
      "gesture handler",
    ],
    purposes: [
      "building native mobile apps", "smooth animations on iOS and Android", "offline-first apps",
      "camera and media capture", "cross-platform navigation", "mobile analytics", "in-app purchases",
      "accessibility on mobile",
    ],
    topics: [
      "android", "ios", "mobile", "react-native", "flutter", "swift", "kotlin", "swiftui", "jetpack-compose",
      "cross-platform", "mobile-development",
    ],
    phrases: ["mobile development", "android", "ios", "mobile apps", "cross-platform"],
    weight: 10,
    languages: [
      ["kotlin", 25], ["swift", 20], ["java", 20], ["typescript", 12], ["javascript", 10], ["cplusplus", 5],
      ["csharp", 8],
    ],
  },
  {
    key: "security",
    stems: [
      "crypt", "guard", "scan", "shield", "auth", "cipher", "lock", "vuln", "fuzz", "sign", "trust", "sec", "seal",
      "keys", "hash", "audit",
    ],
    nouns: [
      "cryptography library", "vulnerability scanner", "authentication library", "fuzzing framework",
      "TLS implementation", "secret scanner", "password hashing library", "SBOM generator", "static analysis tool",
      "sandboxing runtime",
    ],
    purposes: [
      "finding vulnerabilities in dependencies", "constant-time cryptography", "OAuth 2.0 and OpenID Connect",
      "supply-chain security", "detecting leaked credentials", "memory-safe parsing",
      "signing and verifying artifacts", "penetration testing",
    ],
    topics: [
      "security", "cryptography", "authentication", "vulnerability-scanner", "fuzzing", "tls", "oauth2",
      "supply-chain-security", "sast", "infosec", "encryption", "pentesting",
    ],
    phrases: [
      "security", "cryptography", "vulnerability detection", "authentication", "application security",
    ],
    weight: 11,
    languages: [
      ["go", 22], ["rust", 20], ["python", 20], ["c", 14], ["java", 8], ["javascript", 6], ["typescript", 5],
      ["cplusplus", 5],
    ],
  },
  {
    key: "games",
    stems: [
      "game", "pixel", "sprite", "engine", "voxel", "physics", "tile", "quest", "arcade", "shader", "level",
      "render", "ecs", "play", "dungeon", "rogue",
    ],
    nouns: [
      "game engine", "physics engine", "entity component system", "2D rendering library", "level editor",
      "audio engine", "pathfinding library", "shader toolkit", "game networking library", "sprite animation library",
    ],
    purposes: [
      "2D and 3D games", "real-time physics simulation", "multiplayer games", "procedural generation",
      "retro pixel-art games", "game jams", "cross-platform game development", "GPU-accelerated rendering",
    ],
    topics: [
      "game-engine", "gamedev", "game-development", "opengl", "vulkan", "physics", "ecs", "2d", "3d", "pixel-art",
      "procedural-generation", "multiplayer",
    ],
    phrases: ["game development", "game engine", "gamedev", "games", "graphics"],
    weight: 11,
    languages: [
      ["cplusplus", 30], ["rust", 18], ["csharp", 15], ["c", 12], ["javascript", 8], ["typescript", 7], ["go", 5],
      ["python", 5],
    ],
  },
];

// biome-ignore format: word lists read best packed
export const adjectives = [
  "fast", "lightweight", "minimal", "modern", "pragmatic", "tiny", "extensible", "blazing fast", "type-safe",
  "batteries-included", "zero-dependency", "scalable", "simple", "composable", "production-ready", "declarative",
];

// biome-ignore format: word lists read best packed
export const nameSuffixes = [
  "", "", "", "js", "py", "kit", "lib", "x", "io", "ly", "hub", "core", "rs", "go", "ify", "er",
];

/** Name fragments for applications, docs and lists, so "library-only" filtering has something to drop. */
// biome-ignore format: word lists read best packed
export const appWords = [
  "dashboard", "app", "desktop", "studio", "bot", "server", "console", "manager", "tracker", "portal",
];
// biome-ignore format: word lists read best packed
export const docsWords = ["docs", "handbook", "guide", "book", "tutorials", "course", "cookbook", "website"];
