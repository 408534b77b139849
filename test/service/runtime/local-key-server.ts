import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request of the local key server. */
export type KeyServerBehaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 that serves signing keys the way a test tells it to. */
export class LocalKeyServer {
  /** Starts the server with an initial behaviour. */
  static async start(behaviour: KeyServerBehaviour): Promise<LocalKeyServer> {
    const keyServer = new LocalKeyServer(behaviour);
    await new Promise<void>((resolve) => keyServer.server.listen(0, '127.0.0.1', resolve));
    return keyServer;
  }

  /** Serves a JSON document with status 200. */
  static json(document: unknown): KeyServerBehaviour {
    const body = JSON.stringify(document);
    return (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    };
  }

  /** Every request path received, in order. */
  readonly requests: string[] = [];
  private readonly server: Server;

  private constructor(public behaviour: KeyServerBehaviour) {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      this.behaviour(req, res);
    });
  }

  /** The base URL, e.g. http://127.0.0.1:40123. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops the server and drops open connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
