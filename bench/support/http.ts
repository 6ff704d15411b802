import { Agent, request } from "node:http";

/** The one API key the bench's emulator accepts. */
export const BENCH_API_KEY = "bench-key";

export interface Reply {
  status: number;
  text: string;
}

/**
 * An HTTP client that sends the bench's API key: what a raw caller of the API would do. With keep-alive
 * (for timed requests in a row), a socket idle longer than the server's keep-alive timeout (5 s) may
 * be closed under a new request: clients used now and then should go without.
 */
export class BenchClient {
  private readonly agent: Agent;

  constructor(options: { keepAlive: boolean; maxSockets?: number }) {
    this.agent = new Agent({ keepAlive: options.keepAlive, maxSockets: options.maxSockets ?? 1 });
  }

  send(url: string, method: string, body?: string): Promise<Reply> {
    return new Promise((resolveReply, reject) => {
      const headers: Record<string, string | number> = { Authorization: `Bearer ${BENCH_API_KEY}` };
      if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        headers["Content-Length"] = Buffer.byteLength(body);
      }
      const req = request(url, { method, agent: this.agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolveReply({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  /** Sends and throws, with the start of the answer, unless the status is 200. */
  async ok(url: string, method: string, body?: string): Promise<string> {
    const reply = await this.send(url, method, body);
    if (reply.status !== 200) throw new Error(`${method} ${url} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
    return reply.text;
  }

  close(): void {
    this.agent.destroy();
  }
}
