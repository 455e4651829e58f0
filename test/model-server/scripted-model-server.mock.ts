import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ModelSettings } from "../../lib/ai/model-settings";

/** What the stand-in answers to one request. Omitted token counts are derived from the text. */
export interface ScriptedReply {
  content: string;
  promptTokens?: number;
  completionTokens?: number;
  /** Milliseconds to wait before answering (a slow model). */
  latencyMs?: number;
  /** An HTTP error status instead of a completion. */
  status?: number;
  /** Leave `usage` out of the answer (a provider that does not report it). */
  omitUsage?: boolean;
}

export interface RecordedRequest {
  model: string;
  maxTokens: number | null;
  stream: boolean;
  messages: { role: string; content: unknown }[];
  /** The request's response_format (`{ type: "json_object" }` when structured output is asked for). */
  responseFormat: unknown;
  /** The Authorization header as received (tests check the key arrives; it is never printed). */
  authorization: string | null;
  promptTokens: number;
  completionTokens: number;
}

export type Script = (request: RecordedRequest, index: number) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedModelServer {
  /** Base URL to give the provider, ending in /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

// About four bytes of English per token: a realistic count that stays below the byte bound GlobaLLM reserves.
const tokensOf = (value: unknown) => Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(value)) / 4));

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/**
 * A deterministic OpenAI-compatible model for tests: POST /v1/chat/completions answers with the
 * scripted content and `usage` (prompt and completion tokens), streamed or not, optionally slowly.
 * The completion never exceeds the request's max_tokens, as a real provider's would not.
 */
export async function startScriptedModelServer(
  script: Script = () => ({ content: "ok" }),
): Promise<ScriptedModelServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== "POST" || !request.url?.endsWith("/chat/completions")) {
        send(response, 404, {
          error: { message: `no route ${request.method} ${request.url}`, type: "not_found" },
        });
        return;
      }
      const body = await readJson(request);
      const maxTokens = (body.max_completion_tokens ?? body.max_tokens ?? null) as number | null;
      const recorded: RecordedRequest = {
        model: String(body.model),
        maxTokens,
        stream: body.stream === true,
        messages: (body.messages ?? []) as RecordedRequest["messages"],
        responseFormat: body.response_format ?? null,
        authorization: request.headers.authorization ?? null,
        promptTokens: 0,
        completionTokens: 0,
      };
      const index = requests.push(recorded) - 1;
      const reply = await script(recorded, index);
      if (reply.latencyMs) await new Promise((resolve) => setTimeout(resolve, reply.latencyMs));
      if (reply.status && reply.status !== 200) {
        send(response, reply.status, {
          error: { message: `scripted failure ${reply.status}`, type: "server_error" },
        });
        return;
      }
      recorded.promptTokens = reply.promptTokens ?? tokensOf(recorded.messages);
      const wanted = reply.completionTokens ?? tokensOf(reply.content);
      recorded.completionTokens = maxTokens === null ? wanted : Math.min(wanted, maxTokens);
      const usage = {
        prompt_tokens: recorded.promptTokens,
        completion_tokens: recorded.completionTokens,
        total_tokens: recorded.promptTokens + recorded.completionTokens,
      };
      const base = { id: `chatcmpl-${index}`, created: Math.floor(Date.now() / 1000), model: recorded.model };
      if (!recorded.stream) {
        send(response, 200, {
          ...base,
          object: "chat.completion",
          choices: [
            { index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" },
          ],
          ...(reply.omitUsage ? {} : { usage }),
        });
        return;
      }
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const event = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
      const chunk = { ...base, object: "chat.completion.chunk" };
      event({
        ...chunk,
        choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
      });
      event({ ...chunk, choices: [{ index: 0, delta: { content: reply.content }, finish_reason: null }] });
      event({ ...chunk, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
      if (!reply.omitUsage) event({ ...chunk, choices: [], usage });
      response.end("data: [DONE]\n\n");
    } catch (error) {
      send(response, 500, { error: { message: String(error), type: "server_error" } });
    }
  });
  // Node's default 5 s keep-alive races clients reusing an idle socket (the request dies as
  // ECONNRESET before it arrives); hosted providers keep connections open far longer.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Model settings that point the real OpenAI-compatible client at a scripted server. */
export function scriptedModelSettings(server: ScriptedModelServer, model = "scripted-1"): ModelSettings {
  return {
    provider: "openai-compatible",
    baseUrl: server.baseUrl,
    apiKey: "sk-test-0123456789abcdef",
    model,
    maxOutputTokens: 8192,
  };
}
